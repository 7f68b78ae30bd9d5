import type { Node } from "../api/cluster-kinds";
import type { Pod } from "../api/pod";
import type { Service, StoredServicePort } from "../api/service";
import { isPodReady } from "../controllers/owners";

// Which pods back a Service, and why each pod in reach does or does not: the one record the
// Endpoints and EndpointSlice controllers write from, and `why service/…` renders
// (pkg/controller/endpoint/endpoints_controller.go syncService, endpointslice reconciler,
// staging/src/k8s.io/endpointslice/util ShouldPodBeInEndpoints, pkg/api/v1/pod FindPort).

/** One resolved port of one backend: the Service port's name and the port on the pod. */
export interface BackendPort {
  name: string;
  port: number;
  protocol: StoredServicePort["protocol"];
}

export interface Backend {
  pod: Pod;
  ip: string;
  node?: string;
  zone?: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  /** The Service's ports resolved against this pod (a named targetPort it lacks is left out). */
  ports: BackendPort[];
}

/** Why one pod is, or is not, a backend. `field` is a path in the Service (or pod) that decides it. */
export type BackendVerdict =
  | { pod: string; namespace: string; outcome: "ready" }
  | {
      pod: string;
      namespace: string;
      outcome: "label-mismatch";
      /** The selector's labels the pod lacks or has with another value. */
      mismatches: { key: string; wanted: string; actual: string | undefined; field: string }[];
    }
  | { pod: string; namespace: string; outcome: "other-namespace" }
  | { pod: string; namespace: string; outcome: "no-ip" }
  | { pod: string; namespace: string; outcome: "finished"; phase: string }
  | { pod: string; namespace: string; outcome: "terminating" }
  | { pod: string; namespace: string; outcome: "not-ready"; containers: string[] }
  | {
      pod: string;
      namespace: string;
      outcome: "port-name-missing";
      targetPort: string;
      field: string;
      containerPorts: string[];
    };

export interface ServiceBackends {
  /** False for a Service without a selector: its Endpoints are someone else's to write. */
  managed: boolean;
  backends: Backend[];
  verdicts: BackendVerdict[];
}

/**
 * The backends of a Service among `pods` (all pods of the cluster, or at least of its namespace).
 * Pods of other namespaces with matching labels get an `other-namespace` verdict, for `why`.
 */
export function serviceBackends(
  service: Service,
  pods: readonly Pod[],
  nodes: ReadonlyMap<string, Node>,
): ServiceBackends {
  const selector = service.spec.selector;
  if (selector === undefined || service.spec.type === "ExternalName")
    return { managed: false, backends: [], verdicts: [] };
  const ns = service.metadata.namespace ?? "default";
  const publishNotReady = service.spec.publishNotReadyAddresses === true;
  const backends: Backend[] = [];
  const verdicts: BackendVerdict[] = [];
  for (const pod of pods) {
    const name = pod.metadata.name;
    const namespace = pod.metadata.namespace ?? "default";
    const labels = pod.metadata.labels ?? {};
    const mismatches = Object.entries(selector)
      .filter(([k, v]) => labels[k] !== v)
      .map(([key, wanted]) => ({ key, wanted, actual: labels[key], field: `spec.selector.${key}` }));
    if (namespace !== ns) {
      if (mismatches.length === 0) verdicts.push({ pod: name, namespace, outcome: "other-namespace" });
      continue;
    }
    if (mismatches.length > 0) {
      verdicts.push({ pod: name, namespace, outcome: "label-mismatch", mismatches });
      continue;
    }
    const ip = pod.status.podIP;
    if (!ip) {
      verdicts.push({ pod: name, namespace, outcome: "no-ip" });
      continue;
    }
    if (pod.status.phase === "Succeeded" || pod.status.phase === "Failed") {
      verdicts.push({ pod: name, namespace, outcome: "finished", phase: pod.status.phase });
      continue;
    }
    const terminating = pod.metadata.deletionTimestamp !== undefined;
    const podReady = isPodReady(pod);
    const ready = (podReady && !terminating) || publishNotReady;
    const ports: BackendPort[] = [];
    for (const [i, sp] of (service.spec.ports ?? []).entries()) {
      const port = findPort(pod, sp);
      if (port === undefined) {
        verdicts.push({
          pod: name,
          namespace,
          outcome: "port-name-missing",
          targetPort: String(sp.targetPort),
          field: `spec.ports[${i}].targetPort`,
          containerPorts: pod.spec.containers.flatMap((c) =>
            (c.ports ?? []).filter((p) => p.name).map((p) => `${c.name}:${p.name}`),
          ),
        });
        continue;
      }
      ports.push({ name: sp.name ?? "", port, protocol: sp.protocol });
    }
    // A pod none of whose ports resolve is in no subset and no slice.
    if (ports.length === 0 && (service.spec.ports?.length ?? 0) > 0) continue;
    const node = pod.spec.nodeName ? nodes.get(pod.spec.nodeName) : undefined;
    backends.push({
      pod,
      ip,
      node: pod.spec.nodeName,
      zone: node?.metadata.labels?.["topology.kubernetes.io/zone"],
      ready,
      serving: podReady,
      terminating,
      ports,
    });
    if (terminating) verdicts.push({ pod: name, namespace, outcome: "terminating" });
    else if (!ready)
      verdicts.push({
        pod: name,
        namespace,
        outcome: "not-ready",
        containers: (pod.status.containerStatuses ?? []).filter((c) => !c.ready).map((c) => c.name),
      });
    else if (!verdicts.some((v) => v.pod === name && v.namespace === namespace))
      verdicts.push({ pod: name, namespace, outcome: "ready" });
  }
  return { managed: true, backends, verdicts };
}

/** podutil.FindPort: a number is itself; a name is looked up among the containers' ports. */
export function findPort(
  pod: Pod,
  sp: Pick<StoredServicePort, "targetPort" | "protocol">,
): number | undefined {
  if (typeof sp.targetPort === "number") return sp.targetPort;
  for (const c of pod.spec.containers) {
    for (const p of c.ports ?? []) {
      if (p.name === sp.targetPort && (p.protocol ?? "TCP") === sp.protocol) return p.containerPort;
    }
  }
  return undefined;
}
