// `kubectl describe deployment` (staging/src/k8s.io/kubectl/pkg/describe/describe.go: describeDeployment;
// old/new ReplicaSets as staging/src/k8s.io/kubectl/pkg/util/deployment/deployment.go finds them).
import type { Deployment, ReplicaSet } from "@kubejam/engine";
import { selectorString } from "../printers/labels";
import { describeEvents, eventsFor } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { describePodTemplate } from "./pod-template";
import { LEVEL_0, LEVEL_1, PrefixWriter } from "./prefix-writer";
import type { DescribeRelated } from "./related";
import { formatTimestamp } from "./time-format";

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

// deployment.go: EqualIgnoreHash (templates equal once the pod-template-hash label is dropped)
function templateKey(template: unknown): string {
  const t = JSON.parse(JSON.stringify(template ?? {})) as { metadata?: { labels?: Record<string, string> } };
  if (t.metadata?.labels !== undefined) delete t.metadata.labels["pod-template-hash"];
  return canonicalJson(t);
}

/** deployment.go: GetAllReplicaSets: controlled ReplicaSets, the new one (oldest with the same template) and the rest. */
export function splitReplicaSets(
  d: Deployment,
  replicaSets: readonly ReplicaSet[],
): { newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] } {
  const owned = replicaSets.filter((rs) =>
    (rs.metadata.ownerReferences ?? []).some((r) => r.controller === true && r.uid === d.metadata.uid),
  );
  const want = templateKey(d.spec.template);
  const byAge = [...owned].sort((a, b) =>
    a.metadata.creationTimestamp < b.metadata.creationTimestamp ? -1 : 1,
  );
  const newRS = byAge.find((rs) => templateKey(rs.spec.template) === want);
  return { newRS, oldRSs: owned.filter((rs) => rs !== newRS) };
}

// describe.go: printReplicaSetsByLabels
function replicaSetsText(list: readonly ReplicaSet[]): string {
  const text = list
    .map(
      (rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 1} replicas created)`,
    )
    .join(", ");
  return text === "" ? "<none>" : text;
}

function intOrPercent(v: number | string | undefined, fallback: string): string {
  return v === undefined ? fallback : String(v);
}

export function describeDeployment(d: Deployment, related: DescribeRelated, now: number): string {
  const w = new PrefixWriter();
  const status = d.status ?? { observedGeneration: 0 };
  w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace ?? ""}\n`);
  w.write(LEVEL_0, `CreationTimestamp:\t${formatTimestamp(d.metadata.creationTimestamp)}\n`);
  printLabelsMultiline(w, "Labels", d.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", d.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${selectorString(d.spec.selector) ?? ""}\n`);
  w.write(
    LEVEL_0,
    `Replicas:\t${d.spec.replicas ?? 1} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ` +
      `${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(LEVEL_0, `StrategyType:\t${d.spec.strategy?.type ?? "RollingUpdate"}\n`);
  w.write(LEVEL_0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
  const ru = d.spec.strategy?.rollingUpdate;
  if (ru !== undefined) {
    w.write(
      LEVEL_0,
      `RollingUpdateStrategy:\t${intOrPercent(ru.maxUnavailable, "25%")} max unavailable, ${intOrPercent(ru.maxSurge, "25%")} max surge\n`,
    );
  }
  describePodTemplate(d.spec.template, w);
  const conditions = status.conditions ?? [];
  if (conditions.length > 0) {
    w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tReason\n");
    w.write(LEVEL_1, "----\t------\t------\n");
    for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ""}\n`);
  }
  const { newRS, oldRSs } = splitReplicaSets(d, related.replicaSets ?? []);
  if (oldRSs.length > 0 || newRS !== undefined) {
    w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsText(oldRSs)}\n`);
    w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsText(newRS === undefined ? [] : [newRS])}\n`);
  }
  const target = {
    kind: "Deployment",
    name: d.metadata.name,
    namespace: d.metadata.namespace ?? "",
    uid: d.metadata.uid,
  };
  describeEvents(eventsFor(related.events, target), w, now);
  return w.toString();
}
