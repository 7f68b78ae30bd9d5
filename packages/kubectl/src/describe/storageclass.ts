// `kubectl describe storageclass` (staging/src/k8s.io/kubectl/pkg/describe/describe.go: describeStorageClass).
import type { StorageClass } from "@kubejam/engine";
import { isDefaultStorageClass } from "../printers/storageclass";
import { describeEvents, eventsFor } from "./events";
import { LEVEL_0, LEVEL_1, PrefixWriter } from "./prefix-writer";
import type { DescribeRelated } from "./related";

/** labels.FormatLabels: `k=v,k2=v2` sorted by key, `<none>` when empty. */
export function formatMap(m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {}).sort();
  if (keys.length === 0) return "<none>";
  return keys.map((k) => `${k}=${m?.[k] ?? ""}`).join(",");
}

export function describeStorageClass(sc: StorageClass, related: DescribeRelated, now: number): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${sc.metadata.name}\n`);
  w.write(LEVEL_0, `IsDefaultClass:\t${isDefaultStorageClass(sc) ? "Yes" : "No"}\n`);
  w.write(LEVEL_0, `Annotations:\t${formatMap(sc.metadata.annotations)}\n`);
  w.write(LEVEL_0, `Provisioner:\t${sc.provisioner}\n`);
  w.write(LEVEL_0, `Parameters:\t${formatMap(sc.parameters)}\n`);
  // printBoolPtr
  const expansion =
    sc.allowVolumeExpansion === undefined ? "<unset>" : sc.allowVolumeExpansion ? "True" : "False";
  w.write(LEVEL_0, `AllowVolumeExpansion:\t${expansion}\n`);
  if ((sc.mountOptions ?? []).length === 0) w.write(LEVEL_0, "MountOptions:\t<none>\n");
  else {
    w.write(LEVEL_0, "MountOptions:\n");
    for (const o of sc.mountOptions ?? []) w.write(LEVEL_1, `${o}\n`);
  }
  w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
  w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
  describeEvents(
    eventsFor(related.events, { kind: "StorageClass", name: sc.metadata.name, uid: sc.metadata.uid }),
    w,
    now,
  );
  return w.toString();
}
