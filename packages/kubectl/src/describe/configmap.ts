// `kubectl describe configmap` / `secret` (staging/src/k8s.io/kubectl/pkg/describe/describe.go: describeConfigMap,
// describeSecret). Go ranges over the maps in random order; the simulation sorts the keys.
import type { ConfigMap, Secret } from "@kubejam/engine";
import { base64DecodeBytes } from "@kubejam/engine";
import { describeEvents, eventsFor } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { LEVEL_0, PrefixWriter } from "./prefix-writer";
import type { DescribeRelated } from "./related";

export function describeConfigMap(cm: ConfigMap, related: DescribeRelated, now: number): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${cm.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${cm.metadata.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", cm.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", cm.metadata.annotations);
  w.write(LEVEL_0, "\nData\n====\n");
  for (const k of Object.keys(cm.data ?? {}).sort()) {
    w.write(LEVEL_0, `${k}:\n----\n`);
    w.write(LEVEL_0, `${cm.data?.[k] ?? ""}\n`);
  }
  w.write(LEVEL_0, "\nBinaryData\n====\n");
  for (const k of Object.keys(cm.binaryData ?? {}).sort())
    w.write(LEVEL_0, `${k}: ${base64DecodeBytes(cm.binaryData?.[k] ?? "")?.length ?? 0} bytes\n`);
  w.write(LEVEL_0, "\n");
  describeEvents(
    eventsFor(related.events, {
      kind: "ConfigMap",
      name: cm.metadata.name,
      namespace: cm.metadata.namespace ?? "",
    }),
    w,
    now,
  );
  return w.toString();
}

export function describeSecret(s: Secret): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${s.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${s.metadata.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", s.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", s.metadata.annotations);
  w.write(LEVEL_0, `\nType:\t${s.type}\n`);
  w.write(LEVEL_0, "\nData\n====\n");
  for (const k of Object.keys(s.data ?? {}).sort())
    w.write(LEVEL_0, `${k}:\t${base64DecodeBytes(s.data?.[k] ?? "")?.length ?? 0} bytes\n`);
  return w.toString();
}
