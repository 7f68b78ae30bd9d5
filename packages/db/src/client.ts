import { PrismaPg } from "@prisma/adapter-pg";
import type { DatabaseTarget } from "./database-target.ts";
import { PrismaClient as PostgresPrismaClient } from "./generated/postgresql/client.ts";
import { PrismaClient as SqlitePrismaClient } from "./generated/sqlite/client.ts";
import { createSqliteAdapter } from "./sqlite-adapter.ts";

/**
 * The database client every query takes. Its type is the SQLite client's: both generated clients
 * come from the same models (see scripts/generate.mjs), and SQLite's query types are the subset both
 * providers support (no `mode: "insensitive"`, only Serializable transactions, no scalar lists).
 * `test/client-types.test.ts` checks that the two clients' model types are identical.
 */
export type Db = SqlitePrismaClient;

export function createDb(target: DatabaseTarget): Db {
  if (target.provider === "sqlite")
    return new SqlitePrismaClient({ adapter: createSqliteAdapter(target.file) });
  const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: target.url }) });
  return asCommonClient(client);
}

/**
 * The one place the PostgreSQL client is seen through the SQLite client's type. Sound because the
 * runtime objects are the same class (`getPrismaClientClass()` of one runtime) over the same models,
 * the SQLite input types are a subset of PostgreSQL's, and every query runs against both databases
 * in the test suite.
 */
function asCommonClient(client: PostgresPrismaClient): Db {
  return client as unknown as Db;
}
