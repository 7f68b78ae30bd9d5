import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Provider } from "../database-target.ts";
import { findRepositoryRoot } from "../repository-root.ts";

/** One SQL file of `migrations/<provider>/`, named `NNNN_snake_case_name.sql`. */
export type MigrationFile = {
  readonly name: string;
  readonly sql: string;
  /** sha256 (hex) of the file with line endings normalised to \n, so a Windows checkout agrees. */
  readonly checksum: string;
};

const MIGRATION_NAME = /^(\d{4})_[a-z0-9]+(?:_[a-z0-9]+)*\.sql$/;

/**
 * `packages/db/migrations`: next to this file's package when it runs from source (tsx, vitest), else
 * under the repository root (a bundle, e.g. the Next.js server, has moved the code elsewhere).
 * Written without `new URL("…", import.meta.url)`, which bundlers take for an asset to bundle.
 */
export function defaultMigrationsRoot(): string {
  const underRepositoryRoot = join(findRepositoryRoot(process.cwd()), "packages", "db", "migrations");
  return besideThisPackage().find((dir) => existsSync(join(dir, "sqlite"))) ?? underRepositoryRoot;
}

function besideThisPackage(): string[] {
  try {
    return [join(dirname(fileURLToPath(import.meta.url)), "..", "..", "migrations")];
  } catch {
    return [];
  }
}

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql.replace(/\r\n/g, "\n"), "utf8").digest("hex");
}

/**
 * The provider's migrations in the order they apply. A file that does not follow the naming rule, or
 * two files with one number, stop everything: silently skipping a misnamed file would leave a
 * database without tables the code expects.
 */
export function readMigrationFiles(provider: Provider, root = defaultMigrationsRoot()): MigrationFile[] {
  const dir = join(root, provider);
  const names = readdirSync(dir).sort();
  const seenNumbers = new Map<string, string>();
  const files: MigrationFile[] = [];
  for (const name of names) {
    const match = MIGRATION_NAME.exec(name);
    if (!match) {
      throw new Error(
        `${join(dir, name)}: migration files are named NNNN_snake_case_name.sql (e.g. 0002_add_badges.sql)`,
      );
    }
    const number = match[1] ?? "";
    const previous = seenNumbers.get(number);
    if (previous !== undefined) throw new Error(`${dir}: ${previous} and ${name} share the number ${number}`);
    seenNumbers.set(number, name);
    const sql = readFileSync(join(dir, name), "utf8");
    files.push({ name, sql, checksum: checksumOf(sql) });
  }
  return files;
}
