// `kubectl describe persistentvolume` (staging/src/k8s.io/kubectl/pkg/describe/describe.go: describePersistentVolume,
// printVolumeNodeAffinity and the print*VolumeSource helpers for the sources a PersistentVolume may have).
import type { PersistentVolume } from "@kubejam/engine";
import { translateTimestampSince } from "../printers/age";
import { accessModes, pvClassName } from "../printers/pv";
import { canonicalQuantity } from "../printers/quantity";
import { describeEvents, eventsFor } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { LEVEL_0, LEVEL_1, LEVEL_2, PrefixWriter } from "./prefix-writer";
import type { DescribeRelated } from "./related";
import { printVolumeAttributes } from "./volumes";

/** describe.go: `%v` of a []string, e.g. `[kubernetes.io/pv-protection]`. */
export const goStringSlice = (xs: readonly string[] | undefined): string => `[${(xs ?? []).join(" ")}]`;

function printNodeAffinity(pv: PersistentVolume, w: PrefixWriter): void {
  w.write(LEVEL_0, "Node Affinity:\t");
  const required = pv.spec.nodeAffinity?.required;
  if (!required) {
    w.writeLine("<none>");
    return;
  }
  w.writeLine("");
  w.write(LEVEL_1, "Required Terms:\t");
  if (required.nodeSelectorTerms.length === 0) {
    w.writeLine("<none>");
    return;
  }
  w.writeLine("");
  required.nodeSelectorTerms.forEach((term, i) => {
    // printNodeSelectorTermsMultilineWithIndent
    w.write(LEVEL_2, `Term ${i}:\t`);
    const reqs = term.matchExpressions ?? [];
    if (reqs.length === 0) {
      w.writeLine("<none>");
      return;
    }
    reqs.forEach((r, j) => {
      if (j !== 0) w.write(LEVEL_2, "\t");
      const values = r.values ?? [];
      const expr = `${r.key} ${r.operator.toLowerCase()}${values.length > 0 ? ` [${values.join(", ")}]` : ""}`;
      w.write(LEVEL_0, `${expr}\n`);
    });
  });
}

function printSource(pv: PersistentVolume, w: PrefixWriter): void {
  const s = pv.spec;
  if (s.hostPath) {
    w.write(
      LEVEL_2,
      `Type:\tHostPath (bare host directory volume)\n    Path:\t${s.hostPath.path}\n    HostPathType:\t${s.hostPath.type ?? ""}\n`,
    );
  } else if (s.gcePersistentDisk) {
    const g = s.gcePersistentDisk;
    w.write(
      LEVEL_2,
      "Type:\tGCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)\n" +
        `    PDName:\t${g.pdName}\n    FSType:\t${g.fsType ?? ""}\n    Partition:\t${g.partition ?? 0}\n    ReadOnly:\t${g.readOnly === true}\n`,
    );
  } else if (s.nfs) {
    w.write(
      LEVEL_2,
      `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${s.nfs.server}\n    Path:\t${s.nfs.path}\n    ReadOnly:\t${s.nfs.readOnly === true}\n`,
    );
  } else if (s.local) {
    w.write(
      LEVEL_2,
      `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${s.local.path}\n`,
    );
  } else if (s.csi) {
    // printCSIPersistentVolumeSource
    w.write(
      LEVEL_2,
      `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${s.csi.driver}\n    FSType:\t${s.csi.fsType ?? ""}\n    VolumeHandle:\t${s.csi.volumeHandle}\n    ReadOnly:\t${s.csi.readOnly === true}\n`,
    );
    printVolumeAttributes(s.csi.volumeAttributes, w);
  } else {
    w.write(LEVEL_1, "<unknown>\n");
  }
}

export function describePersistentVolume(
  pv: PersistentVolume,
  related: DescribeRelated,
  now: number,
): string {
  const w = new PrefixWriter();
  const meta = pv.metadata;
  w.write(LEVEL_0, `Name:\t${meta.name}\n`);
  printLabelsMultiline(w, "Labels", meta.labels);
  printAnnotationsMultiline(w, "Annotations", meta.annotations);
  w.write(LEVEL_0, `Finalizers:\t${goStringSlice(meta.finalizers)}\n`);
  w.write(LEVEL_0, `StorageClass:\t${pvClassName(pv)}\n`);
  if (meta.deletionTimestamp)
    w.write(
      LEVEL_0,
      `Status:\tTerminating (lasts ${translateTimestampSince(meta.deletionTimestamp, now)})\n`,
    );
  else w.write(LEVEL_0, `Status:\t${pv.status?.phase ?? ""}\n`);
  const ref = pv.spec.claimRef;
  w.write(LEVEL_0, `Claim:\t${ref ? `${ref.namespace ?? ""}/${ref.name ?? ""}` : ""}\n`);
  w.write(LEVEL_0, `Reclaim Policy:\t${pv.spec.persistentVolumeReclaimPolicy ?? ""}\n`);
  w.write(LEVEL_0, `Access Modes:\t${accessModes(pv.spec.accessModes)}\n`);
  if (pv.spec.volumeMode !== undefined) w.write(LEVEL_0, `VolumeMode:\t${pv.spec.volumeMode}\n`);
  w.write(LEVEL_0, `Capacity:\t${canonicalQuantity(pv.spec.capacity?.storage ?? "0")}\n`);
  printNodeAffinity(pv, w);
  w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ""}\n`);
  w.write(LEVEL_0, "Source:\n");
  printSource(pv, w);
  describeEvents(
    eventsFor(related.events, { kind: "PersistentVolume", name: meta.name, uid: meta.uid }),
    w,
    now,
  );
  return w.toString();
}
