import type { Pod } from "../../api/pod";
import type { PersistentVolume, PersistentVolumeClaim } from "../../api/storage";
import { Component, Messages, Reason } from "../../events/reasons";
import type { Tx } from "../../store/tx";
import { isAttachable, operationMs } from "./volume-helpers";

// pkg/controller/volume/attachdetach: attaches a disk to the node of every pod that uses it and detaches
// it once no pod there does. A ReadWriteOnce disk is attached to one node at a time: a pod elsewhere
// waits in ContainerCreating with a Multi-Attach error until the other node lets go.

const attachKey = (pv: string, node: string) => `${pv}@${node}`;

export function isAttachedTo(tx: Tx, pv: string, node: string): boolean {
  return tx.storage.attached[attachKey(pv, node)] !== undefined;
}

/** The device a disk attached to `node` is there (`/dev/sdb`), when the attachment recorded one. */
export function deviceOn(tx: Tx, pv: string, node: string): string | undefined {
  return tx.storage.devices?.[attachKey(pv, node)];
}

/** The devices of the disks attached to `node`. */
export function devicesOn(tx: Tx, node: string): Set<string> {
  const used = new Set<string>();
  const devices = tx.storage.devices ?? {};
  for (const key in devices) if (key.endsWith(`@${node}`)) used.add(devices[key] as string);
  return used;
}

/**
 * The name Linux gives the next disk attached to a VM: the sd driver takes the lowest free index
 * (/dev/sda is the boot disk), so a letter freed by a detach is given again.
 */
export function nextDevice(used: ReadonlySet<string>): string {
  for (let i = 1; ; i++) {
    const device = `/dev/sd${sdSuffix(i)}`;
    if (!used.has(device)) return device;
  }
}

/** sd_format_disk_name: a..z, then aa..zz, aaa.. (index 0 is "a"). */
function sdSuffix(index: number): string {
  let out = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    out = String.fromCharCode(97 + ((n - 1) % 26)) + out;
  return out;
}

/** The nodes a disk is attached to (or being detached from). */
export function attachedNodes(tx: Tx, pv: string): string[] {
  const out: string[] = [];
  for (const key in tx.storage.attached)
    if (key.startsWith(`${pv}@`)) out.push(tx.storage.attached[key] ?? "");
  return out;
}

export function detachAll(tx: Tx, pv: string): void {
  for (const node of attachedNodes(tx, pv)) {
    tx.setAttached(attachKey(pv, node), undefined);
    tx.setStorageOp(`detach/${attachKey(pv, node)}`, undefined);
  }
}

const multiNode = (pv: PersistentVolume) =>
  (pv.spec.accessModes ?? []).some((m) => m === "ReadOnlyMany" || m === "ReadWriteMany");

interface Want {
  pv: PersistentVolume;
  node: string;
  pods: Pod[];
}

export function reconcileAttachDetach(tx: Tx): void {
  const wants = new Map<string, Want>();
  for (const pod of tx.list<Pod>("Pod")) {
    const node = pod.spec.nodeName;
    if (!node || pod.status.phase === "Succeeded" || pod.status.phase === "Failed") continue;
    for (const v of pod.spec.volumes ?? []) {
      if (!v.persistentVolumeClaim) continue;
      const pvc = tx.get<PersistentVolumeClaim>(
        "PersistentVolumeClaim",
        pod.metadata.namespace,
        v.persistentVolumeClaim.claimName,
      );
      const pv = pvc?.spec.volumeName
        ? tx.get<PersistentVolume>("PersistentVolume", undefined, pvc.spec.volumeName)
        : undefined;
      if (!pv || !isAttachable(pv) || pvc?.status.phase !== "Bound") continue;
      const key = attachKey(pv.metadata.name, node);
      const want = wants.get(key);
      if (want) want.pods.push(pod);
      else wants.set(key, { pv, node, pods: [pod] });
    }
  }
  // Detach what no pod on that node needs any more (after the unmount, a few seconds).
  for (const key of Object.keys(tx.storage.attached)) {
    if (wants.has(key)) {
      if (tx.storage.ops[`detach/${key}`] !== undefined) tx.setStorageOp(`detach/${key}`, undefined);
      continue;
    }
    const op = `detach/${key}`;
    const due = tx.storage.ops[op];
    if (due === undefined) tx.setStorageOp(op, tx.clock + operationMs(op, 1000));
    else if (due <= tx.clock) {
      tx.setStorageOp(op, undefined);
      tx.setAttached(key, undefined);
    }
  }
  const nodesOf = new Map<string, string[]>();
  for (const key in tx.storage.attached) {
    const pvName = key.slice(0, key.lastIndexOf("@"));
    const list = nodesOf.get(pvName);
    const node = tx.storage.attached[key] ?? "";
    if (list) list.push(node);
    else nodesOf.set(pvName, [node]);
  }
  for (const [key, want] of wants) {
    if (tx.storage.attached[key] !== undefined) continue;
    const name = want.pv.metadata.name;
    const elsewhere = (nodesOf.get(name) ?? []).filter((n) => n !== want.node);
    const op = `attach/${key}`;
    if (elsewhere.length > 0 && !multiNode(want.pv)) {
      if (tx.storage.ops[op] !== undefined) tx.setStorageOp(op, undefined);
      for (const pod of want.pods) {
        // reportMultiAttachError: the pods of this pod's namespace that hold the disk on the other node.
        const holders: string[] = [];
        for (const other of elsewhere) {
          const otherWant = wants.get(attachKey(name, other));
          for (const p of otherWant?.pods ?? [])
            if (p.metadata.namespace === pod.metadata.namespace) holders.push(p.metadata.name);
        }
        const message = Messages.multiAttach(name, holders);
        const from = { component: Component.attachDetach };
        if (!tx.hasEvent(pod, Reason.FailedAttachVolume, message, from))
          tx.event(pod, "Warning", Reason.FailedAttachVolume, message, from);
      }
      continue;
    }
    const due = tx.storage.ops[op];
    if (due === undefined) {
      tx.setStorageOp(op, tx.clock + operationMs(op, 1500));
      continue;
    }
    if (due > tx.clock) continue;
    tx.setStorageOp(op, undefined);
    tx.setAttached(key, want.node, nextDevice(devicesOn(tx, want.node)));
    for (const pod of want.pods)
      tx.event(pod, "Normal", Reason.SuccessfulAttachVolume, Messages.attached(name), {
        component: Component.attachDetach,
      });
  }
}
