import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

/** How long a connection waits for another process's write lock before failing with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/**
 * Per-connection settings. SQLite leaves foreign keys off unless each connection turns them on, and
 * Prisma's better-sqlite3 adapter does not: without this, `onDelete: Cascade` and every relation
 * would be unchecked on SQLite while PostgreSQL enforces them.
 */
const CONNECTION_PRAGMAS = "PRAGMA foreign_keys = ON;";

/**
 * Prisma's better-sqlite3 adapter, with foreign keys on for every connection it opens. The file's
 * folder is created first (better-sqlite3 creates the file, not its folder). WAL mode is a property
 * of the file, set once by the migration runner.
 */
export function createSqliteAdapter(file: string): SqlMigrationAwareDriverAdapterFactory {
  mkdirSync(dirname(file), { recursive: true });
  const inner = new PrismaBetterSqlite3({ url: `file:${file}`, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    async connect() {
      const adapter = await inner.connect();
      await adapter.executeScript(CONNECTION_PRAGMAS);
      return adapter;
    },
    async connectToShadowDb() {
      const adapter = await inner.connectToShadowDb();
      await adapter.executeScript(CONNECTION_PRAGMAS);
      return adapter;
    },
  };
}
