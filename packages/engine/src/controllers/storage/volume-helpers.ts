import type { PersistentVolume, VolumeNodeAffinity } from "../../api/storage";
import { fnv32a } from "../../runtime/ids";

/**
 * How long a disk takes to create, attach or delete: a few seconds, fixed per object (no randomness), in
 * half-second steps so that many operations finish at the same instants (fewer settle steps for big clusters).
 */
export function operationMs(key: string, base: number): number {
  return base + 500 * (fnv32a(key) % 3);
}

/** storagehelpers.GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, comma-joined. */
export function accessModesString(modes: readonly string[]): string {
  const out: string[] = [];
  if (modes.includes("ReadWriteOnce")) out.push("RWO");
  if (modes.includes("ReadOnlyMany")) out.push("ROX");
  if (modes.includes("ReadWriteMany")) out.push("RWX");
  if (modes.includes("ReadWriteOncePod")) out.push("RWOP");
  return out.join(",");
}

/** CheckNodeAffinity (component-helpers/storage/volume): any term whose every expression matches the node's labels. */
export function nodeAffinityMatches(
  affinity: VolumeNodeAffinity | undefined,
  labels: Record<string, string>,
): boolean {
  const terms = affinity?.required?.nodeSelectorTerms;
  if (!terms) return true;
  return terms.some((term) =>
    (term.matchExpressions ?? []).every((e) => {
      const has = Object.hasOwn(labels, e.key);
      const value = labels[e.key] ?? "";
      const values = e.values ?? [];
      switch (e.operator) {
        case "In":
          return has && values.includes(value);
        case "NotIn":
          return !has || !values.includes(value);
        case "Exists":
          return has;
        case "DoesNotExist":
          return !has;
        case "Gt":
          return has && Number(value) > Number(values[0]);
        case "Lt":
          return has && Number(value) < Number(values[0]);
        default:
          return false;
      }
    }),
  );
}

export const PD_CSI_DRIVER = "pd.csi.storage.gke.io";

/** The name of the GCE persistent disk a volume names, if it is one. */
export function pdNameOf(pv: Pick<PersistentVolume, "spec">): string | undefined {
  if (pv.spec.gcePersistentDisk) return pv.spec.gcePersistentDisk.pdName;
  if (pv.spec.csi?.driver === PD_CSI_DRIVER) return pv.spec.csi.volumeHandle.split("/").pop();
  return undefined;
}

/**
 * Where a persistent volume's bytes live (the engine's file-system id and a path inside it). PDs by disk
 * name, NFS exports as a directory of their server (so nested or repeated exports share files),
 * host paths and local volumes on the node that mounts them.
 */
export function backingStore(
  spec: Pick<PersistentVolume["spec"], "nfs" | "gcePersistentDisk" | "csi" | "hostPath" | "local">,
  node: string,
): { id: string; path?: string } | undefined {
  if (spec.nfs) return { id: `nfs/${spec.nfs.server}`, path: spec.nfs.path };
  const pd = pdNameOf({ spec } as Pick<PersistentVolume, "spec">);
  if (pd) return { id: `disk/pd/${pd}` };
  if (spec.csi) return { id: `disk/csi/${spec.csi.driver}/${spec.csi.volumeHandle}` };
  if (spec.hostPath) return { id: `host/${node}:${spec.hostPath.path}` };
  if (spec.local) return { id: `host/${node}:${spec.local.path}` };
  return undefined;
}

/** Disks the attach/detach controller attaches to a node before the kubelet can mount them. */
export function isAttachable(pv: Pick<PersistentVolume, "spec">): boolean {
  return pdNameOf(pv) !== undefined || pv.spec.csi !== undefined;
}
