// Why records for Services that reach no pod, or reach pods where nothing listens: the endpoints
// controllers' verdict per pod (serviceBackends) and kube-proxy's endpoints, through explainService.
import type { Service } from "../api/service";
import type { BackendVerdict } from "../network/service-backends";
import { explainService, type ServiceExplanation } from "../ops/why-service";
import { objectKey } from "../store/object-key";
import { listObjects } from "../store/queries";
import type { ClusterState } from "../store/state";
import type { WhyReason, WhyRecord } from "./why-record";

const labelsText = (labels: Record<string, string> | undefined) =>
  Object.entries(labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(",");

type Mismatch = Extract<BackendVerdict, { outcome: "label-mismatch" }>;

/** How far a pod is from being selected: labels off, then of those the ones it lacks (a typo beats a gap). */
const distance = (v: Mismatch) =>
  v.mismatches.length * 1000 + v.mismatches.filter((m) => m.actual === undefined).length;

/** The pods closest to being selected, each differing label one reason. */
function selectorReasons(mismatched: Mismatch[]): WhyReason[] {
  const fewest = Math.min(...mismatched.map(distance));
  const closest = mismatched.filter((v) => distance(v) === fewest);
  const grouped = new Map<string, { reason: WhyReason; count: number }>();
  for (const v of closest)
    for (const m of v.mismatches) {
      const key = `${m.key}\u0000${m.wanted}\u0000${m.actual ?? "\u0001"}`;
      const seen = grouped.get(key);
      if (seen) {
        seen.count++;
        continue;
      }
      const text =
        m.actual === undefined
          ? `pod ${v.pod} has no label ${m.key} (${m.field} is "${m.wanted}")`
          : `pod ${v.pod}: its label ${m.key} is "${m.actual}" (${m.field} is "${m.wanted}")`;
      grouped.set(key, {
        count: 1,
        reason: {
          code: m.actual === undefined ? "selector-label-missing" : "selector-mismatch",
          text,
          fieldPath: m.field,
          values: { pod: v.pod, key: m.key, wanted: m.wanted, actual: m.actual ?? "" },
        },
      });
    }
  return [...grouped.values()].map(({ reason, count }) => ({ ...reason, count }));
}

function backendReason(v: BackendVerdict): WhyReason | undefined {
  switch (v.outcome) {
    case "not-ready":
      return {
        code: "endpoint-not-ready",
        text: `pod ${v.pod} is selected, not ready: containers with unready status: [${v.containers.join(" ")}]`,
        values: { pod: v.pod, containers: v.containers.join(", ") },
      };
    case "no-ip":
      return {
        code: "endpoint-not-running",
        text: `pod ${v.pod} is selected, but it has no IP yet (not running on a node)`,
        values: { pod: v.pod, state: "Pending" },
      };
    case "finished":
      return {
        code: "endpoint-not-running",
        text: `pod ${v.pod} is selected, but it has finished (${v.phase})`,
        values: { pod: v.pod, state: v.phase },
      };
    case "terminating":
      return {
        code: "endpoint-not-running",
        text: `pod ${v.pod} is selected, but it is terminating`,
        values: { pod: v.pod, state: "Terminating" },
      };
    case "port-name-missing":
      return {
        code: "target-port-missing",
        text: `pod ${v.pod} is selected, but none of its containers has a port named "${v.targetPort}"${v.containerPorts.length > 0 ? `; its named ports: ${v.containerPorts.join(", ")}` : ""}`,
        fieldPath: v.field,
        values: { pod: v.pod, port: v.targetPort, ports: v.containerPorts.join(", ") },
      };
    case "other-namespace":
      return {
        code: "selector-other-namespace",
        text: `pod ${v.namespace}/${v.pod} has the labels, but a Service only selects pods of its own namespace`,
        fieldPath: "spec.selector",
        values: { pod: v.pod, namespace: v.namespace },
      };
    default:
      return undefined;
  }
}

export function serviceRecord(w: ServiceExplanation): WhyRecord | undefined {
  if (!w.managed) return undefined;
  const reasons: WhyReason[] = [];
  const own = w.verdicts.filter((v) => v.outcome !== "other-namespace");
  const mismatched = own.filter((v): v is Mismatch => v.outcome === "label-mismatch");
  const selected = own.filter((v) => v.outcome !== "label-mismatch");
  if (w.readyEndpoints === 0) {
    if (own.length === 0)
      reasons.push({
        code: "service-no-pods",
        text: `no pod in namespace ${w.namespace}`,
        fieldPath: "spec.selector",
        values: { selector: labelsText(w.selector), namespace: w.namespace },
      });
    else if (selected.length === 0) reasons.push(...selectorReasons(mismatched));
    for (const v of w.verdicts) {
      const r = v.outcome === "label-mismatch" ? undefined : backendReason(v);
      if (r) reasons.push(r);
    }
  } else {
    // Endpoints exist: only a targetPort some selected pod cannot resolve is worth saying.
    for (const v of selected)
      if (v.outcome === "port-name-missing") reasons.push(backendReason(v) as WhyReason);
  }
  for (const c of w.checks) {
    if (c.listening) continue;
    reasons.push({
      code: "endpoint-not-listening",
      text: `pod ${c.pod} ${c.ip}:${c.port}: ${c.listeners.length > 0 ? `its containers listen on ${c.listeners.join(", ")}` : "nothing in it listens"}`,
      fieldPath: `spec.ports[${c.servicePort.index}].targetPort`,
      values: {
        pod: c.pod,
        ip: c.ip,
        port: String(c.port),
        listeners: c.listeners.join(", "),
      },
    });
  }
  if (reasons.length === 0) return undefined;
  const id = `Service ${w.namespace}/${w.name}`;
  const message =
    w.readyEndpoints === 0
      ? w.clusterIP === "None"
        ? `${id} selects ${labelsText(w.selector)} and has no ready endpoints: as a headless Service, its name has no address in DNS.`
        : `${id} selects ${labelsText(w.selector)} and has no ready endpoints: connections to ${w.clusterIP ?? "it"} are refused.`
      : `${id} has ${w.readyEndpoints} ready endpoint${w.readyEndpoints === 1 ? "" : "s"}, but not every one answers.`;
  return {
    id: objectKey("Service", w.namespace, w.name),
    kind: "Service",
    namespace: w.namespace,
    name: w.name,
    source: w.readyEndpoints === 0 ? "endpoint-controller" : "kube-proxy",
    message,
    reasons,
  };
}

/** Why records for every Service whose selector finds no ready pod, or whose endpoints do not answer. */
export function explainServices(state: ClusterState): WhyRecord[] {
  const out: WhyRecord[] = [];
  for (const svc of listObjects<Service>(state, "Service")) {
    if (!svc.spec.selector || svc.spec.type === "ExternalName") continue;
    const w = explainService(state, svc.metadata.namespace ?? "default", svc.metadata.name);
    const record = w ? serviceRecord(w) : undefined;
    if (record) out.push(record);
  }
  return out;
}
