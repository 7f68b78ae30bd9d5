import type { Pod } from "../../api/pod";
import {
  BETA_CLASS_ANNOTATION,
  type PersistentVolume,
  type PersistentVolumeClaim,
  pvcClass,
  type StorageClass,
} from "../../api/storage";
import { Component, Messages, Reason } from "../../events/reasons";
import { emptyDir, getAt, setAt, splitPath } from "../../fs/tree";
import { defaultStorageClass } from "../../ops/admit-storage";
import type { Tx } from "../../store/tx";
import { GKE_PROVISIONERS, provisionerNameFor } from "./provisioner";
import { isBoundToClaim, PvIndex, volumeSatisfiesClaim } from "./pv-binder";

// pkg/controller/volume/persistentvolume/pv_controller.go: syncClaim (syncUnboundClaim / syncBoundClaim)
// and syncVolume, level-triggered over every claim and volume.

export const ANN_BIND_COMPLETED = "pv.kubernetes.io/bind-completed";
export const ANN_BOUND_BY_CONTROLLER = "pv.kubernetes.io/bound-by-controller";
export const ANN_SELECTED_NODE = "volume.kubernetes.io/selected-node";
export const ANN_STORAGE_PROVISIONER = "volume.kubernetes.io/storage-provisioner";
export const ANN_BETA_STORAGE_PROVISIONER = "volume.beta.kubernetes.io/storage-provisioner";
export const ANN_PROVISIONED_BY = "pv.kubernetes.io/provisioned-by";

const source = { component: Component.pvController };

/** Records an event unless the very same one is already there (the simulation does not resync every 15s). */
export function eventOnce(
  tx: Tx,
  obj: PersistentVolumeClaim | PersistentVolume | Pod,
  type: "Normal" | "Warning",
  reason: string,
  message: string,
  from: { component: string; host?: string } = source,
): void {
  if (!tx.hasEvent(obj, reason, message, from)) tx.event(obj, type, reason, message, from);
}

export function storageClassOf(tx: Tx, pvc: PersistentVolumeClaim): StorageClass | undefined {
  const name = pvcClass(pvc);
  return name === "" ? undefined : tx.get<StorageClass>("StorageClass", undefined, name);
}

/** IsDelayBindingMode: the claim's class exists and binds at the first consumer. */
export function isDelayBinding(tx: Tx, pvc: PersistentVolumeClaim): boolean {
  return storageClassOf(tx, pvc)?.volumeBindingMode === "WaitForFirstConsumer";
}

/** Pods in the claim's namespace that name it and are not on a node yet (findNonScheduledPodsByPVC). */
export function unscheduledPodsUsing(tx: Tx, pvc: PersistentVolumeClaim): string[] {
  return tx
    .list<Pod>("Pod", pvc.metadata.namespace)
    .filter(
      (p) =>
        !p.spec.nodeName &&
        (p.spec.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name),
    )
    .map((p) => p.metadata.name);
}

/** The bind itself (bindVolumeToClaim, then bindClaimToVolume): the volume first, then the claim. */
export function bind(tx: Tx, pv: PersistentVolume, pvc: PersistentVolumeClaim): void {
  const byController = !pv.spec.claimRef;
  tx.update<PersistentVolume>({
    ...pv,
    metadata: byController
      ? { ...pv.metadata, annotations: { ...pv.metadata.annotations, [ANN_BOUND_BY_CONTROLLER]: "yes" } }
      : pv.metadata,
    spec: {
      ...pv.spec,
      claimRef: {
        kind: "PersistentVolumeClaim",
        namespace: pvc.metadata.namespace,
        name: pvc.metadata.name,
        uid: pvc.metadata.uid,
        apiVersion: "v1",
        resourceVersion: pvc.metadata.resourceVersion,
      },
    },
    status: { ...pv.status, phase: "Bound" },
  });
  const claimByController = pvc.spec.volumeName !== pv.metadata.name;
  tx.update<PersistentVolumeClaim>({
    ...pvc,
    metadata: {
      ...pvc.metadata,
      annotations: {
        ...pvc.metadata.annotations,
        [ANN_BIND_COMPLETED]: "yes",
        ...(claimByController ? { [ANN_BOUND_BY_CONTROLLER]: "yes" } : {}),
      },
    },
    spec: { ...pvc.spec, volumeName: pv.metadata.name },
    status: {
      ...pvc.status,
      phase: "Bound",
      accessModes: pv.spec.accessModes,
      capacity: { ...pv.spec.capacity },
    },
  });
}

function setClaimPhase(
  tx: Tx,
  pvc: PersistentVolumeClaim,
  phase: PersistentVolumeClaim["status"]["phase"],
): void {
  if (pvc.status?.phase === phase) return;
  const status = phase === "Bound" ? { ...pvc.status, phase } : { phase };
  tx.update<PersistentVolumeClaim>({ ...pvc, status });
}

function setVolumePhase(
  tx: Tx,
  pv: PersistentVolume,
  phase: PersistentVolume["status"]["phase"],
  message?: string,
): void {
  if (pv.status?.phase === phase && pv.status.message === message) return;
  tx.update<PersistentVolume>({
    ...pv,
    status: { phase, ...(message ? { message } : {}), lastPhaseTransitionTime: tx.now() },
  });
}

export function reconcileClaims(tx: Tx): void {
  let index: PvIndex | undefined;
  const taken = new Set<string>();
  for (const listed of tx.list<PersistentVolumeClaim>("PersistentVolumeClaim")) {
    let pvc = listed;
    if (pvc.metadata.annotations?.[ANN_BIND_COMPLETED]) {
      syncBoundClaim(tx, pvc);
      continue;
    }
    // Retroactive default StorageClass assignment (1.28+): an unset class takes the default once one exists.
    if (pvc.spec.storageClassName === undefined && !pvc.metadata.annotations?.[BETA_CLASS_ANNOTATION]) {
      const def = defaultStorageClass(tx);
      if (def)
        pvc = tx.update<PersistentVolumeClaim>({
          ...pvc,
          spec: { ...pvc.spec, storageClassName: def.metadata.name },
        });
    }
    if (pvc.spec.volumeName) {
      syncClaimWithVolumeName(tx, pvc, pvc.spec.volumeName);
      continue;
    }
    index ??= new PvIndex(tx.list<PersistentVolume>("PersistentVolume"));
    const delayBinding = isDelayBinding(tx, pvc);
    const pv = index.find(pvc, { delayBinding }, taken);
    if (pv) {
      const live = tx.get<PersistentVolume>("PersistentVolume", undefined, pv.metadata.name) ?? pv;
      taken.add(pv.metadata.name);
      index.take(pv);
      bind(tx, live, pvc);
      continue;
    }
    const selectedNode = pvc.metadata.annotations?.[ANN_SELECTED_NODE];
    if (delayBinding && !selectedNode) {
      const pods = unscheduledPodsUsing(tx, pvc);
      if (pods.length > 0)
        eventOnce(tx, pvc, "Normal", Reason.WaitForPodScheduled, Messages.waitForPods(pods));
      else eventOnce(tx, pvc, "Normal", Reason.WaitForFirstConsumer, Messages.waitForFirstConsumer);
    } else if (pvcClass(pvc) !== "") {
      provisionClaim(tx, pvc);
    } else {
      eventOnce(tx, pvc, "Normal", Reason.FailedBinding, Messages.noVolumesNoClass);
    }
    setClaimPhase(
      tx,
      tx.get<PersistentVolumeClaim>("PersistentVolumeClaim", pvc.metadata.namespace, pvc.metadata.name) ??
        pvc,
      "Pending",
    );
  }
}

/** provisionClaim: hand the claim to its class's provisioner, or say why nobody will. */
function provisionClaim(tx: Tx, pvc: PersistentVolumeClaim): void {
  const className = pvcClass(pvc);
  const sc = tx.get<StorageClass>("StorageClass", undefined, className);
  if (!sc) {
    eventOnce(tx, pvc, "Warning", Reason.ProvisioningFailed, Messages.classNotFound(className));
    return;
  }
  // findProvisionablePlugin: an in-tree name the cluster has no plugin for is an error; any other is external.
  if (sc.provisioner.startsWith("kubernetes.io/") && !GKE_PROVISIONERS.has(sc.provisioner)) {
    eventOnce(tx, pvc, "Warning", Reason.ProvisioningFailed, Messages.noPlugin(sc.provisioner));
    return;
  }
  const provisioner = provisionerNameFor(sc.provisioner);
  const annotations = pvc.metadata.annotations ?? {};
  if (annotations[ANN_STORAGE_PROVISIONER] !== provisioner) {
    pvc = tx.update<PersistentVolumeClaim>({
      ...pvc,
      metadata: {
        ...pvc.metadata,
        annotations: {
          ...annotations,
          [ANN_BETA_STORAGE_PROVISIONER]: provisioner,
          [ANN_STORAGE_PROVISIONER]: provisioner,
        },
      },
    });
  }
  eventOnce(tx, pvc, "Normal", Reason.ExternalProvisioning, Messages.externalProvisioning(provisioner));
}

/** syncUnboundClaim's second half: the claim names its volume in spec.volumeName. */
function syncClaimWithVolumeName(tx: Tx, pvc: PersistentVolumeClaim, volumeName: string): void {
  const pv = tx.get<PersistentVolume>("PersistentVolume", undefined, volumeName);
  if (!pv) {
    setClaimPhase(tx, pvc, "Pending");
    return;
  }
  if (!pv.spec.claimRef) {
    const reason = volumeSatisfiesClaim(pv, pvc);
    if (reason) {
      eventOnce(tx, pvc, "Warning", Reason.VolumeMismatch, Messages.volumeMismatch(volumeName, reason));
      setClaimPhase(tx, pvc, "Pending");
    } else bind(tx, pv, pvc);
    return;
  }
  if (isBoundToClaim(pv, pvc)) {
    bind(tx, pv, pvc);
    return;
  }
  eventOnce(tx, pvc, "Warning", Reason.FailedBinding, Messages.alreadyBound(volumeName));
  setClaimPhase(tx, pvc, "Pending");
}

function syncBoundClaim(tx: Tx, pvc: PersistentVolumeClaim): void {
  const name = pvc.spec.volumeName;
  if (!name) {
    if (pvc.status.phase !== "Lost")
      eventOnce(tx, pvc, "Warning", Reason.ClaimLost, Messages.claimLostReference);
    setClaimPhase(tx, pvc, "Lost");
    return;
  }
  const pv = tx.get<PersistentVolume>("PersistentVolume", undefined, name);
  if (!pv) {
    if (pvc.status.phase !== "Lost")
      eventOnce(tx, pvc, "Warning", Reason.ClaimLost, Messages.claimLostVolume);
    setClaimPhase(tx, pvc, "Lost");
    return;
  }
  if (!pv.spec.claimRef) {
    bind(tx, pv, pvc);
    return;
  }
  if (isBoundToClaim(pv, pvc)) {
    if (pvc.status.phase !== "Bound" || !pvc.status.capacity)
      tx.update<PersistentVolumeClaim>({
        ...pvc,
        status: { phase: "Bound", accessModes: pv.spec.accessModes, capacity: { ...pv.spec.capacity } },
      });
    if (pv.status.phase !== "Bound") setVolumePhase(tx, pv, "Bound");
    return;
  }
  if (pvc.status.phase !== "Lost")
    eventOnce(tx, pvc, "Warning", Reason.ClaimMisbound, Messages.claimMisbound);
  setClaimPhase(tx, pvc, "Lost");
}

export function reconcileVolumes(tx: Tx): void {
  for (const pv of tx.list<PersistentVolume>("PersistentVolume")) {
    const ref = pv.spec.claimRef;
    if (!ref) {
      if (pv.status.phase !== "Available" && pv.status.phase !== "Failed")
        setVolumePhase(tx, pv, "Available");
      continue;
    }
    const claim = ref.name
      ? tx.get<PersistentVolumeClaim>("PersistentVolumeClaim", ref.namespace ?? "", ref.name)
      : undefined;
    if (!ref.uid) {
      // Pre-bound by the administrator: waits, Available, for that claim.
      if (pv.status.phase !== "Available" && pv.status.phase !== "Failed")
        setVolumePhase(tx, pv, "Available");
      continue;
    }
    if (claim && claim.metadata.uid === ref.uid) {
      if (claim.spec.volumeName === pv.metadata.name) {
        if (pv.status.phase !== "Bound") setVolumePhase(tx, pv, "Bound");
      } else if (claim.spec.volumeName && pv.metadata.annotations?.[ANN_BOUND_BY_CONTROLLER]) {
        // The claim went to another volume: give this one back (unbindVolume).
        const { [ANN_BOUND_BY_CONTROLLER]: _drop, ...annotations } = pv.metadata.annotations;
        const { claimRef: _ref, ...spec } = pv.spec;
        tx.update<PersistentVolume>({
          ...pv,
          metadata: { ...pv.metadata, annotations },
          spec: spec as PersistentVolume["spec"],
          status: { phase: "Available" },
        });
      }
      continue;
    }
    // The claim is gone (or replaced by a new one of the same name): Released, then the reclaim policy.
    if (pv.status.phase === "Failed") continue;
    if (pv.status.phase !== "Released") setVolumePhase(tx, pv, "Released");
    const live = tx.get<PersistentVolume>("PersistentVolume", undefined, pv.metadata.name) ?? pv;
    reclaimVolume(tx, live);
  }
}

/** reclaimVolume: Retain keeps it Released; Delete hands it to its provisioner; Recycle scrubs it. */
function reclaimVolume(tx: Tx, pv: PersistentVolume): void {
  const policy = pv.spec.persistentVolumeReclaimPolicy;
  if (policy === "Delete") {
    if (pv.metadata.annotations?.[ANN_PROVISIONED_BY]) {
      const key = `delete/${pv.metadata.name}`;
      if (tx.storage.ops[key] === undefined) tx.setStorageOp(key, tx.clock + 1500);
      return;
    }
    const message = Messages.noDeleter(pv.metadata.name);
    eventOnce(tx, pv, "Warning", Reason.VolumeFailedDelete, message);
    setVolumePhase(tx, pv, "Failed", message);
  } else if (policy === "Recycle") recycleVolume(tx, pv);
}

/**
 * recycleVolumeOperation (deprecated, NFS and hostPath only): the recycler pod runs `rm -rf` on the volume's
 * contents, then the volume is Available again without its claimRef.
 */
function recycleVolume(tx: Tx, pv: PersistentVolume): void {
  if (!pv.spec.nfs && !pv.spec.hostPath) {
    const message = Messages.noRecycler;
    eventOnce(tx, pv, "Warning", Reason.VolumeFailedRecycle, message);
    setVolumePhase(tx, pv, "Failed", message);
    return;
  }
  if (pv.spec.nfs) {
    const id = `nfs/${pv.spec.nfs.server}`;
    const root = tx.fs[id];
    const segs = splitPath(pv.spec.nfs.path);
    if (root && getAt(root, segs))
      tx.setFs(id, segs.length === 0 ? emptyDir() : setAt(root, segs, emptyDir()));
  } else if (pv.spec.hostPath) {
    const suffix = `:${pv.spec.hostPath.path}`;
    for (const id of Object.keys(tx.fs))
      if (id.startsWith("host/") && id.endsWith(suffix)) tx.setFs(id, emptyDir());
  }
  const { claimRef: _ref, ...spec } = pv.spec;
  const annotations = { ...pv.metadata.annotations };
  delete annotations[ANN_BOUND_BY_CONTROLLER];
  tx.update<PersistentVolume>({
    ...pv,
    metadata: { ...pv.metadata, annotations },
    spec: spec as PersistentVolume["spec"],
    status: { phase: "Available", lastPhaseTransitionTime: tx.now() },
  });
  tx.event(pv, "Normal", Reason.VolumeRecycled, Messages.recycled, source);
}
