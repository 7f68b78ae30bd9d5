import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { SQLITE_BUSY_TIMEOUT_MS } from "../sqlite-adapter.ts";
import {
  MIGRATIONS_TABLE,
  type MigrationReport,
  unknownMigrations,
  verifyChecksums,
} from "./applied-migrations.ts";
import { MigrationFailedError } from "./migration-errors.ts";
import type { MigrationFile } from "./migration-files.ts";

type Connection = Database.Database;

/**
 * Applies the pending files to the SQLite database at `file`, creating it (and its folder) if needed.
 *
 * Each file runs in its own `BEGIN IMMEDIATE` transaction, which takes the database's write lock
 * before reading which files are applied: a second process starting at the same moment waits for the
 * lock, then sees the file recorded and skips it.
 *
 * Foreign keys are off on this connection (SQLite cannot switch them inside a transaction): a table
 * rebuild (create new, copy, drop old, rename) must not cascade the drop into child tables. Instead,
 * `PRAGMA foreign_key_check` runs before each commit and a violation fails the migration.
 */
export function migrateSqlite(file: string, files: readonly MigrationFile[]): MigrationReport {
  mkdirSync(dirname(file), { recursive: true });
  const connection = new Database(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    useWal(connection);
    connection.pragma("foreign_keys = OFF");
    const applied: string[] = [];
    const alreadyApplied: string[] = [];
    let unknown: string[] = [];
    for (const migration of files) {
      const outcome = connection
        .transaction(() => {
          const recorded = readApplied(connection);
          verifyChecksums("sqlite", files, recorded);
          unknown = unknownMigrations(files, recorded);
          if (recorded.has(migration.name)) return "already-applied";
          applyOne(connection, migration);
          return "applied";
        })
        .immediate();
      (outcome === "applied" ? applied : alreadyApplied).push(migration.name);
    }
    if (files.length === 0) unknown = unknownMigrations(files, readApplied(connection));
    return { provider: "sqlite", applied, alreadyApplied, unknown };
  } finally {
    connection.close();
  }
}

/**
 * WAL lets readers go on while a writer writes; the setting stays with the file. Switching a new file
 * to WAL needs it alone, and when another process opened it at the same moment (two app processes
 * starting together) SQLite answers SQLITE_BUSY at once, without calling its busy handler: so try
 * again, for as long as a lock is waited for.
 */
function useWal(connection: Connection): void {
  const deadline = Date.now() + SQLITE_BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      connection.pragma("journal_mode = WAL");
      return;
    } catch (error) {
      if (!(error instanceof Database.SqliteError && error.code.startsWith("SQLITE_BUSY"))) throw error;
      if (Date.now() >= deadline) throw error;
    }
    // The runner is synchronous (it runs before the app serves): a blocking pause of 5 ms.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
  }
}

function readApplied(connection: Connection): Map<string, string> {
  connection.exec(
    `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (
      "name" TEXT NOT NULL PRIMARY KEY,
      "checksum" TEXT NOT NULL,
      "appliedAt" TEXT NOT NULL
    )`,
  );
  const rows = connection.prepare(`SELECT "name", "checksum" FROM "${MIGRATIONS_TABLE}"`).all();
  return new Map(rows.map((row) => toAppliedRow(row)));
}

function toAppliedRow(row: unknown): [string, string] {
  if (typeof row === "object" && row !== null && "name" in row && "checksum" in row) {
    const { name, checksum } = row;
    if (typeof name === "string" && typeof checksum === "string") return [name, checksum];
  }
  throw new Error(`${MIGRATIONS_TABLE} holds a row that is not { name, checksum }: ${JSON.stringify(row)}`);
}

function applyOne(connection: Connection, migration: MigrationFile): void {
  try {
    connection.exec(migration.sql);
    const violations = connection.pragma("foreign_key_check");
    if (Array.isArray(violations) && violations.length > 0) {
      throw new Error(
        `foreign key violations after the migration: ${JSON.stringify(violations.slice(0, 5))}`,
      );
    }
  } catch (error) {
    throw new MigrationFailedError("sqlite", migration.name, error);
  }
  connection
    .prepare(`INSERT INTO "${MIGRATIONS_TABLE}" ("name", "checksum", "appliedAt") VALUES (?, ?, ?)`)
    .run(migration.name, migration.checksum, new Date().toISOString());
}
