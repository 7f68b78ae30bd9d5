// `kubectl get storageclasses` (pkg/printers/internalversion/printers.go: storageClassColumnDefinitions,
// printStorageClass).
import type { StorageClass } from "@kubejam/engine";
import { translateTimestampSince } from "./age";
import type { Column } from "./table";

export const storageClassColumns: readonly Column[] = [
  { name: "Name", priority: 0, isName: true },
  { name: "Provisioner", priority: 0 },
  { name: "ReclaimPolicy", priority: 0 },
  { name: "VolumeBindingMode", priority: 0 },
  { name: "AllowVolumeExpansion", priority: 0 },
  { name: "Age", priority: 0 },
];

/** storageutil.IsDefaultAnnotation: the GA annotation, or the beta one. */
export function isDefaultStorageClass(sc: StorageClass): boolean {
  const a = sc.metadata.annotations ?? {};
  return (
    a["storageclass.kubernetes.io/is-default-class"] === "true" ||
    a["storageclass.beta.kubernetes.io/is-default-class"] === "true"
  );
}

export function storageClassRow(sc: StorageClass, now: number): string[] {
  return [
    isDefaultStorageClass(sc) ? `${sc.metadata.name} (default)` : sc.metadata.name,
    sc.provisioner,
    sc.reclaimPolicy ?? "Delete",
    sc.volumeBindingMode ?? "Immediate",
    String(sc.allowVolumeExpansion ?? false),
    translateTimestampSince(sc.metadata.creationTimestamp, now),
  ];
}
