// `kubectl get deployments` (pkg/printers/internalversion/printers.go: deploymentColumnDefinitions, printDeployment).
import type { Deployment } from "@kubejam/engine";
import { translateTimestampSince } from "./age";
import { layoutContainerCells } from "./container-cells";
import { selectorString } from "./labels";
import type { Column } from "./table";

// printers.go: deploymentColumnDefinitions
export const deploymentColumns: readonly Column[] = [
  { name: "Name", priority: 0, isName: true },
  { name: "Ready", priority: 0 },
  { name: "Up-to-date", priority: 0 },
  { name: "Available", priority: 0 },
  { name: "Age", priority: 0 },
  { name: "Containers", priority: 1 },
  { name: "Images", priority: 1 },
  { name: "Selector", priority: 1 },
];

export function deploymentRow(d: Deployment, now: number): string[] {
  const status = d.status ?? {};
  const { names, images } = layoutContainerCells(d.spec.template.spec.containers);
  // printers.go: selector.String() of LabelSelectorAsSelector, "<invalid>" when it does not convert
  const selector = selectorString(d.spec.selector) ?? "<invalid>";
  return [
    d.metadata.name,
    `${status.readyReplicas ?? 0}/${d.spec.replicas ?? 1}`,
    String(status.updatedReplicas ?? 0),
    String(status.availableReplicas ?? 0),
    translateTimestampSince(d.metadata.creationTimestamp, now),
    names,
    images,
    selector,
  ];
}
