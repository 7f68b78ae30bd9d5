import { isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Which database to use, decided once from DATABASE_URL (see `resolveDatabaseTarget`). */
export type DatabaseTarget =
  | { readonly provider: "sqlite"; readonly file: string }
  | { readonly provider: "postgresql"; readonly url: string };

export type Provider = DatabaseTarget["provider"];

export const DEFAULT_SQLITE_FILE = join(".data", "kubejam.db");

/**
 * - no URL: SQLite at `<repository root>/.data/kubejam.db`;
 * - `file:PATH`: SQLite at PATH (a relative PATH is taken from the repository root, so every package
 *   and script means the same file); `file:///abs/path` URLs work too;
 * - `postgres://…` or `postgresql://…`: PostgreSQL.
 * Anything else is refused rather than guessed.
 */
export function resolveDatabaseTarget(url: string | undefined, repositoryRoot: string): DatabaseTarget {
  if (url === undefined) return { provider: "sqlite", file: join(repositoryRoot, DEFAULT_SQLITE_FILE) };
  if (/^postgres(ql)?:\/\//i.test(url)) return { provider: "postgresql", url };
  if (url.startsWith("file:")) return { provider: "sqlite", file: sqliteFileFromUrl(url, repositoryRoot) };
  throw new Error(
    `DATABASE_URL must start with file:, postgres:// or postgresql:// (got "${redactUrl(url)}").`,
  );
}

function sqliteFileFromUrl(url: string, repositoryRoot: string): string {
  const path = url.startsWith("file://")
    ? fileURLToPath(url)
    : url.slice("file:".length).replace(/\?.*$/, "");
  if (path === "") throw new Error("DATABASE_URL `file:` needs a path, e.g. file:.data/kubejam.db");
  return isAbsolute(path) ? path : resolve(repositoryRoot, path);
}

/** A URL fit for a log line or an error message: the password is replaced by ***. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}

export function describeTarget(target: DatabaseTarget): string {
  return target.provider === "sqlite" ? `SQLite ${target.file}` : `PostgreSQL ${redactUrl(target.url)}`;
}
