import { KINDS } from "@kubejam/engine";
import { boolFlag, flag, type ParsedArgs } from "../args";
import { renderTable } from "../printers/table";
import { resourceName } from "../resources";
import { type Context, fail, type KubectlResult, lines, ok } from "../result";

/**
 * `kubectl api-resources [--namespaced=BOOL] [--api-group=G] [--sort-by=name|kind] [-o name] [--no-headers]`
 * for the kinds this cluster serves (kubectl/pkg/cmd/apiresources/apiresources.go).
 */
export function apiResourcesCommand(ctx: Context, args: ParsedArgs): KubectlResult {
  const output = flag(args, "output") ?? "";
  if (!["", "wide", "name"].includes(output))
    return fail(ctx.state, `error: --output ${output} is not available`);
  if (output === "wide") return fail(ctx.state, "error: kubectl api-resources -o wide is not simulated here");
  const sortBy = flag(args, "sort-by") ?? "";
  if (!["", "name", "kind"].includes(sortBy))
    return fail(ctx.state, "error: --sort-by accepts only name or kind");
  // Only a --namespaced given on the command line filters (the flag defaults to true).
  const namespaced = flag(args, "namespaced");
  const group = flag(args, "api-group");
  const kinds = [...KINDS]
    .filter((k) => namespaced === undefined || String(k.namespaced) === namespaced)
    .filter((k) => group === undefined || k.group === group)
    .sort((a, b) => {
      if (sortBy === "name") return byteOrder(a.plural, b.plural);
      if (sortBy === "kind") return byteOrder(a.kind, b.kind);
      return a.group === b.group ? byteOrder(a.plural, b.plural) : byteOrder(a.group, b.group);
    });
  if (output === "name") return ok(ctx.state, lines(kinds.map(resourceName)));
  const rows = kinds.map((k) => [
    k.plural,
    k.shortNames.join(","),
    k.apiVersion,
    String(k.namespaced),
    k.kind,
  ]);
  const headers = boolFlag(args, "no-headers")
    ? undefined
    : ["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"];
  return ok(ctx.state, renderTable(headers, rows));
}

/** Go's string order (bytes), where "EndpointSlice" comes before "Endpoints". */
function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `kubectl version`: kubectl 1.33 against the simulated GKE control plane. */
export function versionCommand(ctx: Context, args: ParsedArgs): KubectlResult {
  const server = ctx.state.topology.version;
  if (flag(args, "client") === "true")
    return ok(ctx.state, "Client Version: v1.33.5\nKustomize Version: v5.6.0\n");
  return ok(ctx.state, `Client Version: v1.33.5\nKustomize Version: v5.6.0\nServer Version: ${server}\n`);
}
