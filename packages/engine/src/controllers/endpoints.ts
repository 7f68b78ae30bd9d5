import type { Node } from "../api/cluster-kinds";
import type { Pod } from "../api/pod";
import type { EndpointAddress, EndpointSubset, Endpoints, Service } from "../api/service";
import { PodIndex } from "../network/pod-index";
import { type Backend, serviceBackends } from "../network/service-backends";
import { sameJson } from "../store/equal";
import type { Tx } from "../store/tx";

// pkg/controller/endpoint/endpoints_controller.go: one Endpoints object per Service with a selector,
// named after it, holding ready pods in `addresses` and the others in `notReadyAddresses`.
export const TRIGGER_TIME = "endpoints.kubernetes.io/last-change-trigger-time";
/** Set on the Endpoints this controller manages, so that the mirroring controller leaves them be. */
export const SKIP_MIRROR = "endpointslice.kubernetes.io/skip-mirror";
export const HEADLESS = "service.kubernetes.io/headless";

export function reconcileEndpoints(tx: Tx): void {
  const services = tx.list<Service>("Service");
  const context = controllerContext(tx);
  const existing = new Set(services.map((s) => `${s.metadata.namespace ?? "default"}/${s.metadata.name}`));
  for (const service of services) {
    if (service.metadata.deletionTimestamp) continue;
    const ns = service.metadata.namespace ?? "default";
    const selector = service.spec.selector;
    // A Service without a selector gets no Endpoints from this controller (nor loses any).
    if (selector === undefined || service.spec.type === "ExternalName") continue;
    const { backends } = serviceBackends(service, context.pods.select(ns, selector), context.nodes);
    const subsets = endpointSubsets(service, backends);
    const labels = {
      ...(service.metadata.labels ?? {}),
      [SKIP_MIRROR]: "true",
      ...(service.spec.clusterIP === "None" ? { [HEADLESS]: "" } : {}),
    };
    const live = tx.get<Endpoints>("Endpoints", ns, service.metadata.name);
    if (live && sameJson(live.subsets ?? [], subsets) && sameJson(live.metadata.labels, labels)) continue;
    const metadata = {
      name: service.metadata.name,
      namespace: ns,
      labels,
      annotations: { [TRIGGER_TIME]: tx.now() },
    };
    const object = {
      apiVersion: "v1" as const,
      kind: "Endpoints" as const,
      ...(subsets.length > 0 ? { subsets } : {}),
    };
    if (live) tx.update<Endpoints>({ ...object, metadata: { ...live.metadata, ...metadata } });
    else tx.create<Endpoints>({ ...object, metadata });
  }
  // The Endpoints of a Service that is gone (Endpoints someone wrote by hand carry no skip-mirror label).
  for (const ep of tx.list<Endpoints>("Endpoints")) {
    if (ep.metadata.labels?.[SKIP_MIRROR] !== "true") continue;
    if (!existing.has(`${ep.metadata.namespace ?? "default"}/${ep.metadata.name}`)) tx.remove(ep);
  }
}

export interface ControllerContext {
  pods: PodIndex;
  nodes: Map<string, Node>;
}

export function controllerContext(tx: Tx): ControllerContext {
  return {
    pods: new PodIndex(tx.list<Pod>("Pod")),
    nodes: new Map(tx.list<Node>("Node").map((n) => [n.metadata.name, n])),
  };
}

/**
 * The subsets, repacked as endpoints.RepackSubsets does: addresses with the same ports share a
 * subset; addresses sorted by IP (as strings, LessEndpointAddress). Terminating pods are left out.
 */
export function endpointSubsets(service: Service, backends: readonly Backend[]): EndpointSubset[] {
  const groups = new Map<
    string,
    { ports: Backend["ports"]; ready: EndpointAddress[]; notReady: EndpointAddress[] }
  >();
  const publishNotReady = service.spec.publishNotReadyAddresses === true;
  for (const b of backends) {
    if (b.terminating && !publishNotReady) continue;
    const key = JSON.stringify(b.ports);
    let group = groups.get(key);
    if (!group) {
      group = { ports: b.ports, ready: [], notReady: [] };
      groups.set(key, group);
    }
    const address: EndpointAddress = {
      ip: b.ip,
      ...(b.node ? { nodeName: b.node } : {}),
      targetRef: {
        kind: "Pod",
        namespace: b.pod.metadata.namespace ?? "default",
        name: b.pod.metadata.name,
        uid: b.pod.metadata.uid,
      },
    };
    (b.ready ? group.ready : group.notReady).push(address);
  }
  const byIp = (a: EndpointAddress, b: EndpointAddress) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0);
  return [...groups.values()].map((g) => ({
    ...(g.ready.length > 0 ? { addresses: g.ready.sort(byIp) } : {}),
    ...(g.notReady.length > 0 ? { notReadyAddresses: g.notReady.sort(byIp) } : {}),
    ...(g.ports.length > 0
      ? {
          ports: g.ports.map((p) => ({
            ...(p.name ? { name: p.name } : {}),
            port: p.port,
            protocol: p.protocol,
          })),
        }
      : {}),
  }));
}
