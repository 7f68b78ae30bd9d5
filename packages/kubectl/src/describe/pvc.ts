// `kubectl describe persistentvolumeclaim` (staging/src/k8s.io/kubectl/pkg/describe/describe.go:
// describePersistentVolumeClaim, printPersistentVolumeClaim, getPodsForPVC, printPodsMultiline).
import type { PersistentVolumeClaim, Pod } from "@kubejam/engine";
import { translateTimestampSince } from "../printers/age";
import { accessModes } from "../printers/pv";
import { pvcClassName } from "../printers/pvc";
import { canonicalQuantity } from "../printers/quantity";
import { describeEvents, eventsFor } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { LEVEL_0, PrefixWriter } from "./prefix-writer";
import { goStringSlice } from "./pv";
import type { DescribeRelated } from "./related";

/** getPodsForPVC: pods of the namespace whose volumes name the claim. */
export function podsForClaim(pvc: PersistentVolumeClaim, pods: readonly Pod[]): Pod[] {
  return pods.filter(
    (p) =>
      p.metadata.namespace === pvc.metadata.namespace &&
      (p.spec.volumes ?? []).some((v) => v.persistentVolumeClaim?.claimName === pvc.metadata.name),
  );
}

export function describePersistentVolumeClaim(
  pvc: PersistentVolumeClaim,
  related: DescribeRelated,
  now: number,
): string {
  const w = new PrefixWriter();
  const meta = pvc.metadata;
  w.write(LEVEL_0, `Name:\t${meta.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ""}\n`);
  w.write(LEVEL_0, `StorageClass:\t${pvcClassName(pvc)}\n`);
  if (meta.deletionTimestamp)
    w.write(
      LEVEL_0,
      `Status:\tTerminating (lasts ${translateTimestampSince(meta.deletionTimestamp, now)})\n`,
    );
  else w.write(LEVEL_0, `Status:\t${pvc.status?.phase ?? ""}\n`);
  w.write(LEVEL_0, `Volume:\t${pvc.spec.volumeName ?? ""}\n`);
  printLabelsMultiline(w, "Labels", meta.labels);
  printAnnotationsMultiline(w, "Annotations", meta.annotations);
  w.write(LEVEL_0, `Finalizers:\t${goStringSlice(meta.finalizers)}\n`);
  const bound = (pvc.spec.volumeName ?? "") !== "";
  w.write(LEVEL_0, `Capacity:\t${bound ? canonicalQuantity(pvc.status?.capacity?.storage ?? "0") : ""}\n`);
  w.write(LEVEL_0, `Access Modes:\t${bound ? accessModes(pvc.status?.accessModes) : ""}\n`);
  if (pvc.spec.volumeMode !== undefined) w.write(LEVEL_0, `VolumeMode:\t${pvc.spec.volumeMode}\n`);
  // printPodsMultiline("Used By"): names sorted, one per line
  const users = podsForClaim(pvc, related.pods ?? [])
    .map((p) => p.metadata.name)
    .sort();
  w.write(LEVEL_0, "Used By:\t");
  if (users.length === 0) w.writeLine("<none>");
  users.forEach((name, i) => {
    if (i !== 0) w.write(LEVEL_0, "\t");
    w.write(LEVEL_0, `${name}\n`);
  });
  describeEvents(
    eventsFor(related.events, {
      kind: "PersistentVolumeClaim",
      name: meta.name,
      namespace: meta.namespace ?? "",
      uid: meta.uid,
    }),
    w,
    now,
  );
  return w.toString();
}
