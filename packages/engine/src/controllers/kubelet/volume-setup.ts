import type { Node } from "../../api/cluster-kinds";
import type { Pod, Volume } from "../../api/pod";
import { parseQuantity } from "../../api/quantity";
import type { ConfigMap, PersistentVolume, PersistentVolumeClaim, Secret } from "../../api/storage";
import { Component, Messages, Reason } from "../../events/reasons";
import type { MountSource } from "../../fs/container-fs";
import { buildTree, emptyDir, type FsNode } from "../../fs/tree";
import { base64Decode } from "../../runtime/base64";
import type { Tx } from "../../store/tx";
import { attachedNodes, deviceOn, devicesOn, isAttachedTo, nextDevice } from "../storage/attach-detach";
import { backingStore, isAttachable } from "../storage/volume-helpers";
import { volumeId } from "./container-env";
import { downwardFieldValue, resourceFieldValue } from "./downward-api";
import { type NfsMountFailure, nfsExports, nfsMountFailedMessage, nfsMountFailure } from "./nfs-mount";
import { serviceAccountToken } from "./volumes";

/** Where one of a pod's volumes lives once mounted: a file-system id, a directory inside it, read-only or not. */
export interface ResolvedVolume {
  id: string;
  path?: string;
  readOnly?: boolean;
  /** What backs it when it is not the node's disk: an attached disk, memory, an NFS export. */
  source?: MountSource;
}

export type VolumeSetup =
  | { ok: true; volumes: Record<string, ResolvedVolume> }
  | { ok: false; blockedBy: string; unattached: string[]; blockers: VolumeBlocker[] };

/** Why one volume is not ready: the kubelet's own record, rendered by `kjctl why pod`. */
export interface VolumeBlocker {
  volume: string;
  /** The field of the pod's manifest naming what is missing. */
  field: string;
  message: string;
  /** What the kubelet waits for, as a closed set a UI can explain. */
  cause: BlockCause;
  /** What a UI's explanation may name besides the volume (an NFS server, its exports, …). */
  values?: Record<string, string>;
}

export type BlockCause =
  | "claim-not-found"
  | "claim-unbound"
  | "disk-attached-elsewhere"
  | "disk-attaching"
  | "no-source"
  | "config-map-missing"
  | "secret-missing"
  | "projected-failed"
  | NfsMountFailure["cause"];

type Blocked = {
  wait: boolean;
  field: string;
  message: string;
  cause: BlockCause;
  values?: Record<string, string>;
};

const GIB = 1024 ** 3;
/** What `df` shows of a formatted disk: ext4's journal and inode tables take about 2.6% of it. */
const EXT4_USABLE = 0.974;

/** Stands for a disk whose attachment named no device (an inline PD) until setUpVolumes names it. */
const ATTACHED_DISK = "disk";

/** A PersistentVolume's file system: its disk (on `device`) or NFS export, and its capacity. */
function persistentSource(
  pv: PersistentVolume,
  storeId: string,
  device = ATTACHED_DISK,
): MountSource | undefined {
  const capacity = parseQuantity(pv.spec.capacity?.storage ?? "") ?? 0;
  if (pv.spec.nfs)
    return {
      device: `${pv.spec.nfs.server}:${pv.spec.nfs.path}`,
      type: "nfs4",
      sizeBytes: capacity || 1024 * GIB,
    };
  if (storeId.startsWith("disk/"))
    return {
      device,
      type: "ext4",
      sizeBytes: Math.floor((capacity || 10 * GIB) * EXT4_USABLE),
    };
  return undefined;
}

/**
 * A pod volume's file system (pkg/volume): secrets, projected tokens, downwardAPI and `medium: Memory`
 * emptyDirs are tmpfs sized by the node's allocatable memory; inline NFS is its export; an inline PD
 * an attached disk; the rest (emptyDir, configMap, hostPath) the node's disk, left unsaid.
 */
function inlineSource(v: Volume, node: Node): MountSource | undefined {
  if (v.secret || v.projected || v.downwardAPI || v.emptyDir?.medium === "Memory")
    return {
      device: "tmpfs",
      type: "tmpfs",
      sizeBytes: parseQuantity(node.status.allocatable?.memory ?? "") ?? GIB,
    };
  if (v.nfs) return { device: `${v.nfs.server}:${v.nfs.path}`, type: "nfs4", sizeBytes: 1024 * GIB };
  if (v.gcePersistentDisk)
    return { device: ATTACHED_DISK, type: "ext4", sizeBytes: Math.floor(10 * GIB * EXT4_USABLE) };
  return undefined;
}

/** How long the kubelet waits for volumes before it reports FailedMount (volumemanager podAttachAndMountTimeout). */
export const MOUNT_TIMEOUT_MS = 2 * 60 * 1000 + 3000;

export function keyedFiles(
  data: Record<string, string>,
  items: { key: string; path: string }[] | undefined,
): Record<string, string> {
  if (!items || items.length === 0) return { ...data };
  const out: Record<string, string> = {};
  for (const it of items) if (data[it.key] !== undefined) out[it.path] = data[it.key] ?? "";
  return out;
}

export function secretFiles(secret: Secret): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(secret.data ?? {})) out[k] = base64Decode(v) ?? "";
  return out;
}

/**
 * The kubelet's volume manager for one pod on one node: every volume must be ready (claim bound, disk
 * attached here, ConfigMap or Secret present) before containers start. Pod-lifetime volumes are created
 * here; persistent ones only point at their backing store.
 */
export function setUpVolumes(tx: Tx, pod: Pod, node: Node, explain = false): VolumeSetup {
  const ns = pod.metadata.namespace ?? "default";
  const host = { component: Component.kubelet, host: node.metadata.name };
  const volumes: Record<string, ResolvedVolume> = {};
  const seeds: [string, FsNode][] = [];
  const unattached: string[] = [];
  const blockers: VolumeBlocker[] = [];
  // Disks without a recorded device (inline PDs, states saved before devices were kept) take the
  // node's next free names, one each.
  let devices: Set<string> | undefined;
  (pod.spec.volumes ?? []).forEach((v, i) => {
    const podScoped = volumeId(pod, v.name) ?? `pod/${pod.metadata.uid}/${v.name}`;
    const resolved = resolveOne(tx, pod, node, v, podScoped, seeds, host, ns, explain);
    if ("id" in resolved) {
      let source = resolved.source ?? inlineSource(v, node);
      if (source?.device === ATTACHED_DISK) {
        devices ??= devicesOn(tx, node.metadata.name);
        const device = nextDevice(devices);
        devices.add(device);
        source = { ...source, device };
      }
      volumes[v.name] = source ? { ...resolved, source } : resolved;
      return;
    }
    if (resolved.wait) unattached.push(v.name);
    blockers.push({
      volume: v.name,
      field: `spec.volumes[${i}].${resolved.field}`,
      message: resolved.message,
      cause: resolved.cause,
      ...(resolved.values ? { values: resolved.values } : {}),
    });
  });
  const first = blockers[0];
  if (first) return { ok: false, blockedBy: first.volume, unattached, blockers };
  for (const [id, root] of seeds) if (!tx.fs[id]) tx.setFs(id, root);
  return { ok: true, volumes };
}

function resolveOne(
  tx: Tx,
  pod: Pod,
  node: Node,
  v: Volume,
  podScoped: string,
  seeds: [string, FsNode][],
  host: { component: string; host: string },
  ns: string,
  explain: boolean,
): ResolvedVolume | Blocked {
  if (v.persistentVolumeClaim) {
    const claimName = v.persistentVolumeClaim.claimName;
    const pvc = tx.get<PersistentVolumeClaim>("PersistentVolumeClaim", ns, claimName);
    const pv = pvc?.spec.volumeName
      ? tx.get<PersistentVolume>("PersistentVolume", undefined, pvc.spec.volumeName)
      : undefined;
    const field = "persistentVolumeClaim.claimName";
    if (!pvc)
      return {
        wait: true,
        field,
        message: `persistentvolumeclaim "${claimName}" not found`,
        cause: "claim-not-found",
      };
    if (pvc.status.phase !== "Bound" || !pv)
      return {
        wait: true,
        field,
        message: `persistentvolumeclaim "${claimName}" is ${pvc.status.phase}, not Bound`,
        cause: "claim-unbound",
      };
    if (isAttachable(pv) && !isAttachedTo(tx, pv.metadata.name, node.metadata.name)) {
      // Only `why` needs to know where the disk is (a scan of every attachment).
      const elsewhere = explain
        ? attachedNodes(tx, pv.metadata.name).filter((n) => n !== node.metadata.name)
        : [];
      return {
        wait: true,
        field,
        message:
          elsewhere.length > 0
            ? `disk ${pv.metadata.name} is attached to node ${elsewhere.join(", ")}; ${pv.spec.accessModes.join(",")} lets one node attach it at a time`
            : `disk ${pv.metadata.name} is being attached to node ${node.metadata.name}`,
        cause: elsewhere.length > 0 ? "disk-attached-elsewhere" : "disk-attaching",
      };
    }
    const store = backingStore(pv.spec, node.metadata.name);
    if (!store)
      return {
        wait: true,
        field,
        message: `volume ${pv.metadata.name} has no source the simulation can mount`,
        cause: "no-source",
      };
    const readOnly = Boolean(
      v.persistentVolumeClaim.readOnly ||
        pv.spec.nfs?.readOnly ||
        pv.spec.csi?.readOnly ||
        pv.spec.gcePersistentDisk?.readOnly,
    );
    if (pv.spec.nfs) {
      const { server, path } = pv.spec.nfs;
      const fields = { server: field, path: field };
      const failed = nfsBlocked(tx, pod, host, pv.metadata.name, server, path, readOnly, fields);
      if (failed) return failed;
    }
    if (!tx.fs[store.id]) seeds.push([store.id, emptyDir()]);
    const source = persistentSource(pv, store.id, deviceOn(tx, pv.metadata.name, node.metadata.name));
    return {
      id: store.id,
      ...(store.path ? { path: store.path } : {}),
      ...(readOnly ? { readOnly } : {}),
      ...(source ? { source } : {}),
    };
  }
  if (v.nfs) {
    const { server, path } = v.nfs;
    const fields = { server: "nfs.server", path: "nfs.path" };
    const failed = nfsBlocked(tx, pod, host, v.name, server, path, Boolean(v.nfs.readOnly), fields);
    if (failed) return failed;
    if (!tx.fs[`nfs/${v.nfs.server}`]) seeds.push([`nfs/${v.nfs.server}`, emptyDir()]);
    return { id: `nfs/${v.nfs.server}`, path: v.nfs.path, ...(v.nfs.readOnly ? { readOnly: true } : {}) };
  }
  if (v.gcePersistentDisk) {
    const id = `disk/pd/${v.gcePersistentDisk.pdName}`;
    if (!tx.fs[id]) seeds.push([id, buildTree({ "lost+found/": null })]);
    return { id, ...(v.gcePersistentDisk.readOnly ? { readOnly: true } : {}) };
  }
  if (v.hostPath) {
    const id = `host/${node.metadata.name}:${v.hostPath.path}`;
    if (!tx.fs[id]) seeds.push([id, emptyDir()]);
    return { id };
  }
  if (v.configMap) {
    const name = v.configMap.name ?? "";
    const cm = tx.get<ConfigMap>("ConfigMap", ns, name);
    if (!cm) {
      if (v.configMap.optional) {
        seeds.push([podScoped, emptyDir()]);
        return { id: podScoped, readOnly: true };
      }
      eventOnceOn(tx, pod, Messages.configMapMissing(v.name, name), host);
      return {
        wait: false,
        field: "configMap.name",
        message: Messages.configMapMissing(v.name, name),
        cause: "config-map-missing",
      };
    }
    seeds.push([podScoped, buildTree(keyedFiles(cm.data ?? {}, v.configMap.items))]);
    return { id: podScoped, readOnly: true };
  }
  if (v.secret) {
    const name = v.secret.secretName ?? "";
    const secret = tx.get<Secret>("Secret", ns, name);
    if (!secret) {
      if (v.secret.optional) {
        seeds.push([podScoped, emptyDir()]);
        return { id: podScoped, readOnly: true };
      }
      eventOnceOn(tx, pod, Messages.secretMissing(v.name, name), host);
      return {
        wait: false,
        field: "secret.secretName",
        message: Messages.secretMissing(v.name, name),
        cause: "secret-missing",
      };
    }
    seeds.push([podScoped, buildTree(keyedFiles(secretFiles(secret), v.secret.items))]);
    return { id: podScoped, readOnly: true };
  }
  if (v.projected) {
    const files = projectedFiles(tx, pod, v.projected, ns);
    if (typeof files === "string") {
      const message = `MountVolume.SetUp failed for volume "${v.name}" : ${files}`;
      eventOnceOn(tx, pod, message, host);
      return { wait: false, field: "projected.sources", message, cause: "projected-failed" };
    }
    seeds.push([podScoped, buildTree(files)]);
    return { id: podScoped, readOnly: true };
  }
  if (v.downwardAPI) {
    seeds.push([podScoped, buildTree(downwardFiles(tx, pod, v.downwardAPI as DownwardApiSource))]);
    return { id: podScoped, readOnly: true };
  }
  // emptyDir (disk or medium: Memory), inline CSI ephemeral volumes: the pod's own directory.
  seeds.push([podScoped, emptyDir()]);
  return { id: podScoped };
}

interface DownwardApiSource {
  items?: {
    path: string;
    fieldRef?: { fieldPath?: string };
    resourceFieldRef?: { containerName?: string; resource?: string; divisor?: string };
  }[];
}

/** A downwardAPI volume's (or projection's) files: each item's field of the pod. */
function downwardFiles(tx: Tx, pod: Pod, source: DownwardApiSource | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of source?.items ?? []) {
    if (item.fieldRef) out[item.path] = downwardFieldValue(tx, pod, item.fieldRef.fieldPath ?? "");
    else if (item.resourceFieldRef) out[item.path] = resourceFieldValue(tx, pod, item.resourceFieldRef);
  }
  return out;
}

interface ProjectionSource {
  serviceAccountToken?: { path?: string };
  configMap?: { name?: string; items?: { key: string; path: string }[]; optional?: boolean };
  secret?: { name?: string; items?: { key: string; path: string }[]; optional?: boolean };
  downwardAPI?: DownwardApiSource;
}

/** A projected volume's files, source by source (pkg/volume/projected), or why it cannot be set up. */
export function projectedFiles(
  tx: Tx,
  pod: Pod,
  projected: Record<string, unknown>,
  ns: string,
): Record<string, string> | string {
  const out: Record<string, string> = {};
  const sources = (Array.isArray(projected.sources) ? projected.sources : []) as ProjectionSource[];
  for (const src of sources) {
    if (src.serviceAccountToken) out[src.serviceAccountToken.path ?? "token"] = serviceAccountToken(pod);
    if (src.configMap) {
      const cm = tx.get<ConfigMap>("ConfigMap", ns, src.configMap.name ?? "");
      if (!cm) {
        if (src.configMap.optional) continue;
        return `configmap "${src.configMap.name ?? ""}" not found`;
      }
      Object.assign(out, keyedFiles(cm.data ?? {}, src.configMap.items));
    }
    if (src.secret) {
      const secret = tx.get<Secret>("Secret", ns, src.secret.name ?? "");
      if (!secret) {
        if (src.secret.optional) continue;
        return `secret "${src.secret.name ?? ""}" not found`;
      }
      Object.assign(out, keyedFiles(secretFiles(secret), src.secret.items));
    }
    Object.assign(out, downwardFiles(tx, pod, src.downwardAPI));
  }
  return out;
}

/** An NFS mount that fails (no such server, no such export): the kubelet's event and the blocker. */
function nfsBlocked(
  tx: Tx,
  pod: Pod,
  host: { component: string; host: string },
  volume: string,
  server: string,
  path: string,
  readOnly: boolean,
  /** The pod's fields naming the server and the path (a claim names both). */
  fields: { server: string; path: string },
): Blocked | undefined {
  const failure = nfsMountFailure(tx.topology, server, path);
  if (!failure) return undefined;
  eventOnceOn(
    tx,
    pod,
    nfsMountFailedMessage(pod.metadata.uid, volume, server, path, readOnly, failure),
    host,
  );
  const unreachable = failure.cause === "nfs-server-unreachable";
  const exports = nfsExports(tx.topology).join(", ");
  return {
    wait: false,
    field: unreachable ? fields.server : fields.path,
    message: `${unreachable ? `no NFS server answers at ${server}` : `${server} does not export ${path}`} (${failure.output}); the cluster's NFS exports: ${exports}`,
    cause: failure.cause,
    values: { server, path, exports },
  };
}

function eventOnceOn(tx: Tx, pod: Pod, message: string, host: { component: string; host: string }): void {
  if (!tx.hasEvent(pod, Reason.FailedMount, message, host))
    tx.event(pod, "Warning", Reason.FailedMount, message, host);
}
