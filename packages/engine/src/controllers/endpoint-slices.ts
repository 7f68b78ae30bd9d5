import type { EndpointSlice, Service, SliceEndpoint, SlicePort } from "../api/service";
import { type Backend, serviceBackends } from "../network/service-backends";
import { sameJson } from "../store/equal";
import type { Tx } from "../store/tx";
import { controllerContext, HEADLESS, TRIGGER_TIME } from "./endpoints";
import { ownerRef } from "./owners";

// pkg/controller/endpointslice (the reconciler in staging/src/k8s.io/endpointslice): EndpointSlices
// named `<service>-<5 random>`, one per set of resolved ports, terminating pods included with
// conditions; a Service that selects nothing keeps one empty placeholder slice.
export const SERVICE_NAME = "kubernetes.io/service-name";
export const MANAGED_BY = "endpointslice.kubernetes.io/managed-by";
export const CONTROLLER_NAME = "endpointslice-controller.k8s.io";
const MAX_ENDPOINTS_PER_SLICE = 100;

export function reconcileEndpointSlices(tx: Tx): void {
  const services = tx.list<Service>("Service");
  const slices = tx.list<EndpointSlice>("EndpointSlice");
  const owned = new Map<string, EndpointSlice[]>();
  for (const s of slices) {
    if (s.metadata.labels?.[MANAGED_BY] !== CONTROLLER_NAME) continue;
    const uid = s.metadata.ownerReferences?.find((r) => r.controller)?.uid;
    if (!uid) continue;
    const list = owned.get(uid);
    if (list) list.push(s);
    else owned.set(uid, [s]);
  }
  const context = controllerContext(tx);
  for (const service of services) {
    const selector = service.spec.selector;
    if (service.metadata.deletionTimestamp || selector === undefined || service.spec.type === "ExternalName")
      continue;
    const ns = service.metadata.namespace ?? "default";
    const { backends } = serviceBackends(service, context.pods.select(ns, selector), context.nodes);
    syncSlices(tx, service, desiredSlices(backends), owned.get(service.metadata.uid) ?? []);
  }
}

interface DesiredSlice {
  ports: SlicePort[] | undefined;
  endpoints: SliceEndpoint[];
}

function desiredSlices(backends: readonly Backend[]): DesiredSlice[] {
  if (backends.length === 0) return [{ ports: undefined, endpoints: [] }];
  const groups = new Map<string, DesiredSlice[]>();
  const sorted = [...backends].sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0));
  for (const b of sorted) {
    const ports: SlicePort[] = b.ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol }));
    const key = JSON.stringify(ports);
    const list = groups.get(key) ?? [];
    groups.set(key, list);
    let slice = list.at(-1);
    if (!slice || slice.endpoints.length >= MAX_ENDPOINTS_PER_SLICE) {
      slice = { ports, endpoints: [] };
      list.push(slice);
    }
    slice.endpoints.push({
      addresses: [b.ip],
      conditions: { ready: b.ready, serving: b.serving, terminating: b.terminating },
      ...(b.node ? { nodeName: b.node } : {}),
      targetRef: {
        kind: "Pod",
        namespace: b.pod.metadata.namespace ?? "default",
        name: b.pod.metadata.name,
        uid: b.pod.metadata.uid,
      },
      ...(b.zone ? { zone: b.zone } : {}),
    });
  }
  return [...groups.values()].flat();
}

function syncSlices(tx: Tx, service: Service, desired: DesiredSlice[], existing: EndpointSlice[]): void {
  const ns = service.metadata.namespace ?? "default";
  const labels = {
    ...(service.metadata.labels ?? {}),
    [MANAGED_BY]: CONTROLLER_NAME,
    [SERVICE_NAME]: service.metadata.name,
    ...(service.spec.clusterIP === "None" ? { [HEADLESS]: "" } : {}),
  };
  // Reuse slices in order: a slice with the same ports first, then any left over.
  const unused = [...existing];
  for (const want of desired) {
    const i = unused.findIndex((s) => sameJson(s.ports ?? undefined, want.ports));
    const live = unused.splice(Math.max(i, 0), 1)[0];
    const body = {
      apiVersion: "discovery.k8s.io/v1" as const,
      kind: "EndpointSlice" as const,
      addressType: "IPv4" as const,
      endpoints: want.endpoints,
      ports: want.ports as SlicePort[],
    };
    if (live) {
      if (
        sameJson(live.endpoints, want.endpoints) &&
        sameJson(live.ports, want.ports) &&
        sameJson(live.metadata.labels, labels)
      )
        continue;
      tx.update<EndpointSlice>({
        ...body,
        metadata: { ...live.metadata, labels, annotations: { [TRIGGER_TIME]: tx.now() } },
      });
      continue;
    }
    let name = `${service.metadata.name}-${tx.ids.suffix(5)}`;
    while (tx.get("EndpointSlice", ns, name)) name = `${service.metadata.name}-${tx.ids.suffix(5)}`;
    tx.create<EndpointSlice>({
      ...body,
      metadata: {
        name,
        generateName: `${service.metadata.name}-`,
        namespace: ns,
        labels,
        annotations: { [TRIGGER_TIME]: tx.now() },
        ownerReferences: [ownerRef(service)],
        generation: 1,
      },
    });
  }
  for (const extra of unused) tx.remove(extra);
}
