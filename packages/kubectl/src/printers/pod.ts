// `kubectl get pods` (pkg/printers/internalversion/printers.go: podColumnDefinitions, printPod).
import type { Pod } from "@kubejam/engine";
import { translateTimestampSince } from "./age";
import type { PodStatusView } from "./container-state";
import { podSummary } from "./pod-status";
import type { Column } from "./table";

// printers.go: podColumnDefinitions
export const podColumns: readonly Column[] = [
  { name: "Name", priority: 0, isName: true },
  { name: "Ready", priority: 0 },
  { name: "Status", priority: 0 },
  { name: "Restarts", priority: 0 },
  { name: "Age", priority: 0 },
  { name: "IP", priority: 1 },
  { name: "Node", priority: 1 },
  { name: "Nominated Node", priority: 1 },
  { name: "Readiness Gates", priority: 1 },
];

function readinessGates(pod: Pod, status: PodStatusView): string {
  const gates = (pod.spec.readinessGates ?? []).map((g) =>
    typeof g === "object" && g !== null && "conditionType" in g ? String(g.conditionType) : "",
  );
  // printers.go: "<none>" without gates, else "<true>/<total>"
  if (gates.length === 0) return "<none>";
  let trueConditions = 0;
  for (const type of gates) {
    const condition = (status.conditions ?? []).find((c) => c.type === type);
    if (condition?.status === "True") trueConditions++;
  }
  return `${trueConditions}/${gates.length}`;
}

export function podRow(pod: Pod, now: number): string[] {
  const status: PodStatusView = pod.status ?? {};
  const summary = podSummary(pod, now);
  // printers.go: podIP from status.podIPs[0]; "<none>" for empty IP, node and nominated node
  const podIP = status.podIPs?.[0]?.ip ?? "";
  return [
    pod.metadata.name,
    summary.ready,
    summary.status,
    summary.restarts,
    translateTimestampSince(pod.metadata.creationTimestamp, now),
    podIP === "" ? "<none>" : podIP,
    pod.spec.nodeName === undefined || pod.spec.nodeName === "" ? "<none>" : pod.spec.nodeName,
    status.nominatedNodeName === undefined || status.nominatedNodeName === ""
      ? "<none>"
      : status.nominatedNodeName,
    readinessGates(pod, status),
  ];
}
