import { type JsonSchema, jsonSchemaFor, resolveResource } from "@kubejam/engine";
import type { ParsedArgs } from "../args";
import { type Context, fail, type KubectlResult, ok } from "../result";

// `kubectl explain RESOURCE[.field.path]` in kubectl 1.33's plaintext layout, from the engine's schemas.
const DESCRIPTIONS: Record<string, string> = {
  Pod: "Pod is a collection of containers that can run on a host. This resource is\n    created by clients and scheduled onto hosts.",
  Deployment: "Deployment enables declarative updates for Pods and ReplicaSets.",
  ReplicaSet:
    "ReplicaSet ensures that a specified number of pod replicas are running at\n    any given time.",
  Namespace: "Namespace provides a scope for Names. Use of multiple namespaces is optional.",
  Node: "Node is a worker node in Kubernetes. Each node will have a unique identifier\n    in the cache (i.e. in etcd).",
};

function typeName(s: JsonSchema | undefined): string {
  if (!s) return "Object";
  if (s.anyOf)
    return s.anyOf.some((x) => x.type === "string") &&
      s.anyOf.some((x) => x.type === "integer" || x.type === "number")
      ? "IntOrString"
      : typeName(s.anyOf[0]);
  const t = Array.isArray(s.type) ? s.type[0] : s.type;
  if (t === "array") return `[]${typeName(s.items)}`;
  if (t === "object")
    return s.properties
      ? "Object"
      : s.additionalProperties && typeof s.additionalProperties === "object"
        ? `map[string]${typeName(s.additionalProperties)}`
        : "Object";
  if (t === "integer" || t === "number") return "integer";
  if (t === "boolean") return "boolean";
  if (t === "string") return "string";
  return "Object";
}

export function explainCommand(ctx: Context, args: ParsedArgs): KubectlResult {
  const target = args.positionals[0];
  if (!target)
    return fail(
      ctx.state,
      'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  const [resource = "", ...path] = target.split(".");
  const info = resolveResource(resource);
  const schema = info ? jsonSchemaFor(info.kind) : undefined;
  if (!info || !schema)
    return fail(ctx.state, `error: the server doesn't have a resource type "${resource}"`);
  let node: JsonSchema | undefined = schema;
  for (const seg of path) {
    let next: JsonSchema | undefined = node;
    while (next && (next.items || next.anyOf)) next = next.items ?? next.anyOf?.find((a) => a.properties);
    node = next?.properties?.[seg];
    if (!node) return fail(ctx.state, `error: field "${seg}" does not exist`);
  }
  let fieldsOf: JsonSchema | undefined = node;
  while (fieldsOf && (fieldsOf.items || fieldsOf.anyOf))
    fieldsOf = fieldsOf.items ?? fieldsOf.anyOf?.find((a) => a.properties);
  const lines = [`KIND:       ${info.kind}`, `VERSION:    ${info.apiVersion}`, ""];
  if (path.length > 0) lines.push(`FIELD: ${path.at(-1)} <${typeName(node)}>`, "");
  else lines.push("DESCRIPTION:", `    ${DESCRIPTIONS[info.kind] ?? info.kind}`, "    ");
  const props = fieldsOf?.properties;
  if (props) {
    lines.push("FIELDS:");
    const required = new Set(fieldsOf?.required ?? []);
    for (const [name, p] of Object.entries(props))
      lines.push(`  ${name}\t<${typeName(p)}>${required.has(name) ? " -required-" : ""}`);
  }
  return ok(ctx.state, `${lines.join("\n")}\n\n`);
}
