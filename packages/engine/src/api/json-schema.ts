import { z } from "zod";
import { KINDS } from "./kinds";

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  const?: unknown;
  description?: string;
};

const cache = new Map<string, JsonSchema>();

/** The JSON Schema of a kind's manifest, generated from its zod schema (for the editor and `explain`). */
export function jsonSchemaFor(kind: string): JsonSchema | undefined {
  const hit = cache.get(kind);
  if (hit) return hit;
  const schema = KINDS.find((k) => k.kind === kind)?.schema;
  if (!schema) return undefined;
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  cache.set(kind, json);
  return json;
}
