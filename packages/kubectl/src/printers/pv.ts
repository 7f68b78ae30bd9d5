// `kubectl get persistentvolumes` (pkg/printers/internalversion/printers.go: persistentVolumeColumnDefinitions,
// printPersistentVolume).
import type { PersistentVolume } from "@kubejam/engine";
import { translateTimestampSince } from "./age";
import { canonicalQuantity } from "./quantity";
import type { Column } from "./table";

export const pvColumns: readonly Column[] = [
  { name: "Name", priority: 0, isName: true },
  { name: "Capacity", priority: 0 },
  { name: "Access Modes", priority: 0 },
  { name: "Reclaim Policy", priority: 0 },
  { name: "Status", priority: 0 },
  { name: "Claim", priority: 0 },
  { name: "StorageClass", priority: 0 },
  { name: "VolumeAttributesClass", priority: 0 },
  { name: "Reason", priority: 0 },
  { name: "Age", priority: 0 },
  { name: "VolumeMode", priority: 1 },
];

/** storagehelpers.GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order. */
export function accessModes(modes: readonly string[] | undefined): string {
  const m = modes ?? [];
  return [
    m.includes("ReadWriteOnce") ? "RWO" : "",
    m.includes("ReadOnlyMany") ? "ROX" : "",
    m.includes("ReadWriteMany") ? "RWX" : "",
    m.includes("ReadWriteOncePod") ? "RWOP" : "",
  ]
    .filter((s) => s !== "")
    .join(",");
}

/** helper.GetPersistentVolumeClass (the beta annotation wins). */
export function pvClassName(pv: PersistentVolume): string {
  return (
    pv.metadata.annotations?.["volume.beta.kubernetes.io/storage-class"] ?? pv.spec.storageClassName ?? ""
  );
}

export function pvRow(pv: PersistentVolume, now: number): string[] {
  const ref = pv.spec.claimRef;
  const claim = ref ? `${ref.namespace ?? ""}/${ref.name ?? ""}` : "";
  const phase = pv.metadata.deletionTimestamp ? "Terminating" : (pv.status?.phase ?? "");
  return [
    pv.metadata.name,
    canonicalQuantity(pv.spec.capacity?.storage),
    accessModes(pv.spec.accessModes),
    pv.spec.persistentVolumeReclaimPolicy ?? "",
    phase,
    claim,
    pvClassName(pv),
    pv.spec.volumeAttributesClassName ?? "<unset>",
    pv.status?.reason ?? "",
    translateTimestampSince(pv.metadata.creationTimestamp, now),
    pv.spec.volumeMode ?? "<unset>",
  ];
}
