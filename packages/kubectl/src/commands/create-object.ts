import {
  applyManifests,
  type ClusterState,
  canonicalJson,
  getObject,
  type KubeObject,
} from "@kubejam/engine";
import { flag, type ParsedArgs } from "../args";
import { dryRunSuffix } from "../flags/option-values";
import { unknownOutputFormat } from "../printers/output";
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
 * A generator's object (`create deployment|namespace|service|configmap|secret`, `run`, `expose`) as
 * kubectl sends it: printed as built for a client dry run, admitted and not stored for a server one.
 */
export function createGenerated(
  ctx: Context,
  args: ParsedArgs,
  obj: Record<string, unknown>,
  label: string,
  verb = "created",
): KubectlResult {
  const dryRun = ctx.dryRun ?? "none";
  const out = flag(args, "output");
  // The printer is made before anything is sent: a format no printer takes creates nothing.
  const unknown = out === undefined ? undefined : unknownOutputFormat(out, true);
  if (unknown) return fail(ctx.state, `error: ${unknown}`);
  // A client dry run prints the object as the generator built it, before any server has seen it.
  if (dryRun === "client") {
    if (out)
      return formatObjects(
        ctx,
        [{ ...obj, metadata: { creationTimestamp: null, ...(obj.metadata as object) } }],
        out,
        true,
        args,
        true,
      );
    return ok(ctx.state, `${label} ${verb}${dryRunSuffix(dryRun)}\n`);
  }
  const created = createObject(ctx, obj);
  if (!created.ok) return created.failure;
  // A server dry run is admitted and defaulted as a create would be, then not stored.
  const state = dryRun === "server" ? ctx.state : created.state;
  if (out) return { ...formatObjects(ctx, [created.object], out, true, args, true), state };
  return ok(state, `${label} ${verb}${dryRunSuffix(dryRun)}\n`);
}
