// What a database actually has, read from its catalog, in one shape for both providers.
import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseTarget } from "../../src/database-target.ts";
import { MIGRATIONS_TABLE } from "../../src/migrate/applied-migrations.ts";

export type Column = { readonly type: string; readonly notNull: boolean; readonly hasDefault: boolean };
export type Index = { readonly columns: readonly string[]; readonly unique: boolean };
export type ForeignKey = {
  readonly columns: readonly string[];
  readonly table: string;
  readonly refColumns: readonly string[];
  readonly onDelete: string;
};
export type Table = {
  readonly columns: ReadonlyMap<string, Column>;
  readonly primaryKey: readonly string[];
  /** Secondary indexes (not the primary key's). */
  readonly indexes: readonly Index[];
  readonly foreignKeys: readonly ForeignKey[];
};

/** Every table but the migration runner's own. */
export async function introspect(target: DatabaseTarget): Promise<Map<string, Table>> {
  const tables =
    target.provider === "sqlite" ? introspectSqlite(target.file) : await introspectPostgres(target.url);
  tables.delete(MIGRATIONS_TABLE);
  return tables;
}

type Row = Record<string, unknown>;

function str(row: Row, key: string): string {
  const value = row[key];
  if (typeof value !== "string") throw new Error(`expected text in ${key}: ${JSON.stringify(row)}`);
  return value;
}

function num(row: Row, key: string): number {
  const value = row[key];
  if (typeof value !== "number") throw new Error(`expected a number in ${key}: ${JSON.stringify(row)}`);
  return value;
}

function rows(value: unknown[]): Row[] {
  return value.filter((row): row is Row => typeof row === "object" && row !== null);
}

function introspectSqlite(file: string): Map<string, Table> {
  const connection = new Database(file, { readonly: true });
  try {
    const names = rows(
      connection
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .all(),
    ).map((row) => str(row, "name"));
    const tables = new Map<string, Table>();
    for (const name of names) {
      const info = rows(connection.prepare(`PRAGMA table_info("${name}")`).all());
      const columns = new Map(
        info.map((row) => [
          str(row, "name"),
          {
            type: str(row, "type").toUpperCase(),
            // SQLite lets a non-INTEGER primary key hold NULL unless NOT NULL is written; we always write it.
            notNull: num(row, "notnull") === 1,
            hasDefault: row.dflt_value !== null,
          },
        ]),
      );
      const primaryKey = info
        .filter((row) => num(row, "pk") > 0)
        .sort((a, b) => num(a, "pk") - num(b, "pk"))
        .map((row) => str(row, "name"));
      const indexes = rows(connection.prepare(`PRAGMA index_list("${name}")`).all())
        .filter((row) => str(row, "origin") !== "pk")
        .map((row) => ({
          unique: num(row, "unique") === 1,
          columns: rows(connection.prepare(`PRAGMA index_info("${str(row, "name")}")`).all())
            .sort((a, b) => num(a, "seqno") - num(b, "seqno"))
            .map((column) => str(column, "name")),
        }));
      const keys = new Map<
        number,
        { columns: string[]; table: string; refColumns: string[]; onDelete: string }
      >();
      for (const row of rows(connection.prepare(`PRAGMA foreign_key_list("${name}")`).all())) {
        const key = keys.get(num(row, "id")) ?? {
          columns: [],
          table: str(row, "table"),
          refColumns: [],
          onDelete: str(row, "on_delete").toUpperCase(),
        };
        key.columns.push(str(row, "from"));
        key.refColumns.push(str(row, "to"));
        keys.set(num(row, "id"), key);
      }
      tables.set(name, { columns, primaryKey, indexes, foreignKeys: [...keys.values()] });
    }
    return tables;
  } finally {
    connection.close();
  }
}

const PG_DELETE_ACTIONS: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

async function introspectPostgres(url: string): Promise<Map<string, Table>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columnRows = (
      await client.query(
        `SELECT table_name, column_name, data_type, datetime_precision, is_nullable, column_default
         FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
      )
    ).rows;
    const indexRows = (
      await client.query(
        `SELECT t.relname AS table_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
                array_agg(a.attname::text ORDER BY k.ord) AS columns
         FROM pg_index ix
         JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
         WHERE n.nspname = 'public'
         GROUP BY t.relname, ix.indexrelid, ix.indisunique, ix.indisprimary`,
      )
    ).rows;
    const foreignKeyRows = (
      await client.query(
        `SELECT src.relname AS table_name, dst.relname AS ref_table, c.confdeltype AS on_delete,
                (SELECT array_agg(a.attname::text ORDER BY k.ord)
                   FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
                (SELECT array_agg(a.attname::text ORDER BY k.ord)
                   FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS ref_columns
         FROM pg_constraint c
         JOIN pg_class src ON src.oid = c.conrelid
         JOIN pg_class dst ON dst.oid = c.confrelid
         JOIN pg_namespace n ON n.oid = c.connamespace
         WHERE c.contype = 'f' AND n.nspname = 'public'`,
      )
    ).rows;
    const tables = new Map<
      string,
      { columns: Map<string, Column>; primaryKey: string[]; indexes: Index[]; foreignKeys: ForeignKey[] }
    >();
    const tableOf = (name: string) => {
      const existing = tables.get(name);
      if (existing) return existing;
      const created = { columns: new Map<string, Column>(), primaryKey: [], indexes: [], foreignKeys: [] };
      tables.set(name, created);
      return created;
    };
    for (const row of rows(columnRows)) {
      const dataType = str(row, "data_type");
      const precision = row.datetime_precision;
      const type =
        dataType.startsWith("timestamp") && typeof precision === "number"
          ? dataType.replace("timestamp", `timestamp(${precision})`)
          : dataType;
      tableOf(str(row, "table_name")).columns.set(str(row, "column_name"), {
        type,
        notNull: str(row, "is_nullable") === "NO",
        hasDefault: row.column_default !== null,
      });
    }
    for (const row of rows(indexRows)) {
      const columns = stringArray(row.columns);
      const table = tableOf(str(row, "table_name"));
      if (row.is_primary === true) table.primaryKey.push(...columns);
      else table.indexes.push({ columns, unique: row.is_unique === true });
    }
    for (const row of rows(foreignKeyRows)) {
      tableOf(str(row, "table_name")).foreignKeys.push({
        columns: stringArray(row.columns),
        table: str(row, "ref_table"),
        refColumns: stringArray(row.ref_columns),
        onDelete: PG_DELETE_ACTIONS[str(row, "on_delete")] ?? str(row, "on_delete"),
      });
    }
    return new Map(tables);
  } finally {
    await client.end();
  }
}

function stringArray(value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) {
    throw new Error(`expected a text array: ${JSON.stringify(value)}`);
  }
  return value;
}
