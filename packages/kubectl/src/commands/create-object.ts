import { applyManifests, type ClusterState, canonicalJson } from "@kubejam/engine";
import { type Context, fail, type KubectlResult } from "../result";

/** Creates one generated object as `kubectl create` sends it: the API server's message when it refuses. */
export function createObject(
  ctx: Context,
  obj: Record<string, unknown>,
): { ok: true; state: ClusterState } | { ok: false; failure: KubectlResult } {
  const { state, results } = applyManifests(ctx.state, [{ name: "STDIN", text: canonicalJson(obj) }], {
    mode: "create",
    namespace: ctx.namespace,
  });
  const r = results[0];
  if (r?.ok) return { ok: true, state };
  const message = r && !r.ok ? r.diagnostic.message : "error: no object created";
  return { ok: false, failure: fail(ctx.state, message.replace(/error when creating "STDIN": /, "")) };
}
