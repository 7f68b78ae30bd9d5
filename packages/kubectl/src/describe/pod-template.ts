// describe.go: DescribePodTemplate (the "Pod Template:" block of Deployments and ReplicaSets).
import type { PodTemplateSpec } from "@kubejam/engine";
import { describeContainers } from "./containers";
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from "./multiline";
import { LEVEL_0, LEVEL_1, type PrefixWriter } from "./prefix-writer";
import { describeTopologySpreadConstraints } from "./topology";
import { describeVolumes } from "./volumes";

export function describePodTemplate(template: PodTemplateSpec | undefined, w: PrefixWriter): void {
  w.write(LEVEL_0, "Pod Template:\n");
  if (template === undefined) {
    w.write(LEVEL_1, "<unset>");
    return;
  }
  const spec = template.spec;
  printLabelsMultiline(w, "  Labels", template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) {
    printAnnotationsMultiline(w, "  Annotations", template.metadata?.annotations);
  }
  if ((spec.serviceAccountName ?? "") !== "")
    w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec.initContainers ?? []).length > 0) {
    describeContainers("Init Containers", spec.initContainers ?? [], undefined, undefined, w, "  ");
  }
  describeContainers("Containers", spec.containers, undefined, undefined, w, "  ");
  describeVolumes(spec.volumes, w, "  ");
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, "  ");
  if ((spec.priorityClassName ?? "") !== "")
    w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, "  Node-Selectors", spec.nodeSelector);
  printTolerationsMultiline(w, "  Tolerations", spec.tolerations);
}
