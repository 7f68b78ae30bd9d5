// The migration runner: each file once, in order, in its own transaction, recorded with its sha256;
// a changed applied file stops everything; processes starting together apply nothing twice.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseTarget } from "../src/database-target.ts";
import { migrate } from "../src/migrate/migrate.ts";
import { MigrationChecksumError, MigrationFailedError } from "../src/migrate/migration-errors.ts";
import { checksumOf, defaultMigrationsRoot, readMigrationFiles } from "../src/migrate/migration-files.ts";
import { startAppProcess } from "./support/app-process-driver.ts";
import { createEmptyDatabase, PROVIDERS } from "./support/test-database.ts";

const scratch = mkdtempSync(join(tmpdir(), "kubejam-migrations-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The repository's migration files, and the first number after theirs (for files a test adds). */
const SHIPPED = readMigrationFiles("sqlite").map((file) => file.name);
const NEXT = Number(SHIPPED.at(-1)?.slice(0, 4) ?? 0) + 1;
const numbered = (n: number, name: string) => `${String(n).padStart(4, "0")}_${name}.sql`;
const ADD_BADGES = numbered(NEXT, "add_badges");
const HALF_DONE = numbered(NEXT, "half_done");

/** A copy of the real migrations folder the test may change. */
function copyOfMigrations(): string {
  const root = mkdtempSync(join(scratch, "root-"));
  cpSync(defaultMigrationsRoot(), root, { recursive: true });
  return root;
}

async function query(target: DatabaseTarget, sql: string): Promise<Record<string, unknown>[]> {
  if (target.provider === "sqlite") {
    const connection = new Database(target.file, { readonly: true });
    try {
      return connection
        .prepare(sql)
        .all()
        .filter((row): row is Record<string, unknown> => typeof row === "object" && row !== null);
    } finally {
      connection.close();
    }
  }
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

async function tableExists(target: DatabaseTarget, table: string): Promise<boolean> {
  const sql =
    target.provider === "sqlite"
      ? `SELECT name FROM sqlite_master WHERE type = 'table' AND name = '${table}'`
      : `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = '${table}'`;
  return (await query(target, sql)).length === 1;
}

describe("migration files", () => {
  it("are read in order with the sha256 of their content, line endings normalised", () => {
    const files = readMigrationFiles("sqlite");
    expect(files.map((file) => file.name)[0]).toBe("0001_init.sql");
    const raw = readFileSync(join(defaultMigrationsRoot(), "sqlite", "0001_init.sql"), "utf8");
    expect(files[0]?.checksum).toBe(checksumOf(raw));
    expect(checksumOf("a\r\nb\n")).toBe(checksumOf("a\nb\n"));
    expect(checksumOf("a\nb\n")).not.toBe(checksumOf("a\nb \n"));
  });

  it("have the same names for both providers", () => {
    const names = (provider: "sqlite" | "postgresql") =>
      readMigrationFiles(provider).map((file) => file.name);
    expect(names("postgresql")).toEqual(names("sqlite"));
  });

  it("refuse a misnamed file and a duplicated number rather than skip them", () => {
    const root = copyOfMigrations();
    writeFileSync(join(root, "sqlite", "2-add-badges.sql"), "SELECT 1;");
    expect(() => readMigrationFiles("sqlite", root)).toThrow(
      /2-add-badges\.sql: migration files are named NNNN_/,
    );
    rmSync(join(root, "sqlite", "2-add-badges.sql"));
    writeFileSync(join(root, "sqlite", "0001_again.sql"), "SELECT 1;");
    expect(() => readMigrationFiles("sqlite", root)).toThrow(
      /0001_again\.sql and 0001_init\.sql share the number 0001/,
    );
  });
});

describe.each(PROVIDERS)("%s: migrate", (provider) => {
  let target: DatabaseTarget;
  let drop: () => Promise<void>;
  beforeEach(async () => {
    ({ target, drop } = await createEmptyDatabase(provider));
  });
  afterEach(() => drop());

  it("applies every file once and records its checksum; a second run applies nothing", async () => {
    const files = readMigrationFiles(provider);
    const first = await migrate(target);
    expect(first).toEqual({ provider, applied: files.map((f) => f.name), alreadyApplied: [], unknown: [] });
    const second = await migrate(target);
    expect(second).toEqual({ provider, applied: [], alreadyApplied: files.map((f) => f.name), unknown: [] });
    const recorded = await query(
      target,
      'SELECT "name", "checksum" FROM "_kubejam_migrations" ORDER BY "name"',
    );
    expect(recorded).toEqual(files.map((file) => ({ name: file.name, checksum: file.checksum })));
  });

  it("refuses to run when an applied file changed, naming the file, and applies nothing else", async () => {
    const root = copyOfMigrations();
    await migrate(target, { migrationsRoot: root });
    const changed = join(root, provider, "0001_init.sql");
    writeFileSync(changed, `${readFileSync(changed, "utf8")}\n-- an innocent-looking edit\n`);
    writeFileSync(join(root, provider, ADD_BADGES), 'CREATE TABLE "badge" ("id" TEXT NOT NULL PRIMARY KEY);');

    const run = migrate(target, { migrationsRoot: root });
    await expect(run).rejects.toBeInstanceOf(MigrationChecksumError);
    await expect(run).rejects.toThrow(
      `migrations/${provider}/0001_init.sql was changed after it was applied to this database`,
    );
    expect(await tableExists(target, "badge")).toBe(false);
  });

  it("rolls a failing file back completely, keeps the earlier ones, and records nothing for it", async () => {
    const root = copyOfMigrations();
    writeFileSync(
      join(root, provider, HALF_DONE),
      'CREATE TABLE "badge" ("id" TEXT NOT NULL PRIMARY KEY);\nINSERT INTO "no_such_table" VALUES (1);\n',
    );
    const run = migrate(target, { migrationsRoot: root });
    await expect(run).rejects.toBeInstanceOf(MigrationFailedError);
    await expect(run).rejects.toThrow(`migrations/${provider}/${HALF_DONE} failed and was rolled back`);
    expect(await tableExists(target, "badge")).toBe(false);
    expect(await tableExists(target, "submission")).toBe(true);
    const recorded = await query(target, 'SELECT "name" FROM "_kubejam_migrations"');
    expect(recorded).toEqual(SHIPPED.map((name) => ({ name })));
  });

  it("reports applied migrations it has no file for (a newer release ran) without failing", async () => {
    const newer = copyOfMigrations();
    writeFileSync(
      join(newer, provider, ADD_BADGES),
      'CREATE TABLE "badge" ("id" TEXT NOT NULL PRIMARY KEY);',
    );
    await migrate(target, { migrationsRoot: newer });
    const report = await migrate(target);
    expect(report.unknown).toEqual([ADD_BADGES]);
  });

  it("applies each file exactly once when two processes migrate the same database at the same time", async () => {
    // 29 more files, each of which fails if it runs twice (CREATE TABLE without IF NOT EXISTS).
    const root = copyOfMigrations();
    for (let n = NEXT; n < NEXT + 29; n++)
      writeFileSync(join(root, provider, numbered(n, `table_${n}`)), `CREATE TABLE "t${n}" ("id" INTEGER);`);
    const processes = await Promise.all([startAppProcess(target), startAppProcess(target)]);
    try {
      const reports = await Promise.all(processes.map((process) => process.migrate(root)));
      const applied = reports.flatMap((report) => report.applied).sort();
      expect(applied).toEqual(readMigrationFiles(provider, root).map((file) => file.name));
      const counts = await query(target, 'SELECT COUNT(*) AS "n" FROM "_kubejam_migrations"');
      expect(Number(counts[0]?.n)).toBe(SHIPPED.length + 29);
    } finally {
      await Promise.all(processes.map((process) => process.stop()));
    }
  });

  it.runIf(provider === "sqlite")(
    "turns a new file to WAL when two processes open it at the same instant",
    async () => {
      // SQLite answers the switch to WAL with SQLITE_BUSY at once, without its busy handler, when
      // another connection has the new file open: without trying again, most rounds fail.
      const names = readMigrationFiles(provider).map((file) => file.name);
      for (let round = 0; round < 4; round++) {
        const fresh = await createEmptyDatabase(provider);
        const processes = await Promise.all([startAppProcess(fresh.target), startAppProcess(fresh.target)]);
        try {
          const startAt = Date.now() + 300;
          const reports = await Promise.all(processes.map((process) => process.migrate(undefined, startAt)));
          expect(reports.flatMap((report) => report.applied).sort()).toEqual(names);
        } finally {
          await Promise.all(processes.map((process) => process.stop()));
          await fresh.drop();
        }
      }
    },
  );
});
