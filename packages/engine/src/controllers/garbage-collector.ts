import type { Pod } from "../api/pod";
import { deletePod } from "../ops/delete-pod";
import type { Tx } from "../store/tx";

// pkg/controller/garbagecollector: an object whose every owner is gone is deleted (background propagation).
export function reconcileGarbage(tx: Tx): void {
  let uids: Set<string> | undefined;
  for (const key in tx.objects) {
    const obj = tx.objects[key];
    const owners = obj?.metadata.ownerReferences;
    if (!obj || !owners || owners.length === 0 || obj.metadata.deletionTimestamp) continue;
    if (!uids) {
      uids = new Set();
      for (const k in tx.objects) {
        const o = tx.objects[k];
        if (o && !o.metadata.deletionTimestamp) uids.add(o.metadata.uid);
      }
    }
    const live = uids;
    if (owners.some((o) => live.has(o.uid))) continue;
    if (obj.kind === "Pod") deletePod(tx, obj as Pod);
    else tx.remove(obj);
  }
}
