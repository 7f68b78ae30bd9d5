// `kubectl get nodes` (pkg/printers/internalversion/printers.go: nodeColumnDefinitions, printNode).
import type { Node } from "@kubejam/engine";
import { translateTimestampSince } from "./age";
import { findNodeRoles } from "./node-roles";
import type { Column } from "./table";

// printers.go: nodeColumnDefinitions
export const nodeColumns: readonly Column[] = [
  { name: "Name", priority: 0, isName: true },
  { name: "Status", priority: 0 },
  { name: "Roles", priority: 0 },
  { name: "Age", priority: 0 },
  { name: "Version", priority: 0 },
  { name: "Internal-IP", priority: 1 },
  { name: "External-IP", priority: 1 },
  { name: "OS-Image", priority: 1 },
  { name: "Kernel-Version", priority: 1 },
  { name: "Container-Runtime", priority: 1 },
];

/** printers.go: printNode STATUS (only the Ready condition counts; `Unknown` without one). */
export function nodeStatus(node: Node): string {
  const status: string[] = [];
  const ready = (node.status?.conditions ?? []).find((c) => c.type === "Ready");
  if (ready !== undefined) status.push(ready.status === "True" ? "Ready" : "NotReady");
  if (status.length === 0) status.push("Unknown");
  if (node.spec?.unschedulable === true) status.push("SchedulingDisabled");
  return status.join(",");
}

// printers.go: getNodeInternalIP / getNodeExternalIP, first address of the type or "<none>"
function nodeAddress(node: Node, type: string): string {
  return (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? "<none>";
}

function orUnknown(value: string | undefined): string {
  return value === undefined || value === "" ? "<unknown>" : value;
}

export function nodeRow(node: Node, now: number): string[] {
  const roles = findNodeRoles(node.metadata.labels).join(",");
  const info = node.status?.nodeInfo;
  return [
    node.metadata.name,
    nodeStatus(node),
    roles === "" ? "<none>" : roles,
    translateTimestampSince(node.metadata.creationTimestamp, now),
    info?.kubeletVersion ?? "",
    nodeAddress(node, "InternalIP"),
    nodeAddress(node, "ExternalIP"),
    orUnknown(info?.osImage),
    orUnknown(info?.kernelVersion),
    orUnknown(info?.containerRuntimeVersion),
  ];
}
