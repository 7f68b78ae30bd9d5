// `kubectl get namespaces` (pkg/printers/internalversion/printers.go: namespaceColumnDefinitions, printNamespace).
import type { Namespace } from "@kubejam/engine";
import { translateTimestampSince } from "./age";
import type { Column } from "./table";

export const namespaceColumns: readonly Column[] = [
  { name: "Name", priority: 0, isName: true },
  { name: "Status", priority: 0 },
  { name: "Age", priority: 0 },
];

export function namespaceRow(ns: Namespace, now: number): string[] {
  return [
    ns.metadata.name,
    ns.status?.phase ?? "",
    translateTimestampSince(ns.metadata.creationTimestamp, now),
  ];
}
