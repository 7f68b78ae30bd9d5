import { createAuthClient } from "better-auth/react";

/** better-auth in the browser: talks to this app's /api/auth only. */
export const authClient = createAuthClient();

/** A path on this site to go to after signing in or up; anything else (another host) is ignored. */
export function safeNextPath(next: string | null | undefined, fallback: string): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.includes("\\")) return fallback;
  return next;
}
