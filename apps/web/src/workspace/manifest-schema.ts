// One JSON Schema for a manifest file: every kind the engine serves, each generated from the engine's
// zod schema (jsonSchemaFor), chosen by `kind`. monaco-yaml applies it to each YAML document.
import { type JsonSchema, jsonSchemaFor, KINDS } from "@kubejam/engine";

type Json = Record<string, unknown>;

function strip(schema: JsonSchema): Json {
  const { $schema: _drop, ...rest } = schema as Json;
  return rest;
}

export function manifestSchema(): Json {
  const kinds = KINDS.filter((k) => k.schema !== undefined);
  const branches: Json[] = [];
  for (const k of kinds) {
    const schema = jsonSchemaFor(k.kind);
    if (schema) branches.push({ ...strip(schema), title: k.kind });
  }
  return {
    title: "Kubernetes manifest",
    type: "object",
    properties: {
      apiVersion: {
        type: "string",
        description: "The API group and version of the kind, e.g. v1 or apps/v1.",
        enum: [...new Set(kinds.map((k) => k.apiVersion))],
      },
      kind: {
        type: "string",
        description: "The kind of object (case-sensitive).",
        enum: kinds.map((k) => k.kind),
      },
    },
    required: ["apiVersion", "kind"],
    anyOf: branches,
  };
}
