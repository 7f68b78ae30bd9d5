import type { Node } from "../api/cluster-kinds";
import type { Pod } from "../api/pod";
import type { Service } from "../api/service";
import { ClusterNetwork } from "../network/cluster-network";
import { usableEndpoints } from "../network/kube-proxy";
import { type BackendVerdict, serviceBackends } from "../network/service-backends";
import type { ClusterState } from "../store/state";
import { Tx } from "../store/tx";

/** Whether something listens where a ready endpoint points: kube-proxy sends traffic there regardless. */
export interface EndpointCheck {
  pod: string;
  namespace: string;
  ip: string;
  port: number;
  /** The Service port's name ("" when unnamed) and number. */
  servicePort: { name: string; port: number; index: number };
  listening: boolean;
  /** What the pod's containers do listen on. */
  listeners: number[];
}

export interface ServiceExplanation {
  namespace: string;
  name: string;
  type: Service["spec"]["type"];
  selector?: Record<string, string>;
  clusterIP?: string;
  externalName?: string;
  /** False when the Service has no selector: its endpoints are not the control plane's to find. */
  managed: boolean;
  readyEndpoints: number;
  notReadyEndpoints: number;
  /** One verdict per pod of the Service's namespace, and per matching pod elsewhere. */
  verdicts: BackendVerdict[];
  checks: EndpointCheck[];
}

/**
 * Why a Service reaches the pods it does, or none: the endpoints controllers' own record of each pod
 * (selector, namespace, readiness, named ports) and kube-proxy's endpoints with what listens there.
 */
export function explainService(
  state: ClusterState,
  namespace: string,
  name: string,
): ServiceExplanation | undefined {
  const tx = new Tx(state);
  const svc = tx.get<Service>("Service", namespace, name);
  return svc ? serviceExplanation(svc, new ServiceContext(tx)) : undefined;
}

/** What explaining many Services shares: the nodes, the pods and the network, read once. */
export class ServiceContext {
  readonly nodes: Map<string, Node>;
  readonly pods: Pod[];
  private network: ClusterNetwork | undefined;
  constructor(private readonly tx: Tx) {
    this.nodes = new Map(tx.list<Node>("Node").map((n) => [n.metadata.name, n]));
    this.pods = tx.list<Pod>("Pod");
  }
  get net(): ClusterNetwork {
    this.network ??= new ClusterNetwork(this.tx);
    return this.network;
  }
}

/** `explainService` for a Service already in hand, with what several Services share. */
export function serviceExplanation(svc: Service, ctx: ServiceContext): ServiceExplanation {
  const namespace = svc.metadata.namespace ?? "default";
  const name = svc.metadata.name;
  const { managed, backends, verdicts } = serviceBackends(svc, ctx.pods, ctx.nodes);
  const checks: EndpointCheck[] = [];
  // The network (built once per context) is only needed where kube-proxy may have endpoints to check.
  const ports = backends.length > 0 || !managed ? (svc.spec.ports ?? []) : [];
  ports.forEach((sp, index) => {
    const net = ctx.net;
    for (const e of usableEndpoints(net, svc, sp)) {
      const target = net.pod(e.ip);
      if (!target) continue;
      const listeners = [
        ...new Set(
          target.rt.containers.flatMap((c) => (c.phase === "running" ? c.listens.map((l) => l.port) : [])),
        ),
      ].sort((a, b) => a - b);
      checks.push({
        pod: target.pod.metadata.name,
        namespace: target.pod.metadata.namespace ?? "default",
        ip: e.ip,
        port: e.port,
        servicePort: { name: sp.name ?? "", port: sp.port, index },
        listening: sp.protocol !== "TCP" || listeners.includes(e.port),
        listeners,
      });
    }
  });
  return {
    namespace,
    name,
    type: svc.spec.type,
    ...(svc.spec.selector ? { selector: svc.spec.selector } : {}),
    ...(svc.spec.clusterIP ? { clusterIP: svc.spec.clusterIP } : {}),
    ...(svc.spec.externalName ? { externalName: svc.spec.externalName } : {}),
    managed,
    readyEndpoints: backends.filter((b) => b.ready).length,
    notReadyEndpoints: backends.filter((b) => !b.ready).length,
    verdicts,
    checks,
  };
}
