// `kubectl get replicasets` (pkg/printers/internalversion/printers.go: replicaSetColumnDefinitions, printReplicaSet).
import type { ReplicaSet } from "@kubejam/engine";
import { translateTimestampSince } from "./age";
import { layoutContainerCells } from "./container-cells";
import { formatLabelSelector } from "./labels";
import type { Column } from "./table";

// printers.go: replicaSetColumnDefinitions
export const replicaSetColumns: readonly Column[] = [
  { name: "Name", priority: 0, isName: true },
  { name: "Desired", priority: 0 },
  { name: "Current", priority: 0 },
  { name: "Ready", priority: 0 },
  { name: "Age", priority: 0 },
  { name: "Containers", priority: 1 },
  { name: "Images", priority: 1 },
  { name: "Selector", priority: 1 },
];

export function replicaSetRow(rs: ReplicaSet, now: number): string[] {
  const status = rs.status ?? { replicas: 0 };
  const { names, images } = layoutContainerCells(rs.spec.template.spec.containers);
  return [
    rs.metadata.name,
    String(rs.spec.replicas ?? 1),
    String(status.replicas ?? 0),
    String(status.readyReplicas ?? 0),
    translateTimestampSince(rs.metadata.creationTimestamp, now),
    names,
    images,
    // printers.go: metav1.FormatLabelSelector
    formatLabelSelector(rs.spec.selector),
  ];
}
