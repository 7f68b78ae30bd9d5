import type { Node } from "../../api/cluster-kinds";
import type { Pod } from "../../api/pod";
import { parseQuantity } from "../../api/quantity";
import {
  type PersistentVolume,
  type PersistentVolumeClaim,
  pvcClass,
  type StorageClass,
} from "../../api/storage";
import { Messages, Reason } from "../../events/reasons";
import { buildTree } from "../../fs/tree";
import { PV_PROTECTION } from "../../ops/admit-storage";
import { fnv32a } from "../../runtime/ids";
import type { Tx } from "../../store/tx";
import { detachAll } from "./attach-detach";
import { requestOf } from "./pv-binder";
import {
  ANN_BIND_COMPLETED,
  ANN_PROVISIONED_BY,
  ANN_SELECTED_NODE,
  ANN_STORAGE_PROVISIONER,
  eventOnce,
} from "./pv-controller";
import { operationMs, PD_CSI_DRIVER, pdNameOf } from "./volume-helpers";

// The GKE Compute Engine persistent disk CSI driver's controller: the external-provisioner
// (sig-storage-lib-external-provisioner) and external-resizer sidecars in front of pd.csi.storage.gke.io.
// The in-tree name kubernetes.io/gce-pd is served by the same driver through CSI migration.

export const GKE_PROVISIONERS = new Set([PD_CSI_DRIVER, "kubernetes.io/gce-pd"]);
export const PROVISIONER_FINALIZER = "external-provisioner.volume.kubernetes.io/finalizer";
const GIB = 2 ** 30;

/** The provisioner that serves a class's provisioner name (CSI migration maps the in-tree GCE PD plugin). */
export function provisionerNameFor(provisioner: string): string {
  return provisioner === "kubernetes.io/gce-pd" ? PD_CSI_DRIVER : provisioner;
}

/** The controller instance the provisioner's events come from: `<driver>_<controller host>_<uuid>`. */
export function provisionerIdentity(tx: Tx): string {
  const t = tx.topology;
  const h = (s: string) => fnv32a(s).toString(16).padStart(8, "0");
  const host = `gke-${h(t.project)}${h(t.clusterName)}-${h(t.region).slice(0, 4)}-${h(t.zones.join()).slice(0, 4)}-vm`;
  const u =
    h(`${t.clusterName}/uuid`) + h(`${t.project}/uuid`) + h(`${t.region}/uuid`) + h(`${t.nodePool}/uuid`);
  const uuid = `${u.slice(0, 8)}-${u.slice(8, 12)}-4${u.slice(13, 16)}-a${u.slice(17, 20)}-${u.slice(20, 32)}`;
  return `${PD_CSI_DRIVER}_${host}_${uuid}`;
}

/** Disks are sized in whole GiB: a request rounds up (the PD CSI driver's RoundUpGiB). */
export function roundUpGiB(bytes: number): string {
  return `${Math.max(1, Math.ceil(bytes / GIB))}Gi`;
}

function zoneFor(tx: Tx, pvc: PersistentVolumeClaim, sc: StorageClass): string | undefined {
  const selected = pvc.metadata.annotations?.[ANN_SELECTED_NODE];
  if (selected) {
    const node = tx.get<Node>("Node", undefined, selected);
    return node?.metadata.labels?.["topology.kubernetes.io/zone"];
  }
  const allowed = (sc.allowedTopologies ?? []).flatMap((t) => {
    const exprs =
      (t as { matchLabelExpressions?: { key: string; values: string[] }[] }).matchLabelExpressions ?? [];
    return exprs.filter((e) => e.key.endsWith("/zone")).flatMap((e) => e.values);
  });
  const zones = allowed.length > 0 ? allowed : [...tx.topology.zones];
  // [engine choice] Immediate binding: the zone a hash of the claim's uid picks (real: a random node's zone).
  return zones[fnv32a(pvc.metadata.uid) % zones.length];
}

function failure(pvc: PersistentVolumeClaim, sc: StorageClass): string | undefined {
  if (pvc.spec.selector) return Messages.selectorUnsupported;
  if ((pvc.spec.accessModes ?? []).includes("ReadWriteMany"))
    return Messages.provisionFailed(sc.metadata.name, Messages.multiWriter);
  return undefined;
}

export function reconcileProvisioner(tx: Tx): void {
  const from = { component: provisionerIdentity(tx) };
  for (const pvc of tx.list<PersistentVolumeClaim>("PersistentVolumeClaim")) {
    if (
      pvc.metadata.annotations?.[ANN_BIND_COMPLETED] ||
      pvc.spec.volumeName ||
      pvc.metadata.deletionTimestamp
    )
      continue;
    if (pvc.metadata.annotations?.[ANN_STORAGE_PROVISIONER] !== PD_CSI_DRIVER) continue;
    const sc = tx.get<StorageClass>("StorageClass", undefined, pvcClass(pvc));
    if (!sc || !GKE_PROVISIONERS.has(sc.provisioner)) continue;
    if (sc.volumeBindingMode === "WaitForFirstConsumer" && !pvc.metadata.annotations?.[ANN_SELECTED_NODE])
      continue;
    const uid = pvc.metadata.uid;
    if (tx.storage.failed[uid] !== undefined) continue;
    const name = `pvc-${uid}`;
    if (tx.get("PersistentVolume", undefined, name)) continue;
    const key = `provision/${uid}`;
    const due = tx.storage.ops[key];
    if (due === undefined) {
      tx.event(
        pvc,
        "Normal",
        Reason.Provisioning,
        Messages.provisioning(pvc.metadata.namespace ?? "", pvc.metadata.name),
        from,
      );
      const failed = failure(pvc, sc);
      if (failed) {
        tx.event(pvc, "Warning", Reason.ProvisioningFailed, failed, from);
        tx.setProvisionFailed(uid, failed);
        continue;
      }
      tx.setStorageOp(key, tx.clock + operationMs(key, 2000));
      continue;
    }
    if (due > tx.clock) continue;
    tx.setStorageOp(key, undefined);
    createVolume(tx, pvc, sc, name);
    tx.event(pvc, "Normal", Reason.ProvisioningSucceeded, Messages.provisioned(name), from);
  }
  finishDeletions(tx);
  reconcileResize(tx);
}

/** The disk and its PersistentVolume, pre-bound to the claim (provisionClaimOperation). */
function createVolume(tx: Tx, pvc: PersistentVolumeClaim, sc: StorageClass, name: string): void {
  const zone = zoneFor(tx, pvc, sc) ?? tx.topology.zones[0] ?? "";
  const inTree = sc.provisioner === "kubernetes.io/gce-pd";
  const capacity = roundUpGiB(requestOf(pvc));
  const created = Date.parse(tx.list("Namespace")[0]?.metadata.creationTimestamp ?? "") || 0;
  const topologyKey = inTree ? "topology.kubernetes.io/zone" : "topology.gke.io/zone";
  const source = inTree
    ? { gcePersistentDisk: { pdName: name, fsType: "ext4" } }
    : {
        csi: {
          driver: PD_CSI_DRIVER,
          fsType: "ext4",
          volumeAttributes: {
            "storage.kubernetes.io/csiProvisionerIdentity": `${created}-${fnv32a(tx.topology.clusterName) % 10000}-${PD_CSI_DRIVER}`,
          },
          volumeHandle: `projects/${tx.topology.project}/zones/${zone}/disks/${name}`,
        },
      };
  tx.create<PersistentVolume>({
    apiVersion: "v1",
    kind: "PersistentVolume",
    metadata: {
      name,
      annotations: {
        [ANN_PROVISIONED_BY]: sc.provisioner,
        ...(inTree ? { "pv.kubernetes.io/migrated-to": PD_CSI_DRIVER } : {}),
        "volume.kubernetes.io/provisioner-deletion-secret-name": "",
        "volume.kubernetes.io/provisioner-deletion-secret-namespace": "",
      },
      finalizers: [PROVISIONER_FINALIZER, PV_PROTECTION],
    },
    spec: {
      accessModes: [...(pvc.spec.accessModes ?? [])],
      capacity: { storage: capacity },
      claimRef: {
        apiVersion: "v1",
        kind: "PersistentVolumeClaim",
        name: pvc.metadata.name,
        namespace: pvc.metadata.namespace,
        resourceVersion: pvc.metadata.resourceVersion,
        uid: pvc.metadata.uid,
      },
      ...source,
      nodeAffinity: {
        required: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: topologyKey, operator: "In", values: [zone] }] }],
        },
      },
      persistentVolumeReclaimPolicy: sc.reclaimPolicy,
      storageClassName: sc.metadata.name,
      ...(sc.mountOptions ? { mountOptions: [...sc.mountOptions] } : {}),
      volumeMode: pvc.spec.volumeMode ?? "Filesystem",
    },
    status: { phase: "Pending" },
  });
  // A fresh ext4 file system: only lost+found.
  tx.setFs(`disk/pd/${name}`, buildTree({ "lost+found/": null }));
}

/** The provisioner deletes a Released volume whose policy is Delete: the disk, then the object. */
function finishDeletions(tx: Tx): void {
  for (const key of Object.keys(tx.storage.ops)) {
    if (!key.startsWith("delete/")) continue;
    const due = tx.storage.ops[key] ?? 0;
    if (due > tx.clock) continue;
    tx.setStorageOp(key, undefined);
    const pv = tx.get<PersistentVolume>("PersistentVolume", undefined, key.slice("delete/".length));
    if (pv?.status.phase !== "Released") continue;
    const disk = pdNameOf(pv);
    if (disk) tx.setFs(`disk/pd/${disk}`, undefined);
    detachAll(tx, pv.metadata.name);
    tx.remove(pv);
  }
}

/**
 * The external-resizer grows the disk of a claim asking for more than its volume has; the kubelet then
 * grows the file system once a pod on a node uses the claim, and only then does status.capacity change.
 */
function reconcileResize(tx: Tx): void {
  for (const pvc of tx.list<PersistentVolumeClaim>("PersistentVolumeClaim")) {
    if (pvc.status.phase !== "Bound" || !pvc.spec.volumeName) continue;
    const pv = tx.get<PersistentVolume>("PersistentVolume", undefined, pvc.spec.volumeName);
    if (!pv) continue;
    const want = requestOf(pvc);
    const has = parseQuantity(pv.spec.capacity.storage ?? 0) ?? 0;
    const key = `resize/${pv.metadata.name}`;
    if (want > has) {
      const due = tx.storage.ops[key];
      const resizer = { component: `external-resizer ${PD_CSI_DRIVER}` };
      if (due === undefined) {
        tx.event(pvc, "Normal", Reason.Resizing, Messages.resizing(pv.metadata.name), resizer);
        tx.setStorageOp(key, tx.clock + operationMs(key, 2000));
      } else if (due <= tx.clock) {
        tx.setStorageOp(key, undefined);
        tx.update<PersistentVolume>({ ...pv, spec: { ...pv.spec, capacity: { storage: roundUpGiB(want) } } });
        tx.event(pvc, "Normal", Reason.FileSystemResizeRequired, Messages.fsResizeRequired, resizer);
      }
      continue;
    }
    const shown = parseQuantity(pvc.status.capacity?.storage ?? 0) ?? 0;
    if (shown >= has) continue;
    const user = tx
      .list<Pod>("Pod", pvc.metadata.namespace)
      .find(
        (p) =>
          p.spec.nodeName &&
          p.status.phase === "Running" &&
          (p.spec.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name),
      );
    if (!user?.spec.nodeName) continue;
    tx.update<PersistentVolumeClaim>({
      ...pvc,
      status: { ...pvc.status, capacity: { ...pv.spec.capacity } },
    });
    eventOnce(
      tx,
      user,
      "Normal",
      Reason.FileSystemResizeSuccessful,
      Messages.fsResized(pv.metadata.name, user.spec.nodeName),
      {
        component: "kubelet",
        host: user.spec.nodeName,
      },
    );
  }
}
