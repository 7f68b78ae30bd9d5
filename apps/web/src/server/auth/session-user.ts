import { ROLES, type Role } from "@kubejam/db";
import { getCookieCache, parseCookies } from "better-auth/cookies";
import type { Auth } from "./create-auth";

export type SessionUser = {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
};

/**
 * The signed-in user of a request (by its session cookie), or null.
 *
 * First from the session cookie cache alone (`getCookieCache`: one HMAC check of the signed
 * `session_data` cookie, its expiry and the session's), which is what `auth.api.getSession` trusts
 * too while that cookie is fresh, without its endpoint machinery (~0.2 ms instead of ~0.8 ms of CPU
 * per request). As `getSession` does, the cache counts only for the session whose token the
 * `session_token` cookie holds. Otherwise (no cache, stale, another session's, a bad signature)
 * `getSession` decides, reading the database and renewing the cache cookie.
 */
export async function sessionUser(auth: Auth, headers: Headers): Promise<SessionUser | null> {
  const cached = await cachedSessionUser(auth, headers);
  if (cached) return cached;
  const session = await auth.api.getSession({ headers });
  return session ? toSessionUser(session.user) : null;
}

async function cachedSessionUser(auth: Auth, headers: Headers): Promise<SessionUser | null> {
  const cookie = headers.get("cookie");
  if (!cookie) return null;
  const context = await auth.$context;
  const { sessionData, sessionToken } = context.authCookies;
  const cache = await getCookieCache(headers, {
    secret: context.secret,
    isSecure: sessionData.name.startsWith("__Secure-"),
  });
  if (!cache) return null;
  const signedToken = parseCookies(cookie).get(sessionToken.name);
  return signedToken !== undefined && tokenOf(signedToken) === cache.session.token
    ? toSessionUser(cache.user)
    : null;
}

/** A better-call signed cookie is `encodeURIComponent(value + "." + signature)`. */
function tokenOf(signedCookie: string): string | undefined {
  let value: string;
  try {
    value = decodeURIComponent(signedCookie);
  } catch {
    return undefined;
  }
  const dot = value.lastIndexOf(".");
  return dot > 0 ? value.slice(0, dot) : undefined;
}

type SessionUserFields = { id: string; email: string; name: string; role?: unknown };

function toSessionUser({ id, email, name, role }: SessionUserFields): SessionUser {
  return { id, email, name, role: isRole(role) ? role : "learner" };
}

const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);
