import type { Provider } from "../database-target.ts";

/** An applied migration's file changed: the database no longer matches what its SQL says. */
export class MigrationChecksumError extends Error {
  override readonly name = "MigrationChecksumError";

  constructor(
    readonly provider: Provider,
    readonly file: string,
    readonly recordedChecksum: string,
    readonly currentChecksum: string,
  ) {
    super(
      `migrations/${provider}/${file} was changed after it was applied to this database ` +
        `(recorded sha256 ${recordedChecksum}, file now ${currentChecksum}). ` +
        "An applied migration must never change: restore the file and put the change in a new migration.",
    );
  }
}

/** A migration's SQL failed; its transaction was rolled back and later files were not tried. */
export class MigrationFailedError extends Error {
  override readonly name = "MigrationFailedError";

  constructor(
    readonly provider: Provider,
    readonly file: string,
    cause: unknown,
  ) {
    super(
      `migrations/${provider}/${file} failed and was rolled back: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
  }
}
