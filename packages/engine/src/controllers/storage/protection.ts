import type { KubeObject } from "../../api/meta";
import type { Pod } from "../../api/pod";
import type { PersistentVolume, PersistentVolumeClaim } from "../../api/storage";
import { PV_PROTECTION, PVC_PROTECTION } from "../../ops/admit-storage";
import type { Tx } from "../../store/tx";
import { PROVISIONER_FINALIZER } from "./provisioner";

// pkg/controller/volume/pvcprotection and pvprotection: a claim in use by a pod, or a volume bound to a
// claim, stays Terminating; once free its finalizer goes, and with no finalizer left the object goes.

function dropFinalizer<T extends KubeObject>(tx: Tx, obj: T, finalizer: string): T {
  const finalizers = obj.metadata.finalizers ?? [];
  if (!finalizers.includes(finalizer)) return obj;
  return tx.update<T>({
    ...obj,
    metadata: { ...obj.metadata, finalizers: finalizers.filter((f) => f !== finalizer) },
  });
}

function removeIfFinalized(tx: Tx, obj: KubeObject): void {
  if ((obj.metadata.finalizers ?? []).length === 0) tx.remove(obj);
}

/** Pods that still hold a claim: any pod naming it that has not terminated (podIsShutDown aside). */
export function podsUsingClaim(tx: Tx, pvc: PersistentVolumeClaim): Pod[] {
  return tx
    .list<Pod>("Pod", pvc.metadata.namespace)
    .filter(
      (p) =>
        p.status.phase !== "Succeeded" &&
        p.status.phase !== "Failed" &&
        (p.spec.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name),
    );
}

export function reconcileProtection(tx: Tx): void {
  for (const pvc of tx.list<PersistentVolumeClaim>("PersistentVolumeClaim")) {
    if (!pvc.metadata.deletionTimestamp) continue;
    const live = podsUsingClaim(tx, pvc).length > 0 ? pvc : dropFinalizer(tx, pvc, PVC_PROTECTION);
    removeIfFinalized(tx, live);
  }
  for (const pv of tx.list<PersistentVolume>("PersistentVolume")) {
    if (!pv.metadata.deletionTimestamp) continue;
    let live = pv;
    if (pv.status.phase !== "Bound") live = dropFinalizer(tx, live, PV_PROTECTION);
    // The provisioner lets go of a volume it will not delete itself.
    if (
      pv.status.phase !== "Bound" &&
      !(pv.status.phase === "Released" && pv.spec.persistentVolumeReclaimPolicy === "Delete")
    )
      live = dropFinalizer(tx, live, PROVISIONER_FINALIZER);
    removeIfFinalized(tx, live);
  }
}
