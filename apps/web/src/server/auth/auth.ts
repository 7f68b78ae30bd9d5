import "server-only";
import { join } from "node:path";
import { currentDatabaseTarget, findRepositoryRoot, getDb } from "@kubejam/db";
import { headers } from "next/headers";
import { env } from "../../env";
import { resolveAuthSecret } from "./auth-secret";
import { type Auth, createAuth } from "./create-auth";
import { type SessionUser, sessionUser } from "./session-user";

const globalForAuth = globalThis as typeof globalThis & { kubejamAuth?: Auth };

/** Where a generated secret is kept: next to the SQLite file, in the repository's git-ignored .data/. */
export function authSecretFile(): string {
  return join(findRepositoryRoot(process.cwd()), ".data", "auth-secret");
}

/** The app's better-auth, built once per process. */
export function getAuth(): Auth {
  globalForAuth.kubejamAuth ??= createAuth({
    db: getDb(),
    provider: currentDatabaseTarget().provider,
    secret: resolveAuthSecret(env.BETTER_AUTH_SECRET, authSecretFile()),
    baseURL: env.BETTER_AUTH_URL,
  });
  return globalForAuth.kubejamAuth;
}

/** The signed-in user of the page being rendered, or null. */
export async function currentUser(): Promise<SessionUser | null> {
  return sessionUser(getAuth(), await headers());
}
