import {
  applyManifests,
  type ClusterState,
  canonicalJson,
  getObject,
  type KubeObject,
  LAST_APPLIED,
} from "@kubejam/engine";
import { boolFlag, flag, type ParsedArgs } from "../args";
import { dryRunSuffix } from "../flags/option-values";
import { toGoJson } from "../printers/go-json";
import { unknownOutputFormat } from "../printers/output";
import { typedOrder } from "../printers/typed-order";
import { type Context, fail, type KubectlResult, ok } from "../result";
import { formatObjects } from "./output-format";

/**
 * Creates one generated object as `kubectl create` sends it: the stored object (defaulted, with its
 * uid and timestamps), or the API server's message when it refuses.
 */
export function createObject(
  ctx: Context,
  obj: Record<string, unknown>,
): { ok: true; state: ClusterState; object: KubeObject } | { ok: false; failure: KubectlResult } {
  const { state, results } = applyManifests(ctx.state, [{ name: "STDIN", text: canonicalJson(obj) }], {
    mode: "create",
    namespace: ctx.namespace,
  });
  const r = results[0];
  const object = r?.ok ? getObject(state, r.kind, r.namespace, r.name) : undefined;
  if (object) return { ok: true, state, object };
  const message = r && !r.ok ? r.diagnostic.message : "error: no object created";
  return { ok: false, failure: fail(ctx.state, message.replace(/error when creating "STDIN": /, "")) };
}

/**
 * With `-n` given, create's generators write the namespace into the object (`if o.EnforceNamespace {
 * namespace = o.Namespace }`), so a client dry run shows it; without, the server fills it in.
 */
function inNamespace(obj: Record<string, unknown>, namespace: string): Record<string, unknown> {
  if (!PLACED_BY_GENERATOR.has(String(obj.kind))) return obj;
  return { ...obj, metadata: { ...(obj.metadata as object), namespace } };
}

const PLACED_BY_GENERATOR = new Set(["Deployment", "ConfigMap", "Secret", "Service"]);

/**
 * `--save-config`: cmdutil.CreateOrUpdateAnnotation writes the object as encoded before the annotation
 * (a typed object: its fields in struct order, a null creationTimestamp), then a newline.
 */
export function withSavedConfig(obj: Record<string, unknown>): Record<string, unknown> {
  const metadata = obj.metadata as { annotations?: Record<string, string> };
  const config = `${toGoJson(typedOrder({ ...obj, metadata: { creationTimestamp: null, ...metadata } }), true)}\n`;
  return {
    ...obj,
    metadata: { ...metadata, annotations: { ...metadata.annotations, [LAST_APPLIED]: config } },
  };
}

/**
 * When a generator's `--save-config` writes the last-applied annotation (kubectl 1.33):
 * - "always": `create deployment|namespace|configmap|secret` write it before their dry-run check, so a
 *   client dry run shows it;
 * - "when-sent": `run` (run.go createGeneratedObject) and `expose` write it only for an object they
 *   send, not for a client dry run;
 * - "never": create_service.go never reads the flag into its options.
 */
export type SaveConfig = "always" | "when-sent" | "never";

/**
 * A generator's object (`create deployment|namespace|service|configmap|secret`, `run`, `expose`) as
 * kubectl sends it: printed as built for a client dry run, admitted and not stored for a server one.
 */
export function createGenerated(
  ctx: Context,
  args: ParsedArgs,
  generated: Record<string, unknown>,
  label: string,
  options: { verb?: string; saveConfig?: SaveConfig } = {},
): KubectlResult {
  const { verb = "created", saveConfig = "always" } = options;
  const dryRun = ctx.dryRun ?? "none";
  const out = flag(args, "output");
  // The printer is made before anything is sent: a format no printer takes creates nothing.
  const unknown = out === undefined ? undefined : unknownOutputFormat(out, true);
  if (unknown) return fail(ctx.state, `error: ${unknown}`);
  const placed = ctx.namespaceExplicit ? inNamespace(generated, ctx.namespace) : generated;
  const saving = boolFlag(args, "save-config") ? saveConfig : "never";
  const built = saving === "always" ? withSavedConfig(placed) : placed;
  // A client dry run prints the object as the generator built it, before any server has seen it.
  if (dryRun === "client") {
    if (out)
      return formatObjects(
        ctx,
        [{ ...built, metadata: { creationTimestamp: null, ...(built.metadata as object) } }],
        out,
        true,
        args,
        true,
        true,
      );
    return ok(ctx.state, `${label} ${verb}${dryRunSuffix(dryRun)}\n`);
  }
  const created = createObject(ctx, saving === "when-sent" ? withSavedConfig(built) : built);
  if (!created.ok) return created.failure;
  // A server dry run is admitted and defaulted as a create would be, then not stored.
  const state = dryRun === "server" ? ctx.state : created.state;
  if (out) return { ...formatObjects(ctx, [created.object], out, true, args, true), state };
  return ok(state, `${label} ${verb}${dryRunSuffix(dryRun)}\n`);
}
