// A fresh, migrated database per test file, on each provider: a new SQLite file in a temporary folder,
// or a new database on the run's embedded PostgreSQL server. Nothing is shared between files.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { createDb, type Db } from "../../src/client.ts";
import type { DatabaseTarget, Provider } from "../../src/database-target.ts";
import { migrate } from "../../src/migrate/migrate.ts";
// Declares the `postgresAdminUrl` that inject() reads, for packages that import this file.
import type {} from "./postgres-global-setup.ts";

export const PROVIDERS: readonly Provider[] = ["sqlite", "postgresql"];

export type TestDatabase = {
  readonly target: DatabaseTarget;
  readonly db: Db;
  /** Disconnects and deletes the database. */
  readonly drop: () => Promise<void>;
};

/** An empty database (no migrations applied) of the given provider. */
export async function createEmptyDatabase(provider: Provider): Promise<{
  target: DatabaseTarget;
  drop: () => Promise<void>;
}> {
  const name = `kj_${randomBytes(6).toString("hex")}`;
  if (provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "kubejam-sqlite-"));
    return {
      target: { provider, file: join(dir, `${name}.db`) },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = inject("postgresAdminUrl");
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    target: { provider, url: url.toString() },
    drop: () => withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE "${name}" WITH (FORCE)`)),
  };
}

/** A database built from the migrations, with a client on it. */
export async function createTestDatabase(provider: Provider): Promise<TestDatabase> {
  const { target, drop } = await createEmptyDatabase(provider);
  await migrate(target);
  const db = createDb(target);
  return {
    target,
    db,
    drop: async () => {
      await db.$disconnect();
      await drop();
    },
  };
}

async function withAdminClient(url: string, run: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}
