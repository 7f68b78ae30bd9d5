import { KINDS } from "@kubejam/engine";
import { flag, type ParsedArgs } from "../args";
import { renderTable } from "../printers/table";
import { type Context, type KubectlResult, ok } from "../result";

/** `kubectl api-resources` for the kinds this cluster serves. */
export function apiResourcesCommand(ctx: Context): KubectlResult {
  const rows = [...KINDS]
    .sort((a, b) => (a.group === b.group ? a.plural.localeCompare(b.plural) : a.group.localeCompare(b.group)))
    .map((k) => [k.plural, k.shortNames.join(","), k.apiVersion, String(k.namespaced), k.kind]);
  return ok(ctx.state, renderTable(["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"], rows));
}

/** `kubectl version`: kubectl 1.33 against the simulated GKE control plane. */
export function versionCommand(ctx: Context, args: ParsedArgs): KubectlResult {
  const server = ctx.state.topology.version;
  if (flag(args, "client") === "true")
    return ok(ctx.state, "Client Version: v1.33.5\nKustomize Version: v5.6.0\n");
  return ok(ctx.state, `Client Version: v1.33.5\nKustomize Version: v5.6.0\nServer Version: ${server}\n`);
}
