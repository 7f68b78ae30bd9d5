import type { Namespace } from "../api/cluster-kinds";
import type { Pod } from "../api/pod";
import { deletePod } from "../ops/delete-pod";
import type { Tx } from "../store/tx";

// pkg/controller/namespace: a Terminating namespace empties itself, then goes.
export function reconcileNamespaces(tx: Tx): void {
  for (const ns of tx.list<Namespace>("Namespace")) {
    if (!ns.metadata.deletionTimestamp) continue;
    const name = ns.metadata.name;
    let remaining = 0;
    for (const key in tx.objects) {
      const obj = tx.objects[key];
      if (!obj || obj.metadata.namespace !== name) continue;
      remaining++;
      if (obj.kind === "Pod") deletePod(tx, obj as Pod);
      else if (!obj.metadata.deletionTimestamp) tx.remove(obj);
    }
    if (remaining === 0) tx.remove(ns);
  }
}
