import type { DatabaseTarget } from "../database-target.ts";
import type { MigrationReport } from "./applied-migrations.ts";
import { migratePostgresql } from "./migrate-postgresql.ts";
import { migrateSqlite } from "./migrate-sqlite.ts";
import { defaultMigrationsRoot, readMigrationFiles } from "./migration-files.ts";

export type MigrateOptions = {
  /** A folder holding `sqlite/` and `postgresql/`; default this package's `migrations/`. */
  readonly migrationsRoot?: string;
};

/**
 * Brings the database up to date with `migrations/<provider>/`: each pending file once, in order,
 * each in its own transaction, recorded with its sha256. Safe to call from several processes at
 * once. Throws MigrationChecksumError when an applied file changed, MigrationFailedError when a
 * file's SQL fails (that file is rolled back; the ones before it stay applied).
 */
export async function migrate(
  target: DatabaseTarget,
  options: MigrateOptions = {},
): Promise<MigrationReport> {
  const files = readMigrationFiles(target.provider, options.migrationsRoot ?? defaultMigrationsRoot());
  if (target.provider === "sqlite") return migrateSqlite(target.file, files);
  return migratePostgresql(target.url, files);
}
