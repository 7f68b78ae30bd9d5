// `kubectl get configmaps` and `kubectl get secrets` (pkg/printers/internalversion/printers.go:
// configMapColumnDefinitions, printConfigMap; secretColumnDefinitions, printSecret).
import type { ConfigMap, Secret } from "@kubejam/engine";
import { translateTimestampSince } from "./age";
import type { Column } from "./table";

export const configMapColumns: readonly Column[] = [
  { name: "Name", priority: 0, isName: true },
  { name: "Data", priority: 0 },
  { name: "Age", priority: 0 },
];

export function configMapRow(cm: ConfigMap, now: number): string[] {
  const count = Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length;
  return [cm.metadata.name, String(count), translateTimestampSince(cm.metadata.creationTimestamp, now)];
}

export const secretColumns: readonly Column[] = [
  { name: "Name", priority: 0, isName: true },
  { name: "Type", priority: 0 },
  { name: "Data", priority: 0 },
  { name: "Age", priority: 0 },
];

export function secretRow(s: Secret, now: number): string[] {
  return [
    s.metadata.name,
    s.type ?? "",
    String(Object.keys(s.data ?? {}).length),
    translateTimestampSince(s.metadata.creationTimestamp, now),
  ];
}
