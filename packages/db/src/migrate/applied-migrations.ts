import type { Provider } from "../database-target.ts";
import { MigrationChecksumError } from "./migration-errors.ts";
import type { MigrationFile } from "./migration-files.ts";

/** The table each database records its applied migrations in. */
export const MIGRATIONS_TABLE = "_kubejam_migrations";

export type AppliedMigration = { readonly name: string; readonly checksum: string };

/** What a run did. `unknown` are applied migrations this code has no file for (a newer release's). */
export type MigrationReport = {
  readonly provider: Provider;
  readonly applied: readonly string[];
  readonly alreadyApplied: readonly string[];
  readonly unknown: readonly string[];
};

/** Throws MigrationChecksumError for the first applied file whose content changed. */
export function verifyChecksums(
  provider: Provider,
  files: readonly MigrationFile[],
  applied: ReadonlyMap<string, string>,
): void {
  for (const file of files) {
    const recorded = applied.get(file.name);
    if (recorded !== undefined && recorded !== file.checksum) {
      throw new MigrationChecksumError(provider, file.name, recorded, file.checksum);
    }
  }
}

export function unknownMigrations(files: readonly MigrationFile[], applied: ReadonlyMap<string, string>) {
  const known = new Set(files.map((file) => file.name));
  return [...applied.keys()].filter((name) => !known.has(name)).sort();
}
