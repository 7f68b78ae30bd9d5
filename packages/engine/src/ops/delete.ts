import { groupResource, kindInfo } from "../api/kinds";
import type { KubeObject } from "../api/meta";
import type { Pod } from "../api/pod";
import { SETTLE_WINDOW, settle } from "../controllers/settle";
import type { ClusterState } from "../store/state";
import { Tx } from "../store/tx";
import { deletePod } from "./delete-pod";

export interface DeleteRequest {
  kind: string;
  namespace?: string;
  name: string;
  /** `--grace-period`; 0 with `--force` removes a pod at once. */
  gracePeriodSeconds?: number;
}

export type DeleteResult = { ok: true } | { ok: false; code: "NotFound" | "Forbidden"; message: string };

/**
 * `kubectl delete` (background cascade, and waiting for the object to go, as kubectl does by default):
 * pods stop gracefully, owners leave their dependents to the garbage collector, a namespace empties itself.
 */
export function deleteObjects(
  state: ClusterState,
  requests: DeleteRequest[],
  options: { wait?: boolean } = {},
): { state: ClusterState; results: DeleteResult[] } {
  const tx = new Tx(state);
  const results = requests.map((r) => deleteOne(tx, r));
  // kubectl waits for deleted objects to be gone (`--wait=true`): controllers holding finalizers
  // (a load balancer being taken down) get the time they need, within the settle window.
  settle(tx, SETTLE_WINDOW, options.wait !== false);
  return { state: tx.commit(), results };
}

function deleteOne(tx: Tx, r: DeleteRequest): DeleteResult {
  const info = kindInfo(r.kind);
  const ns = info?.namespaced ? (r.namespace ?? "default") : undefined;
  const obj = tx.get(r.kind, ns, r.name);
  const resource = info ? groupResource(info) : r.kind.toLowerCase();
  if (!obj)
    return {
      ok: false,
      code: "NotFound",
      message: `Error from server (NotFound): ${resource} "${r.name}" not found`,
    };
  if (
    r.kind === "Namespace" &&
    ["default", "kube-system", "kube-public", "kube-node-lease"].includes(r.name)
  ) {
    return {
      ok: false,
      code: "Forbidden",
      message: `Error from server (Forbidden): namespaces "${r.name}" is forbidden: this namespace may not be deleted`,
    };
  }
  if (r.kind === "Pod") deletePod(tx, obj as Pod, r.gracePeriodSeconds);
  else if (r.kind === "Namespace") {
    if (!obj.metadata.deletionTimestamp) {
      tx.update({
        ...obj,
        metadata: { ...obj.metadata, deletionTimestamp: tx.now() },
        status: { phase: "Terminating" },
      } as KubeObject);
    }
  } else if ((obj.metadata.finalizers ?? []).length > 0) {
    // Finalizers (kubernetes.io/pvc-protection, pv-protection): the object waits, Terminating, for its controllers.
    if (!obj.metadata.deletionTimestamp)
      tx.update({
        ...obj,
        metadata: { ...obj.metadata, deletionTimestamp: tx.now(), deletionGracePeriodSeconds: 0 },
      });
  } else tx.remove(obj);
  return { ok: true };
}
