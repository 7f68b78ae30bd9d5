import type { Service, StoredServicePort } from "../api/service";
import type { ClusterNetwork } from "./cluster-network";
import { endpointChain, serviceChain } from "./iptables-names";

// kube-proxy in iptables mode (pkg/proxy/iptables/proxier.go): KUBE-SERVICES matches the Service's
// address and port, KUBE-SVC-… picks one endpoint with `statistic --mode random`, KUBE-SEP-… DNATs
// to it. With no usable endpoint the packet is REJECTed (the client sees "Connection refused").
// [engine choice] The random pick comes from the cluster's seeded PRNG.

export interface ProxyEndpoint {
  ip: string;
  port: number;
  node?: string;
  pod?: string;
}

export type ProxyDecision =
  | { kind: "no-port"; service: Service }
  | {
      kind: "no-endpoints";
      service: Service;
      port: StoredServicePort;
      chain: string;
      /** externalTrafficPolicy: Local, and none of the endpoints is on the node the packet reached. */
      local?: true;
    }
  | {
      kind: "dnat";
      service: Service;
      port: StoredServicePort;
      chain: string;
      endpoints: ProxyEndpoint[];
      chosen: ProxyEndpoint;
      /** The chosen endpoint's KUBE-SEP-… chain. */
      endpointChain: string;
      index: number;
      /** Chosen by ClientIP session affinity rather than at random. */
      sticky: boolean;
    };

export interface ProxyContext {
  /** An integer in [0, n), from the seeded PRNG. */
  pick(n: number): number;
  now: number;
  /** kube-proxy's `recent` table for ClientIP affinity (changed in place). */
  affinity: Record<string, { endpoint: string; until: number }>;
  /** Appends a line a server wrote for a request (an access log) to its container's log. */
  recordLog?(podKey: string, container: string, line: string): void;
}

/** Whether traffic from outside the cluster keeps its client address and stays on the node it reached. */
export function keepsTrafficLocal(service: Service): boolean {
  return service.spec.externalTrafficPolicy === "Local";
}

/** The service port a connection to `port` (TCP) on one of the Service's addresses matches, if any. */
export function servicePortFor(
  service: Service,
  port: number,
  nodePort = false,
): StoredServicePort | undefined {
  return service.spec.ports?.find((p) => p.protocol === "TCP" && (nodePort ? p.nodePort : p.port) === port);
}

/** What kube-proxy does with a connection to one port of a Service. */
export function proxy(
  net: ClusterNetwork,
  ctx: ProxyContext,
  service: Service,
  port: StoredServicePort | undefined,
  clientIp: string,
  /** For external traffic to an `externalTrafficPolicy: Local` Service: the node it reached. */
  localTo?: string,
): ProxyDecision {
  if (!port) return { kind: "no-port", service };
  const ns = service.metadata.namespace ?? "default";
  const name = port.name ?? "";
  const chain = serviceChain(ns, service.metadata.name, name, port.protocol);
  const all = net.cached(`endpoints|${service.metadata.uid}|${name}|${port.protocol}`, () =>
    usableEndpoints(net, service, port),
  );
  const endpoints = localTo === undefined ? all : all.filter((e) => e.node === localTo);
  if (endpoints.length === 0)
    return { kind: "no-endpoints", service, port, chain, ...(localTo !== undefined ? { local: true } : {}) };
  // The endpoint's own chain (KUBE-SEP-…), as iptables-save names it.
  const dnat = (index: number, sticky: boolean): ProxyDecision => {
    const chosen = endpoints[index];
    if (!chosen) return { kind: "no-endpoints", service, port, chain };
    const target = `${chosen.ip}:${chosen.port}`;
    return {
      kind: "dnat",
      service,
      port,
      chain,
      endpoints,
      chosen,
      endpointChain: endpointChain(ns, service.metadata.name, name, port.protocol, target),
      index,
      sticky,
    };
  };
  const affinityKey = `${service.metadata.uid}|${name}|${clientIp}`;
  const timeout = service.spec.sessionAffinityConfig?.clientIP.timeoutSeconds;
  if (service.spec.sessionAffinity === "ClientIP" && timeout !== undefined) {
    const remembered = ctx.affinity[affinityKey];
    const kept =
      remembered && remembered.until > ctx.now
        ? endpoints.findIndex((e) => `${e.ip}:${e.port}` === remembered.endpoint)
        : -1;
    const decision = dnat(kept >= 0 ? kept : ctx.pick(endpoints.length), kept >= 0);
    if (decision.kind === "dnat")
      ctx.affinity[affinityKey] = {
        endpoint: `${decision.chosen.ip}:${decision.chosen.port}`,
        until: ctx.now + timeout * 1000,
      };
    return decision;
  }
  return dnat(ctx.pick(endpoints.length), false);
}

/** Whether a usable endpoint of the service port runs on `node` (a Local Service's health check). */
export function proxyEndpointsOn(
  net: ClusterNetwork,
  service: Service,
  port: StoredServicePort,
  node: string,
): boolean {
  const name = port.name ?? "";
  return net
    .cached(`endpoints|${service.metadata.uid}|${name}|${port.protocol}`, () =>
      usableEndpoints(net, service, port),
    )
    .some((e) => e.node === node);
}

/**
 * The endpoints kube-proxy programs for one service port: ready ones, or if none is ready, the
 * serving terminating ones (ProxyTerminatingEndpoints); in the order of their `ip:port`.
 */
export function usableEndpoints(
  net: ClusterNetwork,
  service: Service,
  port: StoredServicePort,
): ProxyEndpoint[] {
  const ns = service.metadata.namespace ?? "default";
  const name = port.name ?? "";
  const ready: ProxyEndpoint[] = [];
  const fallback: ProxyEndpoint[] = [];
  for (const slice of net.slices(service)) {
    const sp = slice.ports?.find((p) => (p.name ?? "") === name && (p.protocol ?? "TCP") === port.protocol);
    if (!sp?.port) continue;
    for (const e of slice.endpoints) {
      const ip = e.addresses[0];
      if (!ip) continue;
      const endpoint: ProxyEndpoint = {
        ip,
        port: sp.port,
        ...(e.nodeName ? { node: e.nodeName } : {}),
        ...(e.targetRef?.name ? { pod: `${e.targetRef.namespace ?? ns}/${e.targetRef.name}` } : {}),
      };
      if (e.conditions?.ready !== false) ready.push(endpoint);
      else if (e.conditions?.serving && e.conditions.terminating) fallback.push(endpoint);
    }
  }
  const list = ready.length > 0 ? ready : fallback;
  const key = (e: ProxyEndpoint) => `${e.ip}:${e.port}`;
  return list.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
