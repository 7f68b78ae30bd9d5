import {
  applyManifests,
  type ClusterState,
  canonicalJson,
  getObject,
  type KubeObject,
} from "@kubejam/engine";
import { type Context, fail, type KubectlResult } from "../result";

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
