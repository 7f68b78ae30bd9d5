// `kubectl describe replicaset` (staging/src/k8s.io/kubectl/pkg/describe/describe.go: describeReplicaSet,
// getPodStatusForController).
import type { Pod, ReplicaSet } from "@kubejam/engine";
import { formatLabelSelector } from "../printers/labels";
import { describeEvents, eventsFor } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { controllerOf } from "./pod";
import { describePodTemplate } from "./pod-template";
import { LEVEL_0, LEVEL_1, PrefixWriter } from "./prefix-writer";
import type { DescribeRelated } from "./related";

/** describe.go: getPodStatusForController (pods whose controller reference is this uid, by phase). */
export function podStatusCounts(pods: readonly Pod[], uid: string): string {
  let running = 0;
  let waiting = 0;
  let succeeded = 0;
  let failed = 0;
  for (const pod of pods) {
    const controller = (pod.metadata.ownerReferences ?? []).find((r) => r.controller === true);
    // Skip pods that are orphans or owned by other controllers.
    if (controller === undefined || controller.uid !== uid) continue;
    const phase = pod.status?.phase;
    if (phase === "Running") running++;
    else if (phase === "Pending") waiting++;
    else if (phase === "Succeeded") succeeded++;
    else if (phase === "Failed") failed++;
  }
  return `${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed`;
}

export function describeReplicaSet(rs: ReplicaSet, related: DescribeRelated, now: number): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace ?? ""}\n`);
  w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec.selector)}\n`);
  printLabelsMultiline(w, "Labels", rs.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", rs.metadata.annotations);
  const controlledBy = controllerOf(rs.metadata);
  if (controlledBy !== "") w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 1} desired\n`);
  w.write(LEVEL_0, "Pods Status:\t");
  w.write(LEVEL_0, `${podStatusCounts(related.pods ?? [], rs.metadata.uid)}\n`);
  describePodTemplate(rs.spec.template, w);
  const conditions =
    (rs.status as { conditions?: { type: string; status: string; reason?: string }[] } | undefined)
      ?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tReason\n");
    w.write(LEVEL_1, "----\t------\t------\n");
    for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ""}\n`);
  }
  const target = {
    kind: "ReplicaSet",
    name: rs.metadata.name,
    namespace: rs.metadata.namespace ?? "",
    uid: rs.metadata.uid,
  };
  describeEvents(eventsFor(related.events, target), w, now);
  return w.toString();
}
