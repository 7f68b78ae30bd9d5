// `kubectl describe namespace` (staging/src/k8s.io/kubectl/pkg/describe/describe.go: describeNamespace with
// empty ResourceQuota and LimitRange lists; kubectl prints no events for namespaces).
import type { Namespace } from "@kubejam/engine";
import { printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { LEVEL_0, PrefixWriter } from "./prefix-writer";
import type { DescribeRelated } from "./related";

export function describeNamespace(ns: Namespace, _related: DescribeRelated, _now: number): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`);
  printLabelsMultiline(w, "Labels", ns.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", ns.metadata.annotations);
  w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ""}\n`);
  // describe.go: DescribeResourceQuotas / DescribeLimitRanges with no items
  w.write(LEVEL_0, "\n");
  w.write(LEVEL_0, "No resource quota.\n");
  w.write(LEVEL_0, "\n");
  w.write(LEVEL_0, "No LimitRange resource.\n");
  return w.toString();
}
