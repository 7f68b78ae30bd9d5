import pg from "pg";
import {
  MIGRATIONS_TABLE,
  type MigrationReport,
  unknownMigrations,
  verifyChecksums,
} from "./applied-migrations.ts";
import { MigrationFailedError } from "./migration-errors.ts";
import type { MigrationFile } from "./migration-files.ts";

/**
 * The advisory lock every Kubejam process takes before migrating (an arbitrary constant; only
 * Kubejam uses it). PostgreSQL releases a session lock when its connection ends, crash included.
 */
export const MIGRATION_LOCK_KEY = 4_809_311_727;

/**
 * Applies the pending files to the PostgreSQL database at `url`. The whole run holds the advisory
 * lock, so processes starting together migrate one after the other; the later ones find every file
 * recorded. Each file runs in its own transaction with its record (PostgreSQL's DDL is
 * transactional: a failing file leaves nothing behind).
 */
export async function migratePostgresql(
  url: string,
  files: readonly MigrationFile[],
): Promise<MigrationReport> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (
        "name" TEXT NOT NULL PRIMARY KEY,
        "checksum" TEXT NOT NULL,
        "appliedAt" TIMESTAMPTZ NOT NULL DEFAULT now()
      )`,
    );
    const recorded = await readApplied(client);
    verifyChecksums("postgresql", files, recorded);
    const applied: string[] = [];
    const alreadyApplied: string[] = [];
    for (const migration of files) {
      if (recorded.has(migration.name)) {
        alreadyApplied.push(migration.name);
        continue;
      }
      await applyOne(client, migration);
      applied.push(migration.name);
    }
    return { provider: "postgresql", applied, alreadyApplied, unknown: unknownMigrations(files, recorded) };
  } finally {
    // Ending the session releases the advisory lock.
    await client.end();
  }
}

async function readApplied(client: pg.Client): Promise<Map<string, string>> {
  const result = await client.query<{ name: string; checksum: string }>(
    `SELECT "name", "checksum" FROM "${MIGRATIONS_TABLE}"`,
  );
  return new Map(result.rows.map((row) => [row.name, row.checksum]));
}

async function applyOne(client: pg.Client, migration: MigrationFile): Promise<void> {
  await client.query("BEGIN");
  try {
    // No parameters: the simple query protocol runs every statement of the file.
    await client.query(migration.sql);
    await client.query(`INSERT INTO "${MIGRATIONS_TABLE}" ("name", "checksum") VALUES ($1, $2)`, [
      migration.name,
      migration.checksum,
    ]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw new MigrationFailedError("postgresql", migration.name, error);
  }
}
