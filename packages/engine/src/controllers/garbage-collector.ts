import type { KubeObject, OwnerReference } from "../api/meta";
import type { Pod } from "../api/pod";
import { deletePod } from "../ops/delete-pod";
import type { Tx } from "../store/tx";

// pkg/controller/garbagecollector: an object whose every owner is gone is deleted (background propagation).
// And the API server's part of deletion: an object being deleted goes once its last finalizer is removed.
export function reconcileGarbage(tx: Tx): void {
  // Plain Events have neither owners nor finalizers: every other object, in store order.
  for (const key of tx.keysExceptPlainEvents()) {
    const obj = tx.objects[key];
    if (
      obj?.metadata.deletionTimestamp &&
      !obj.metadata.finalizers?.length &&
      obj.kind !== "Pod" &&
      obj.kind !== "Namespace"
    ) {
      tx.remove(obj);
      continue;
    }
    const owners = obj?.metadata.ownerReferences;
    if (!obj || !owners || owners.length === 0 || obj.metadata.deletionTimestamp) continue;
    if (owners.some((o) => isOwnerLive(tx, obj, o))) continue;
    if (obj.kind === "Pod") deletePod(tx, obj as Pod);
    else tx.remove(obj);
  }
}

/** An owner is namespaced in the dependent's namespace or cluster-scoped; it must still have the referenced uid. */
function isOwnerLive(tx: Tx, dependent: KubeObject, ref: OwnerReference): boolean {
  const owner =
    (dependent.metadata.namespace === undefined
      ? undefined
      : tx.get(ref.kind, dependent.metadata.namespace, ref.name)) ?? tx.get(ref.kind, undefined, ref.name);
  return owner !== undefined && owner.metadata.uid === ref.uid && !owner.metadata.deletionTimestamp;
}
