// Compares the Prisma schema (its DMMF) with a database's catalog and lists every disagreement.
import type { Provider } from "../../src/database-target.ts";
import { columnName, type Datamodel, type DmmfModel, tableName } from "./dmmf.ts";
import type { Table } from "./introspect.ts";

/**
 * The column type each Prisma scalar must have: the types Prisma's own migrations use, which are also
 * what the driver adapters read to convert values (SQLite's adapter turns JSONB into JSON, DATETIME
 * into dates). A scalar type missing here fails the check until someone adds it on purpose.
 */
export const COLUMN_TYPES: Record<Provider, Record<string, string>> = {
  sqlite: {
    String: "TEXT",
    Int: "INTEGER",
    BigInt: "BIGINT",
    Float: "REAL",
    Boolean: "BOOLEAN",
    DateTime: "DATETIME",
    Json: "JSONB",
  },
  postgresql: {
    String: "text",
    Int: "integer",
    BigInt: "bigint",
    Float: "double precision",
    Boolean: "boolean",
    DateTime: "timestamp(3) without time zone",
    Json: "jsonb",
  },
};

const key = (columns: readonly string[]) => columns.join(",");

export function findDrift(
  provider: Provider,
  datamodel: Datamodel,
  tables: ReadonlyMap<string, Table>,
): string[] {
  const problems: string[] = [];
  const modelTables = new Set(datamodel.models.map(tableName));
  for (const name of tables.keys()) {
    if (!modelTables.has(name)) problems.push(`table ${name} has no model in schema.prisma`);
  }
  for (const model of datamodel.models) {
    const table = tables.get(tableName(model));
    if (!table) {
      problems.push(`model ${model.name}: table ${tableName(model)} is missing`);
      continue;
    }
    problems.push(...columnDrift(provider, model, table), ...keyDrift(datamodel, model, table));
  }
  return problems;
}

function columnDrift(provider: Provider, model: DmmfModel, table: Table): string[] {
  const problems: string[] = [];
  const where = `${model.name} (${tableName(model)})`;
  const scalars = model.fields.filter((field) => field.kind === "scalar" || field.kind === "enum");
  for (const field of scalars) {
    const column = table.columns.get(columnName(field));
    const expectedType = COLUMN_TYPES[provider][field.type];
    if (!column) {
      problems.push(`${where}.${field.name}: column ${columnName(field)} is missing`);
      continue;
    }
    if (field.isList) problems.push(`${where}.${field.name}: lists are not portable`);
    if (expectedType === undefined)
      problems.push(`${where}.${field.name}: no ${provider} type known for ${field.type}`);
    else if (column.type !== expectedType) {
      problems.push(
        `${where}.${field.name}: column type ${column.type}, expected ${expectedType} for ${field.type}`,
      );
    }
    if (column.notNull !== field.isRequired) {
      problems.push(
        `${where}.${field.name}: column is ${column.notNull ? "NOT NULL" : "nullable"} but the field is ${field.isRequired ? "required" : "optional"}`,
      );
    }
    // A literal default (`@default(false)`, `@default("learner")`) is the database's job: Prisma
    // leaves the column out of the INSERT. Function defaults (now(), uuid()) are filled in by Prisma.
    const hasLiteralDefault = field.hasDefaultValue && typeof field.default !== "object";
    if (hasLiteralDefault && !column.hasDefault) {
      problems.push(
        `${where}.${field.name}: @default(${String(field.default)}) but the column has no DEFAULT`,
      );
    }
  }
  const fieldColumns = new Set(scalars.map(columnName));
  for (const name of table.columns.keys()) {
    if (!fieldColumns.has(name)) problems.push(`${where}: column ${name} has no field in schema.prisma`);
  }
  return problems;
}

function keyDrift(datamodel: Datamodel, model: DmmfModel, table: Table): string[] {
  const problems: string[] = [];
  const where = `${model.name} (${tableName(model)})`;
  const toColumns = (fieldNames: readonly string[]) =>
    fieldNames.map((name) => {
      const field = model.fields.find((candidate) => candidate.name === name);
      return field ? columnName(field) : name;
    });

  const idFields =
    model.primaryKey?.fields ?? model.fields.filter((field) => field.isId).map((field) => field.name);
  if (key(toColumns(idFields)) !== key(table.primaryKey)) {
    problems.push(
      `${where}: primary key (${table.primaryKey.join(", ")}), expected (${toColumns(idFields).join(", ")})`,
    );
  }

  const expectedIndexes = datamodel.indexes
    .filter((index) => index.model === model.name && (index.type === "unique" || index.type === "normal"))
    .map(
      (index) =>
        `${index.type === "unique" ? "unique" : "index"} (${key(toColumns(index.fields.map((f) => f.name)))})`,
    )
    .sort();
  const actualIndexes = table.indexes
    .map((index) => `${index.unique ? "unique" : "index"} (${key(index.columns)})`)
    .sort();
  for (const index of expectedIndexes) {
    if (!actualIndexes.includes(index)) problems.push(`${where}: ${index} is missing`);
  }
  for (const index of actualIndexes) {
    if (!expectedIndexes.includes(index)) problems.push(`${where}: ${index} is not in schema.prisma`);
  }

  const expectedKeys = model.fields
    .filter((field) => field.kind === "object" && (field.relationFromFields?.length ?? 0) > 0)
    .map((field) => {
      const target = datamodel.models.find((candidate) => candidate.name === field.type);
      const refColumns = (field.relationToFields ?? []).map((name) => {
        const refField = target?.fields.find((candidate) => candidate.name === name);
        return refField ? columnName(refField) : name;
      });
      const onDelete = (field.relationOnDelete ?? "Restrict")
        .replace(/([a-z])([A-Z])/g, "$1 $2")
        .toUpperCase();
      return `(${key(toColumns(field.relationFromFields ?? []))}) -> ${target ? tableName(target) : field.type}(${key(refColumns)}) ON DELETE ${onDelete}`;
    })
    .sort();
  const actualKeys = table.foreignKeys
    .map((fk) => `(${key(fk.columns)}) -> ${fk.table}(${key(fk.refColumns)}) ON DELETE ${fk.onDelete}`)
    .sort();
  for (const fk of expectedKeys) {
    if (!actualKeys.includes(fk)) problems.push(`${where}: foreign key ${fk} is missing`);
  }
  for (const fk of actualKeys) {
    if (!expectedKeys.includes(fk)) problems.push(`${where}: foreign key ${fk} is not in schema.prisma`);
  }
  return problems;
}
