import { groupResource, kindInfo } from "../api/kinds";
import type { KubeObject } from "../api/meta";
import { settle } from "../controllers/settle";
import type { ClusterState } from "../store/state";
import { Tx } from "../store/tx";
import { invalidMessage } from "../validation/field-error";
import { ADMISSION_OWNS_UPDATE, admitCreate, validateUpdate } from "./admit";
import { resizeForbidden } from "./admit-storage";

export type UpdateResult =
  | { ok: true; changed: boolean; object: KubeObject }
  | { ok: false; message: string };

/**
 * Replaces an object with a changed version (what `kubectl patch`, `label`, `annotate`, `scale` and
 * `set image` send), validated as an update. The object must carry its kind, namespace and name.
 */
export function updateObject(
  state: ClusterState,
  next: KubeObject,
): { state: ClusterState; result: UpdateResult } {
  const tx = new Tx(state);
  const info = kindInfo(next.kind);
  const ns = info?.namespaced ? (next.metadata.namespace ?? "default") : undefined;
  const live = tx.get(next.kind, ns, next.metadata.name);
  const resource = info ? groupResource(info) : next.kind;
  if (!live || !info)
    return {
      state,
      result: {
        ok: false,
        message: `Error from server (NotFound): ${resource} "${next.metadata.name}" not found`,
      },
    };
  const candidate = {
    ...next,
    metadata: {
      ...live.metadata,
      labels: next.metadata.labels,
      annotations: next.metadata.annotations,
      finalizers: next.metadata.finalizers,
    },
  } as KubeObject;
  if (JSON.stringify(candidate) === JSON.stringify(live))
    return { state, result: { ok: true, changed: false, object: live } };
  // Re-run the create-time validation on the new spec (admission defaults are already in it).
  const { uid: _u, resourceVersion: _r, creationTimestamp: _c, ...meta } = candidate.metadata;
  const check = admitCreate(new Tx(state), next.kind, { ...candidate, metadata: meta } as never, [], live);
  const errors = check.ok ? validateUpdate(next.kind, live, candidate) : check.errors;
  if (errors.length > 0)
    return { state, result: { ok: false, message: invalidMessage(next.kind, next.metadata.name, errors) } };
  if (check.ok && ADMISSION_OWNS_UPDATE.has(next.kind)) Object.assign(candidate, { spec: check.object.spec });
  const denied = resizeForbidden(tx, live, candidate);
  if (denied) return { state, result: { ok: false, message: `Error from server (Forbidden): ${denied}` } };
  const specChanged = JSON.stringify(live.spec) !== JSON.stringify(candidate.spec);
  const generation =
    live.metadata.generation === undefined
      ? undefined
      : live.metadata.generation + (specChanged && next.kind !== "Pod" ? 1 : 0);
  const stored = tx.update({
    ...candidate,
    status: live.status,
    metadata: { ...candidate.metadata, generation },
  } as KubeObject);
  // A terminating object whose last finalizer is removed is deleted (the registry's finalizer handling).
  if (stored.metadata.deletionTimestamp && (stored.metadata.finalizers ?? []).length === 0) tx.remove(stored);
  settle(tx);
  return { state: tx.commit(), result: { ok: true, changed: true, object: stored } };
}
