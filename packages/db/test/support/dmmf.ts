// The Prisma schema as Prisma itself reads it: the DMMF from @prisma/prisma-schema-wasm, the same
// wasm build of Prisma's schema parser the 7.10.0 CLI bundles (pinned to its engines version).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { z } from "zod";

const FieldSchema = z.object({
  name: z.string(),
  dbName: z.string().nullish(),
  kind: z.enum(["scalar", "object", "enum", "unsupported"]),
  type: z.string(),
  isList: z.boolean(),
  isRequired: z.boolean(),
  isId: z.boolean(),
  isUnique: z.boolean(),
  isUpdatedAt: z.boolean(),
  hasDefaultValue: z.boolean(),
  default: z.unknown().optional(),
  relationFromFields: z.array(z.string()).optional(),
  relationToFields: z.array(z.string()).optional(),
  relationOnDelete: z.string().optional(),
});

const ModelSchema = z.object({
  name: z.string(),
  dbName: z.string().nullable(),
  fields: z.array(FieldSchema),
  primaryKey: z.object({ fields: z.array(z.string()) }).nullable(),
});

const IndexSchema = z.object({
  model: z.string(),
  type: z.enum(["id", "unique", "normal", "fulltext"]),
  fields: z.array(z.object({ name: z.string() })),
});

const DmmfSchema = z.object({
  datamodel: z.object({ models: z.array(ModelSchema), indexes: z.array(IndexSchema) }),
});

export type DmmfField = z.infer<typeof FieldSchema>;
export type DmmfModel = z.infer<typeof ModelSchema>;
export type DmmfIndex = z.infer<typeof IndexSchema>;
export type Datamodel = z.infer<typeof DmmfSchema>["datamodel"];

export const SCHEMA_PATH = join(import.meta.dirname, "..", "..", "prisma", "schema.prisma");

export function readDatamodel(schemaPath = SCHEMA_PATH): Datamodel {
  const schema = readFileSync(schemaPath, "utf8");
  const raw: unknown = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] })));
  return DmmfSchema.parse(raw).datamodel;
}

export function tableName(model: DmmfModel): string {
  return model.dbName ?? model.name;
}

export function columnName(field: DmmfField): string {
  return field.dbName ?? field.name;
}
