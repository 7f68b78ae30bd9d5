import type { Node } from "../../api/cluster-kinds";
import type { Pod } from "../../api/pod";
import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from "../../api/storage";
import { Messages } from "../../events/reasons";
import type { Tx } from "../../store/tx";
import type { PvIndex } from "./pv-binder";
import { ANN_SELECTED_NODE, bind, isDelayBinding, storageClassOf } from "./pv-controller";
import { nodeAffinityMatches } from "./volume-helpers";

// The scheduler's VolumeBinding plugin (pkg/scheduler/framework/plugins/volumebinding): PreFilter refuses
// pods whose claims are missing, being deleted or unbound with Immediate binding; Filter keeps the nodes a
// bound volume's node affinity allows and, for WaitForFirstConsumer claims, the nodes where a volume can
// be found or provisioned; Reserve/PreBind binds the volumes (or asks for provisioning) before the pod.

export interface PodVolumes {
  /** A PreFilter failure, the whole message. */
  preFilter?: string;
  /** PreBind failed for good (provisioning refused). */
  bindError?: string;
  bound: PersistentVolume[];
  /** WaitForFirstConsumer claims still to bind, for this pod. */
  delayed: PersistentVolumeClaim[];
}

export function podVolumes(tx: Tx, pod: Pod): PodVolumes {
  const out: PodVolumes = { bound: [], delayed: [] };
  const ns = pod.metadata.namespace ?? "default";
  let unboundImmediate = false;
  for (const v of pod.spec.volumes ?? []) {
    if (!v.persistentVolumeClaim) continue;
    const name = v.persistentVolumeClaim.claimName;
    const pvc = tx.get<PersistentVolumeClaim>("PersistentVolumeClaim", ns, name);
    if (!pvc) return { ...out, preFilter: Messages.pvcNotFound(name) };
    if (pvc.metadata.deletionTimestamp) return { ...out, preFilter: Messages.pvcDeleting(name) };
    const pv = pvc.spec.volumeName
      ? tx.get<PersistentVolume>("PersistentVolume", undefined, pvc.spec.volumeName)
      : undefined;
    if (pvc.status.phase === "Bound" && pv) out.bound.push(pv);
    else if (isDelayBinding(tx, pvc)) {
      const failed = tx.storage.failed[pvc.metadata.uid];
      if (failed !== undefined) out.bindError = Messages.preBindProvisionFailed(name);
      out.delayed.push(pvc);
    } else unboundImmediate = true;
  }
  if (unboundImmediate) return { ...out, preFilter: Messages.unboundImmediate };
  return out;
}

/** Whether the class can provision a volume reachable from this node (checkVolumeProvisions). */
function canProvision(sc: StorageClass | undefined, node: Node): boolean {
  if (!sc || sc.provisioner === "kubernetes.io/no-provisioner") return false;
  const terms = (sc.allowedTopologies ?? []) as {
    matchLabelExpressions?: { key: string; values: string[] }[];
  }[];
  if (terms.length === 0) return true;
  const labels = node.metadata.labels ?? {};
  return terms.some((t) =>
    (t.matchLabelExpressions ?? []).every((e) => e.values.includes(labels[e.key] ?? "")),
  );
}

/** Filter for one node: the reason it cannot host the pod's volumes, or undefined. */
export function volumeFilter(tx: Tx, node: Node, vols: PodVolumes, index: () => PvIndex): string | undefined {
  const labels = node.metadata.labels ?? {};
  for (const pv of vols.bound)
    if (!nodeAffinityMatches(pv.spec.nodeAffinity, labels)) return Messages.volumeNodeConflict;
  for (const pvc of vols.delayed) {
    if (index().find(pvc, { node })) continue;
    if (canProvision(storageClassOf(tx, pvc), node)) continue;
    return Messages.volumeBindConflict;
  }
  return undefined;
}

/**
 * Reserve and PreBind on the chosen node: bind a matching volume, or mark the claim for the provisioner
 * (`volume.kubernetes.io/selected-node`). True once every claim is bound and the pod may go to the node.
 */
export function bindPodVolumes(tx: Tx, node: Node, vols: PodVolumes, index: () => PvIndex): boolean {
  let ready = true;
  for (const listed of vols.delayed) {
    const pvc =
      tx.get<PersistentVolumeClaim>(
        "PersistentVolumeClaim",
        listed.metadata.namespace,
        listed.metadata.name,
      ) ?? listed;
    if (pvc.status.phase === "Bound") continue;
    ready = false;
    if (pvc.metadata.annotations?.[ANN_SELECTED_NODE]) continue;
    const pv = index().find(pvc, { node });
    const live = pv ? tx.get<PersistentVolume>("PersistentVolume", undefined, pv.metadata.name) : undefined;
    if (live && !live.spec.claimRef) {
      bind(tx, live, pvc);
      continue;
    }
    tx.update<PersistentVolumeClaim>({
      ...pvc,
      metadata: {
        ...pvc.metadata,
        annotations: { ...pvc.metadata.annotations, [ANN_SELECTED_NODE]: node.metadata.name },
      },
    });
  }
  return ready;
}

/**
 * The VolumeRestrictions plugin's ReadWriteOncePod check (pkg/scheduler/framework/plugins/volumerestrictions):
 * a claim with ReadWriteOncePod already used by a scheduled pod makes every node unschedulable for another.
 */
export function readWriteOncePodConflict(tx: Tx, pod: Pod): boolean {
  const ns = pod.metadata.namespace ?? "default";
  const claims = new Set<string>();
  for (const v of pod.spec.volumes ?? []) {
    if (!v.persistentVolumeClaim) continue;
    const pvc = tx.get<PersistentVolumeClaim>("PersistentVolumeClaim", ns, v.persistentVolumeClaim.claimName);
    if (pvc?.spec.accessModes?.includes("ReadWriteOncePod")) claims.add(pvc.metadata.name);
  }
  if (claims.size === 0) return false;
  return tx
    .list<Pod>("Pod", ns)
    .some(
      (other) =>
        other.metadata.uid !== pod.metadata.uid &&
        other.spec.nodeName &&
        other.status.phase !== "Succeeded" &&
        other.status.phase !== "Failed" &&
        (other.spec.volumes ?? []).some(
          (v) => v.persistentVolumeClaim && claims.has(v.persistentVolumeClaim.claimName),
        ),
    );
}
