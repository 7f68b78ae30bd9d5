// A fresh database for one app-server test: a SQLite file in a temporary folder, or a new database on
// an embedded PostgreSQL started for the test file.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  type EmbeddedPostgresServer,
  startEmbeddedPostgres,
} from "@kubejam/db/test-support/embedded-postgres";

export type Provider = "sqlite" | "postgresql";

export type FreshDatabase = { readonly url: string; readonly drop: () => Promise<void> };

export async function freshSqliteDatabase(): Promise<FreshDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kubejam-app-"));
  return {
    url: `file:${path.join(dir, "kubejam.db")}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A fresh database of the provider; PostgreSQL starts a server of its own, stopped by `drop`. */
export async function freshDatabase(provider: Provider): Promise<FreshDatabase> {
  if (provider === "sqlite") return freshSqliteDatabase();
  const server: EmbeddedPostgresServer = await startEmbeddedPostgres();
  return { url: await server.createDatabase(), drop: server.stop };
}
