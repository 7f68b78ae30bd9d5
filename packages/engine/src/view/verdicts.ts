// "Why" records for everything that waits or fails, in one shape whatever the kind: the scheduler's
// verdict for an unscheduled pod, the kubelet's reason for a container that cannot start, and (as the
// storage and networking controllers add theirs) claims and Services. The editor's markers, the app's
// "why" panel and the diagram's hover all render these records; none re-derives a rule.
import type { Pod } from "../api/pod";
import { evaluatePod, failureMessage, nodeUsage } from "../controllers/scheduler";
import { objectKey } from "../store/object-key";
import { listObjects } from "../store/queries";
import type { ClusterState } from "../store/state";
import { Tx } from "../store/tx";

/** A closed set, so that a UI can explain each code in the learner's language. */
export const WHY_CODES = [
  "node-selector-mismatch",
  "insufficient-cpu",
  "insufficient-memory",
  "too-many-pods",
  "node-unschedulable",
  "node-not-ready",
  "claim-not-found",
  "image-pull",
  "crash-loop",
  "container-error",
  "container-creating",
  "other",
] as const;
export type WhyCode = (typeof WHY_CODES)[number];

export interface WhyReason {
  code: WhyCode;
  /** The engine's words for this reason (kubectl's English). */
  text: string;
  /** The field of the object's manifest this reason points at, as the API server writes paths. */
  fieldPath?: string;
  /** How many candidates (e.g. nodes) gave this reason. */
  count?: number;
  /** Values that help a learner: the labels a selector asked for, the image name, … */
  values?: Record<string, string>;
}

export interface WhyRecord {
  /** The object's store key, `Kind/namespace/name`. */
  id: string;
  kind: string;
  namespace?: string;
  name: string;
  /** Who decided: `default-scheduler`, `kubelet`, `persistentvolume-controller`, … */
  source: string;
  /** The full message as the event or `kubectl describe` shows it. */
  message: string;
  reasons: WhyReason[];
}

const SCHEDULER_REASONS: Record<string, WhyCode> = {
  "node(s) didn't match Pod's node affinity/selector": "node-selector-mismatch",
  "Insufficient cpu": "insufficient-cpu",
  "Insufficient memory": "insufficient-memory",
  "Too many pods": "too-many-pods",
  "node(s) were unschedulable": "node-unschedulable",
  "node(s) had untolerated taint {node.kubernetes.io/not-ready: }": "node-not-ready",
};

function requestPath(pod: Pod, resource: "cpu" | "memory"): string | undefined {
  const i = pod.spec.containers.findIndex((c) => c.resources?.requests?.[resource] !== undefined);
  return i === -1 ? undefined : `spec.containers[${i}].resources.requests.${resource}`;
}

function schedulerReason(pod: Pod, text: string, count: number): WhyReason {
  const code = SCHEDULER_REASONS[text] ?? "other";
  switch (code) {
    case "node-selector-mismatch": {
      const entries = Object.entries(pod.spec.nodeSelector ?? {});
      const first = entries[0];
      return {
        code,
        text,
        count,
        fieldPath: first ? `spec.nodeSelector[${first[0]}]` : pod.spec.affinity ? "spec.affinity" : undefined,
        values: Object.fromEntries(entries),
      };
    }
    case "insufficient-cpu":
      return { code, text, count, fieldPath: requestPath(pod, "cpu") };
    case "insufficient-memory":
      return { code, text, count, fieldPath: requestPath(pod, "memory") };
    case "node-not-ready":
      return { code, text, count, fieldPath: pod.spec.tolerations ? "spec.tolerations" : undefined };
    default:
      return { code, text, count };
  }
}

function claimNotFound(pod: Pod, text: string): WhyReason {
  const claim = /^persistentvolumeclaim "(.*)" not found$/.exec(text)?.[1];
  const i = (pod.spec.volumes ?? []).findIndex((v) => v.persistentVolumeClaim?.claimName === claim);
  return {
    code: "claim-not-found",
    text,
    ...(i >= 0 ? { fieldPath: `spec.volumes[${i}].persistentVolumeClaim.claimName` } : {}),
    ...(claim ? { values: { claim } } : {}),
  };
}

function explainUnscheduled(tx: Tx, pod: Pod, usage: ReturnType<typeof nodeUsage>): WhyRecord {
  const verdict = evaluatePod(tx, pod, usage);
  const nodeCount = verdict.nodes.length || tx.list("Node").length;
  const reasons: WhyReason[] = [];
  if (verdict.preFilter) {
    reasons.push(
      verdict.preFilter.startsWith("persistentvolumeclaim ")
        ? claimNotFound(pod, verdict.preFilter)
        : { code: "other", text: verdict.preFilter },
    );
  } else {
    const counts = new Map<string, number>();
    for (const v of verdict.nodes) for (const r of v.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
    for (const [text, count] of [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)))
      reasons.push(schedulerReason(pod, text, count));
  }
  const ns = pod.metadata.namespace ?? "default";
  return {
    id: objectKey("Pod", ns, pod.metadata.name),
    kind: "Pod",
    namespace: ns,
    name: pod.metadata.name,
    source: "default-scheduler",
    message: failureMessage(verdict, nodeCount),
    reasons,
  };
}

const IMAGE_REASONS = new Set(["ErrImagePull", "ImagePullBackOff", "InvalidImageName"]);

function explainContainers(pod: Pod): WhyRecord | undefined {
  const ns = pod.metadata.namespace ?? "default";
  const reasons: WhyReason[] = [];
  const messages: string[] = [];
  pod.spec.containers.forEach((c, i) => {
    const status = pod.status.containerStatuses?.find((s) => s.name === c.name);
    if (!status) return;
    let reason: string | undefined;
    let message: string | undefined;
    if ("waiting" in status.state) {
      reason = status.state.waiting.reason;
      message = status.state.waiting.message;
    } else if ("terminated" in status.state && status.state.terminated.exitCode !== 0) {
      reason = status.state.terminated.reason;
      message = status.state.terminated.message ?? `exit code ${status.state.terminated.exitCode}`;
    }
    if (!reason) return;
    const code: WhyCode = IMAGE_REASONS.has(reason)
      ? "image-pull"
      : reason === "CrashLoopBackOff"
        ? "crash-loop"
        : reason === "ContainerCreating" || reason === "PodInitializing"
          ? "container-creating"
          : "container-error";
    const text = message ? `${reason}: ${message}` : reason;
    messages.push(`container ${c.name}: ${text}`);
    reasons.push({
      code,
      text,
      fieldPath: code === "image-pull" ? `spec.containers[${i}].image` : `spec.containers[${i}]`,
      values: { container: c.name, ...(c.image ? { image: c.image } : {}) },
    });
  });
  if (reasons.length === 0) return undefined;
  return {
    id: objectKey("Pod", ns, pod.metadata.name),
    kind: "Pod",
    namespace: ns,
    name: pod.metadata.name,
    source: "kubelet",
    message: messages.join("\n"),
    reasons,
  };
}

/**
 * Why records for every pod that is not running as asked. Other controllers' records (claims,
 * Services) join this list as they arrive; a consumer never needs to know which kind it shows.
 */
export function explainCluster(state: ClusterState): WhyRecord[] {
  const tx = new Tx(state);
  const records: WhyRecord[] = [];
  let usage: ReturnType<typeof nodeUsage> | undefined;
  for (const pod of listObjects<Pod>(state, "Pod")) {
    if (pod.metadata.deletionTimestamp) continue;
    if (!pod.spec.nodeName) {
      usage ??= nodeUsage(tx);
      records.push(explainUnscheduled(tx, pod, usage));
      continue;
    }
    const record = explainContainers(pod);
    // A container that is merely being created resolves itself; report it only while nothing else is wrong.
    if (record?.reasons.some((r) => r.code !== "container-creating")) records.push(record);
  }
  return records;
}
