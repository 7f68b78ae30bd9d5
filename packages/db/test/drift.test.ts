// The hand-written SQL migrations and prisma/schema.prisma describe the same database, on both
// providers: every model and field has its table and column with a compatible type, nullability,
// default, keys, indexes and foreign keys, and nothing in the database is unknown to the schema.
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDatamodel } from "./support/dmmf.ts";
import { findDrift } from "./support/drift.ts";
import { introspect } from "./support/introspect.ts";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "./support/test-database.ts";

const datamodel = readDatamodel();

describe.each(PROVIDERS)("%s: schema.prisma and the migrations agree", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(() => database.drop());

  it("has every model's table, column, key, index and foreign key, and nothing else", async () => {
    const tables = await introspect(database.target);
    expect(tables.size).toBe(datamodel.models.length);
    expect(findDrift(provider, datamodel, tables)).toEqual([]);
  });

  it("notices a column, an index and a foreign key that the schema does not have (the check can fail)", async () => {
    await runSql(database, [
      'ALTER TABLE "submission" ADD COLUMN "seed" INTEGER',
      'DROP INDEX "submission_userId_exerciseId_createdAt_idx"',
      'CREATE TABLE "badge" ("id" TEXT NOT NULL PRIMARY KEY)',
    ]);
    const problems = findDrift(provider, datamodel, await introspect(database.target));
    expect(problems).toEqual(
      expect.arrayContaining([
        "table badge has no model in schema.prisma",
        "Submission (submission): column seed has no field in schema.prisma",
        "Submission (submission): index (userId,exerciseId,createdAt) is missing",
      ]),
    );
    expect(problems).toHaveLength(3);
  });
});

async function runSql(database: TestDatabase, statements: readonly string[]): Promise<void> {
  if (database.target.provider === "sqlite") {
    const connection = new Database(database.target.file);
    for (const statement of statements) connection.exec(statement);
    connection.close();
    return;
  }
  const client = new pg.Client({ connectionString: database.target.url });
  await client.connect();
  for (const statement of statements) await client.query(statement);
  await client.end();
}
