import { createDb, type Db } from "./client.ts";
import { resolveDatabaseTarget } from "./database-target.ts";
import { readEnv } from "./env.ts";
import { findRepositoryRoot } from "./repository-root.ts";

const globalForDb = globalThis as typeof globalThis & { kubejamDb?: Db };

/**
 * The app's database client, chosen by DATABASE_URL. One per process: a dev server reloading this
 * module reuses the client kept on globalThis instead of opening another connection pool. Nothing
 * connects until the first query.
 */
export function getDb(): Db {
  globalForDb.kubejamDb ??= createDb(currentDatabaseTarget());
  return globalForDb.kubejamDb;
}

export function currentDatabaseTarget() {
  return resolveDatabaseTarget(readEnv().DATABASE_URL, findRepositoryRoot(process.cwd()));
}
