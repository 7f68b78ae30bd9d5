// "Why" records for everything that waits or fails, in one shape whatever the kind: the scheduler's
// verdict for an unscheduled pod, the kubelet's reason for a container or volume that cannot start, the
// PV controller's for a claim that stays Pending, the endpoints controllers' for a Service without endpoints. The editor's markers, the app's
// "why" panel and the diagram's hover all render these records; none re-derives a rule.
import type { Pod } from "../api/pod";
import type { PersistentVolumeClaim } from "../api/storage";
import type { BlockCause } from "../controllers/kubelet/volume-setup";
import { evaluatePod, failureMessage, nodeUsage } from "../controllers/scheduler";
import { explainPodVolumes } from "../ops/why";
import { objectKey } from "../store/object-key";
import { listObjects } from "../store/queries";
import type { ClusterState } from "../store/state";
import { Tx } from "../store/tx";
import { explainClaims } from "./why-claims";
import type { WhyCode, WhyReason, WhyRecord } from "./why-record";
import { explainServices } from "./why-services";

export { WHY_CODES, type WhyCode, type WhyReason, type WhyRecord } from "./why-record";

const SCHEDULER_REASONS: Record<string, WhyCode> = {
  "node(s) didn't match Pod's node affinity/selector": "node-selector-mismatch",
  "Insufficient cpu": "insufficient-cpu",
  "Insufficient memory": "insufficient-memory",
  "Too many pods": "too-many-pods",
  "node(s) were unschedulable": "node-unschedulable",
  "node(s) had untolerated taint {node.kubernetes.io/not-ready: }": "node-not-ready",
  "node(s) didn't find available persistent volumes to bind": "volume-bind-conflict",
  "node(s) had volume node affinity conflict": "volume-node-conflict",
};

/** The pod's claim volumes, with their index in spec.volumes. */
function claimVolumes(pod: Pod): { index: number; claim: string }[] {
  const out: { index: number; claim: string }[] = [];
  (pod.spec.volumes ?? []).forEach((v, index) => {
    if (v.persistentVolumeClaim) out.push({ index, claim: v.persistentVolumeClaim.claimName });
  });
  return out;
}

const claimField = (index: number) => `spec.volumes[${index}].persistentVolumeClaim.claimName`;

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
    case "volume-bind-conflict":
    case "volume-node-conflict": {
      const first = claimVolumes(pod)[0];
      return {
        code,
        text,
        count,
        ...(first ? { fieldPath: claimField(first.index), values: { claim: first.claim } } : {}),
      };
    }
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

/** The VolumeBinding plugin's PreFilter refusal, pointed at the claim it is about. */
function preFilterReasons(tx: Tx, pod: Pod, text: string): WhyReason[] {
  if (/^persistentvolumeclaim ".*" not found$/.test(text)) return [claimNotFound(pod, text)];
  const deleting = /^persistentvolumeclaim "(.*)" is being deleted$/.exec(text)?.[1];
  if (deleting !== undefined) {
    const at = claimVolumes(pod).find((c) => c.claim === deleting);
    return [
      {
        code: "claim-deleting",
        text,
        ...(at ? { fieldPath: claimField(at.index) } : {}),
        values: { claim: deleting },
      },
    ];
  }
  const ns = pod.metadata.namespace ?? "default";
  const unbound = claimVolumes(pod).filter(
    ({ claim }) =>
      tx.get<PersistentVolumeClaim>("PersistentVolumeClaim", ns, claim)?.status?.phase !== "Bound",
  );
  if (unbound.length === 0) return [{ code: "other", text }];
  return unbound.map(({ index, claim }) => ({
    code: "claim-unbound",
    text,
    fieldPath: claimField(index),
    values: {
      claim,
      phase: tx.get<PersistentVolumeClaim>("PersistentVolumeClaim", ns, claim)?.status?.phase ?? "Pending",
    },
  }));
}

const BLOCK_CODES: Record<BlockCause, WhyCode> = {
  "claim-not-found": "claim-not-found",
  "claim-unbound": "claim-unbound",
  "disk-attached-elsewhere": "disk-attached-elsewhere",
  "disk-attaching": "disk-attaching",
  "no-source": "volume-setup-failed",
  "config-map-missing": "config-missing",
  "secret-missing": "config-missing",
  "projected-failed": "volume-setup-failed",
  "nfs-server-unreachable": "nfs-server-unreachable",
  "nfs-path-not-exported": "nfs-path-not-exported",
};

/** The kubelet's volume manager waits for these volumes before it starts any container. */
function explainVolumes(state: ClusterState, pod: Pod): WhyRecord | undefined {
  const ns = pod.metadata.namespace ?? "default";
  const blockers = explainPodVolumes(state, ns, pod.metadata.name) ?? [];
  if (blockers.length === 0) return undefined;
  const volumes = pod.spec.volumes ?? [];
  return {
    id: objectKey("Pod", ns, pod.metadata.name),
    kind: "Pod",
    namespace: ns,
    name: pod.metadata.name,
    source: "kubelet",
    message: blockers.map((b) => `volume ${b.volume}: ${b.message}`).join("\n"),
    reasons: blockers.map((b) => {
      const v = volumes.find((x) => x.name === b.volume);
      const claim = v?.persistentVolumeClaim?.claimName;
      const name = claim ?? v?.configMap?.name ?? v?.secret?.secretName ?? "";
      return {
        code: BLOCK_CODES[b.cause],
        text: b.message,
        fieldPath: b.field,
        values: { volume: b.volume, name, ...(claim !== undefined ? { claim } : {}), ...b.values },
      };
    }),
  };
}

function explainUnscheduled(tx: Tx, pod: Pod, usage: ReturnType<typeof nodeUsage>): WhyRecord {
  const verdict = evaluatePod(tx, pod, usage);
  const nodeCount = verdict.nodes.length || tx.list("Node").length;
  const reasons: WhyReason[] = [];
  if (verdict.preFilter) reasons.push(...preFilterReasons(tx, pod, verdict.preFilter));
  else {
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
 * Why records for every pod that is not running as asked, every claim that is not bound, every
 * Service without working endpoints; a consumer never needs to know which kind it shows.
 */
export interface ExplainOptions {
  /** Only objects of these namespaces (a UI that hides the system's own); default: every namespace. */
  include?: (namespace: string) => boolean;
}

export function explainCluster(state: ClusterState, options: ExplainOptions = {}): WhyRecord[] {
  const include = options.include ?? (() => true);
  const tx = new Tx(state);
  const records: WhyRecord[] = [];
  let usage: ReturnType<typeof nodeUsage> | undefined;
  for (const pod of listObjects<Pod>(state, "Pod")) {
    if (pod.metadata.deletionTimestamp) continue;
    if (!include(pod.metadata.namespace ?? "default")) continue;
    if (!pod.spec.nodeName) {
      usage ??= nodeUsage(tx);
      records.push(explainUnscheduled(tx, pod, usage));
      continue;
    }
    const volumes = pod.status.phase === "Pending" ? explainVolumes(state, pod) : undefined;
    if (volumes) {
      records.push(volumes);
      continue;
    }
    const record = explainContainers(pod);
    // A container that is merely being created resolves itself; report it only while nothing else is wrong.
    if (record?.reasons.some((r) => r.code !== "container-creating")) records.push(record);
  }
  records.push(...explainClaims(state, include), ...explainServices(state, include));
  return records;
}
