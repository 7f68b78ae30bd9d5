// `kubectl get persistentvolumeclaims` (pkg/printers/internalversion/printers.go:
// persistentVolumeClaimColumnDefinitions, printPersistentVolumeClaim).
import type { PersistentVolumeClaim } from "@kubejam/engine";
import { translateTimestampSince } from "./age";
import { accessModes } from "./pv";
import { canonicalQuantity } from "./quantity";
import type { Column } from "./table";

export const pvcColumns: readonly Column[] = [
  { name: "Name", priority: 0, isName: true },
  { name: "Status", priority: 0 },
  { name: "Volume", priority: 0 },
  { name: "Capacity", priority: 0 },
  { name: "Access Modes", priority: 0 },
  { name: "StorageClass", priority: 0 },
  { name: "VolumeAttributesClass", priority: 0 },
  { name: "Age", priority: 0 },
  { name: "VolumeMode", priority: 1 },
];

/** helper.GetPersistentVolumeClaimClass (the beta annotation wins). */
export function pvcClassName(pvc: PersistentVolumeClaim): string {
  return (
    pvc.metadata.annotations?.["volume.beta.kubernetes.io/storage-class"] ?? pvc.spec.storageClassName ?? ""
  );
}

export function pvcRow(pvc: PersistentVolumeClaim, now: number): string[] {
  const phase = pvc.metadata.deletionTimestamp ? "Terminating" : (pvc.status?.phase ?? "");
  // Capacity and access modes come from status, and only once the claim names its volume.
  const bound = (pvc.spec.volumeName ?? "") !== "";
  return [
    pvc.metadata.name,
    phase,
    pvc.spec.volumeName ?? "",
    bound ? canonicalQuantity(pvc.status?.capacity?.storage) : "",
    bound ? accessModes(pvc.status?.accessModes) : "",
    pvcClassName(pvc),
    pvc.spec.volumeAttributesClassName ?? "<unset>",
    translateTimestampSince(pvc.metadata.creationTimestamp, now),
    pvc.spec.volumeMode ?? "<unset>",
  ];
}
