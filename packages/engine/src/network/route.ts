import type { Node } from "../api/cluster-kinds";
import { fnv32a } from "../runtime/ids";
import type { Listener } from "../shell/types";
import type { ClusterNetwork, PodEndpoint } from "./cluster-network";
import {
  keepsTrafficLocal,
  type ProxyContext,
  type ProxyDecision,
  proxy,
  proxyEndpointsOn,
  servicePortFor,
} from "./kube-proxy";

// The path of one TCP connection through a VPC-native GKE cluster, hop by hop, with the addresses
// at each hop (website: concepts/cluster-administration/networking.md; GKE: concepts/alias-ips):
// a pod's eth0 is one end of a veth pair whose other end is in the node's root network namespace;
// the root namespace routes local pod addresses to their veths and everything else out of the
// node's NIC; the VPC delivers a pod address to the node whose alias IP range holds it, without NAT;
// kube-proxy rewrites (DNATs) a Service's address to one of its endpoints on the node the packet is on.

export type HopKind =
  | "loopback"
  | "pod-out"
  | "veth-out"
  | "kube-proxy"
  | "node-route"
  | "node-out"
  | "vpc"
  | "node-in"
  | "veth-in"
  | "pod-in"
  | "load-balancer"
  | "firewall"
  | "drop";

export interface Hop {
  kind: HopKind;
  /** The node whose network namespace or NIC the hop is on, if any. */
  node?: string;
  /** `namespace/name` of the pod whose network namespace the hop is in, if any. */
  pod?: string;
  /** `namespace/name` of the Service whose rules act at this hop (kube-proxy, drops, load balancers). */
  service?: string;
  /** Source and destination `ip:port` of the packet at this hop. */
  src: string;
  dst: string;
  /** What happens here, in kubectl's language (English). */
  detail: string;
}

export type Source =
  | { kind: "pod"; pod: PodEndpoint }
  | { kind: "node"; node: Node }
  | { kind: "internet"; ip: string };

export type RouteOutcome =
  | {
      kind: "delivered";
      target: PodEndpoint;
      container: string;
      listener: Listener;
      /** The client address the server sees (a node's, after SNAT). */
      clientIp: string;
    }
  | { kind: "refused"; reason: string }
  | { kind: "timeout"; reason: string };

export interface Route {
  hops: Hop[];
  outcome: RouteOutcome;
  /** kube-proxy's decision, when a Service was on the way. */
  proxy?: ProxyDecision;
}

/** A documentation address (RFC 5737) for "a client on the Internet". */
export const INTERNET_CLIENT = "203.0.113.7";

export function route(
  net: ClusterNetwork,
  ctx: ProxyContext,
  from: Source,
  dstIp: string,
  port: number,
  /** False for a plain request: the same decisions, without describing each hop. */
  traced = true,
): Route {
  return new Router(net, ctx, traced).connect(from, dstIp, port);
}

class Router {
  private readonly hops: Hop[] = [];
  private decision: ProxyDecision | undefined;

  constructor(
    private readonly net: ClusterNetwork,
    private readonly ctx: ProxyContext,
    private readonly traced: boolean,
  ) {}

  connect(from: Source, dstIp: string, port: number): Route {
    const outcome = this.start(from, dstIp, port);
    return { hops: this.hops, outcome, ...(this.decision ? { proxy: this.decision } : {}) };
  }

  /** Records a hop; the description is only built when the path is traced (a plain request skips it). */
  private hop(make: () => Hop): void {
    if (this.traced) this.hops.push(make());
  }

  private start(from: Source, dstIp: string, port: number): RouteOutcome {
    const sport = 32768 + this.ctx.pick(28232);
    const dst = `${dstIp}:${port}`;
    if (from.kind === "internet") return this.fromInternet(from.ip, sport, dstIp, port);
    if (from.kind === "node") {
      const ip = nodeIp(from.node);
      return this.inRootNamespace(from.node, `${ip}:${sport}`, ip, dstIp, port, false);
    }
    const self = from.pod;
    const podName = podRef(self);
    const src = `${dstIp === "127.0.0.1" ? "127.0.0.1" : self.rt.ip}:${sport}`;
    if (dstIp === "127.0.0.1" || dstIp === self.rt.ip) {
      this.hop(() => ({
        kind: "loopback",
        pod: podName,
        src,
        dst,
        detail: `stays in the pod's network namespace: every container of ${podName} shares it`,
      }));
      return this.deliver(self, port, dstIp === "127.0.0.1" ? "127.0.0.1" : self.rt.ip, src, dst);
    }
    const node = this.net.node(self.rt.node);
    if (!node) return this.drop(src, dst, `node ${self.rt.node} is gone`);
    this.hop(() => ({
      kind: "pod-out",
      pod: podName,
      src,
      dst,
      detail: `leaves ${podName} through its eth0 (${self.rt.ip}), the default route via ${gateway(node)}`,
    }));
    this.hop(() => ({
      kind: "veth-out",
      node: node.metadata.name,
      src,
      dst,
      detail: `crosses the veth pair into the root network namespace of ${node.metadata.name} (${vethName(self)})`,
    }));
    return this.inRootNamespace(node, src, self.rt.ip, dstIp, port, false);
  }

  /** A packet in a node's root network namespace, heading for `dstIp:port`. */
  private inRootNamespace(
    node: Node,
    src: string,
    clientIp: string,
    dstIp: string,
    port: number,
    fromOutside: boolean,
  ): RouteOutcome {
    const dst = `${dstIp}:${port}`;
    const owner = this.net.classify(dstIp);
    const here = node.metadata.name;
    switch (owner.kind) {
      case "pod":
        return this.toPod(node, owner.pod, port, src, clientIp, dst);
      case "cluster-ip":
      case "load-balancer": {
        const sp = servicePortFor(owner.service, port);
        return this.throughProxy(
          node,
          src,
          clientIp,
          dst,
          this.decide(owner.service, sp, clientIp),
          fromOutside,
        );
      }
      case "node":
      case "node-external": {
        const nodePort = this.net.serviceByNodePort(port);
        const target = owner.node;
        if (target.metadata.name !== here) {
          this.leaveNode(node, src, dst);
          this.hop(() => ({
            kind: "vpc",
            src,
            dst,
            detail: `the VPC delivers ${dstIp} to ${target.metadata.name}: it is that VM's address in subnet ${this.net.topology.subnet}`,
          }));
          this.hop(() => ({
            kind: "node-in",
            node: target.metadata.name,
            src,
            dst,
            detail: `arrives on ${target.metadata.name} eth0 (${nodeIp(target)})`,
          }));
        }
        if (!nodePort) {
          this.hop(() => ({
            kind: "drop",
            node: target.metadata.name,
            src,
            dst,
            detail: `no Service has node port ${port} and nothing on ${target.metadata.name} listens on ${port}`,
          }));
          return { kind: "refused", reason: `nothing listens on ${dst}` };
        }
        return this.throughProxy(
          target,
          src,
          clientIp,
          dst,
          this.decide(nodePort.service, nodePort.port, clientIp, this.localNode(nodePort.service, target)),
          true,
        );
      }
      case "loopback":
        return this.drop(src, dst, "127.0.0.1 is the node's own loopback");
      case "unused":
        this.leaveNode(node, src, dst);
        return this.drop(
          src,
          dst,
          owner.range === "pod"
            ? `no pod has ${dstIp}: the address is in the pod range but unassigned (a deleted pod's IP?)`
            : owner.range === "service"
              ? `no Service has the ClusterIP ${dstIp}`
              : `no VM has ${dstIp} in subnet ${this.net.topology.subnet}`,
          "timeout",
        );
      case "outside":
        this.leaveNode(node, src, dst);
        return this.drop(
          src,
          dst,
          `${dstIp} is outside the VPC, and the simulated cluster has no route to the Internet`,
          "timeout",
        );
    }
  }

  private decide(
    service: Parameters<typeof proxy>[2],
    sp: Parameters<typeof proxy>[3],
    clientIp: string,
    localTo?: string,
  ): ProxyDecision {
    const d = proxy(this.net, this.ctx, service, sp, clientIp, localTo);
    this.decision = d;
    return d;
  }

  /** The node external traffic must stay on, for an `externalTrafficPolicy: Local` Service. */
  private localNode(service: Parameters<typeof proxy>[2], node: Node): string | undefined {
    return keepsTrafficLocal(service) ? node.metadata.name : undefined;
  }

  /** kube-proxy's rules on `node` for a Service port; `external` for traffic that came from outside the node. */
  private throughProxy(
    node: Node,
    src: string,
    clientIp: string,
    dst: string,
    d: ProxyDecision,
    external: boolean,
  ): RouteOutcome {
    const svc = `${d.service.metadata.namespace ?? "default"}/${d.service.metadata.name}`;
    const here = node.metadata.name;
    if (d.kind === "no-port") {
      this.hop(() => ({
        kind: "drop",
        node: here,
        service: svc,
        src,
        dst,
        detail: `no KUBE-SERVICES rule matches ${dst}: Service ${svc} has no such port, and a ClusterIP is not on any interface`,
      }));
      return { kind: "timeout", reason: `Service ${svc} has no port ${dst.split(":")[1]}` };
    }
    if (d.kind === "no-endpoints" && d.local) {
      this.hop(() => ({
        kind: "kube-proxy",
        node: here,
        service: svc,
        src,
        dst,
        detail: `KUBE-EXT chain of ${svc}: externalTrafficPolicy is Local and no ready endpoint runs on ${here}, so kube-proxy DROPs the packet`,
      }));
      return {
        kind: "timeout",
        reason: `Service ${svc} has no endpoint on ${here} (externalTrafficPolicy: Local)`,
      };
    }
    if (d.kind === "no-endpoints") {
      this.hop(() => ({
        kind: "kube-proxy",
        node: here,
        service: svc,
        src,
        dst,
        detail: `${d.chain}: Service ${svc} has no ready endpoints, so kube-proxy REJECTs the packet`,
      }));
      return { kind: "refused", reason: `Service ${svc} has no endpoints` };
    }
    const to = `${d.chosen.ip}:${d.chosen.port}`;
    const how = d.sticky ? "ClientIP session affinity" : `random, 1 of ${d.endpoints.length}`;
    this.hop(() => ({
      kind: "kube-proxy",
      node: here,
      service: svc,
      src,
      dst: to,
      detail: `${d.chain} -> ${d.endpointChain} (${how}): DNAT ${dst} -> ${to}${d.chosen.pod ? ` (${d.chosen.pod})` : ""}`,
    }));
    const target = this.net.pod(d.chosen.ip);
    if (!target) return this.drop(src, to, `no running pod has ${d.chosen.ip}`, "timeout");
    // Traffic from outside the node is masqueraded (KUBE-MARK-MASQ in KUBE-EXT-…) with externalTrafficPolicy:
    // Cluster; with Local it stays on this node and keeps the client's address.
    const masquerade = external && !keepsTrafficLocal(d.service);
    const seenSrc = masquerade ? `${nodeIp(node)}:${src.split(":")[1]}` : src;
    if (masquerade)
      this.hop(() => ({
        kind: "kube-proxy",
        node: here,
        service: svc,
        src: seenSrc,
        dst: to,
        detail: `KUBE-POSTROUTING: MASQUERADE, SNAT ${src.split(":")[0]} -> ${nodeIp(node)} (externalTrafficPolicy: Cluster), so the reply comes back through this node`,
      }));
    return this.toPod(node, target, d.chosen.port, seenSrc, masquerade ? nodeIp(node) : clientIp, to);
  }

  /** From the root namespace of `node` to a pod's eth0, across the VPC when it lives elsewhere. */
  private toPod(
    node: Node,
    target: PodEndpoint,
    port: number,
    src: string,
    clientIp: string,
    dst: string,
  ): RouteOutcome {
    const here = node.metadata.name;
    const targetNode = this.net.node(target.rt.node);
    if (!targetNode) return this.drop(src, dst, `node ${target.rt.node} is gone`, "timeout");
    if (targetNode.metadata.name !== here) {
      this.leaveNode(node, src, dst);
      this.hop(() => ({
        kind: "vpc",
        src,
        dst,
        detail: `the VPC routes ${target.rt.ip} to ${targetNode.metadata.name}: it is in that node's alias IP range ${targetNode.spec.podCIDR} (subnet ${this.net.topology.subnet}, secondary range for pods); no NAT`,
      }));
      this.hop(() => ({
        kind: "node-in",
        node: targetNode.metadata.name,
        src,
        dst,
        detail: `arrives on ${targetNode.metadata.name} eth0 (${nodeIp(targetNode)})`,
      }));
    }
    this.hop(() => ({
      kind: "node-route",
      node: targetNode.metadata.name,
      src,
      dst,
      detail: `${target.rt.ip} is in this node's pod range ${targetNode.spec.podCIDR}: the root namespace routes it to ${vethName(target)}`,
    }));
    this.hop(() => ({
      kind: "veth-in",
      node: targetNode.metadata.name,
      pod: podRef(target),
      src,
      dst,
      detail: `crosses the veth pair into ${podRef(target)}, arriving on its eth0 (${target.rt.ip})`,
    }));
    return this.deliver(target, port, clientIp, src, dst);
  }

  private deliver(
    target: PodEndpoint,
    port: number,
    clientIp: string,
    src: string,
    dst: string,
  ): RouteOutcome {
    const found = this.net.listener(target, port);
    const name = podRef(target);
    if (!found) {
      const ports = target.rt.containers.flatMap((c) =>
        c.phase === "running" ? c.listens.map((l) => l.port) : [],
      );
      this.hop(() => ({
        kind: "pod-in",
        pod: name,
        src,
        dst,
        detail: `nothing in ${name} listens on port ${port}${ports.length > 0 ? ` (listening: ${[...new Set(ports)].sort((a, b) => a - b).join(", ")})` : ""}: the kernel answers with a reset`,
      }));
      return { kind: "refused", reason: `nothing listens on port ${port} in ${name}` };
    }
    this.hop(() => ({
      kind: "pod-in",
      pod: name,
      src,
      dst,
      detail: `${found.listener.server} in container ${found.container} is listening on port ${port}: the connection is accepted`,
    }));
    return { kind: "delivered", target, container: found.container, listener: found.listener, clientIp };
  }

  private leaveNode(node: Node, src: string, dst: string): void {
    this.hop(() => ({
      kind: "node-out",
      node: node.metadata.name,
      src,
      dst,
      detail: `${dst.split(":")[0]} is not on this node: out through ${node.metadata.name} eth0 (${nodeIp(node)}) to the VPC`,
    }));
  }

  private fromInternet(clientIp: string, sport: number, dstIp: string, port: number): RouteOutcome {
    const src = `${clientIp}:${sport}`;
    const dst = `${dstIp}:${port}`;
    const owner = this.net.classify(dstIp);
    if (owner.kind === "load-balancer") {
      const sp = servicePortFor(owner.service, port);
      const nodes = this.net.nodes().filter((n) => !n.spec.unschedulable);
      if (!sp || nodes.length === 0) {
        this.hop(() => ({
          kind: "load-balancer",
          src,
          dst,
          detail: `the forwarding rule for ${dstIp} does not forward port ${port}`,
        }));
        return { kind: "timeout", reason: `the load balancer has no port ${port}` };
      }
      // With externalTrafficPolicy: Local the load balancer's health check (healthCheckNodePort) passes only
      // on nodes that run a ready endpoint, so only they get traffic.
      const healthy = keepsTrafficLocal(owner.service)
        ? nodes.filter((n) => proxyEndpointsOn(this.net, owner.service, sp, n.metadata.name))
        : nodes;
      if (healthy.length === 0) {
        this.hop(() => ({
          kind: "load-balancer",
          src,
          dst,
          detail: `the load balancer for ${dst} has no healthy backend: with externalTrafficPolicy: Local, a node passes the health check only while it runs a ready endpoint`,
        }));
        return { kind: "timeout", reason: "the load balancer has no healthy backend" };
      }
      // [engine choice] The passthrough Network Load Balancer's backend choice: seeded, uniform over the nodes.
      const node = healthy[this.ctx.pick(healthy.length)] ?? healthy[0];
      if (!node) return this.drop(src, dst, "no nodes", "timeout");
      this.hop(() => ({
        kind: "load-balancer",
        src,
        dst,
        detail: `Google Cloud's external passthrough Network Load Balancer (forwarding rule ${dst}) sends the packet, unchanged, to node ${node.metadata.name}`,
      }));
      this.hop(() => ({
        kind: "node-in",
        node: node.metadata.name,
        src,
        dst,
        detail: `arrives on ${node.metadata.name} eth0 (${nodeIp(node)}) still addressed to ${dstIp}`,
      }));
      return this.throughProxy(
        node,
        src,
        clientIp,
        dst,
        this.decide(owner.service, sp, clientIp, this.localNode(owner.service, node)),
        true,
      );
    }
    if (owner.kind === "node-external") {
      this.hop(() => ({
        kind: "firewall",
        src,
        dst,
        detail: `the VPC firewall drops it: GKE's default rules do not open node ports to the Internet (add a firewall rule, or use a LoadBalancer Service)`,
      }));
      return { kind: "timeout", reason: "blocked by the VPC firewall" };
    }
    this.hop(() => ({
      kind: "drop",
      src,
      dst,
      detail:
        owner.kind === "outside"
          ? `${dstIp} is not an address of this cluster`
          : `${dstIp} is a private address of the VPC: it cannot be reached from the Internet`,
    }));
    return { kind: "timeout", reason: `${dstIp} is not reachable from the Internet` };
  }

  private drop(
    src: string,
    dst: string,
    detail: string,
    kind: "timeout" | "refused" = "timeout",
  ): RouteOutcome {
    this.hop(() => ({ kind: "drop", src, dst, detail }));
    return kind === "timeout" ? { kind: "timeout", reason: detail } : { kind: "refused", reason: detail };
  }
}

export function podRef(p: PodEndpoint): string {
  return `${p.pod.metadata.namespace ?? "default"}/${p.pod.metadata.name}`;
}

export function nodeIp(node: Node): string {
  return node.status.addresses.find((a) => a.type === "InternalIP")?.address ?? "";
}

/** The pod's default gateway: the first address of its node's pod range. */
function gateway(node: Node): string {
  const [base, prefix] = (node.spec.podCIDR ?? "").split("/");
  if (!base || !prefix) return "";
  const octets = base.split(".").map(Number);
  octets[3] = (octets[3] ?? 0) + 1;
  return octets.join(".");
}

/** [engine choice] The host end of a pod's veth pair, named as GKE's CNI names them: `gke` and 11 hex digits. */
export function vethName(p: PodEndpoint): string {
  const h = fnv32a(p.pod.metadata.uid).toString(16).padStart(8, "0");
  const g = fnv32a(`${p.pod.metadata.uid}/veth`).toString(16).padStart(8, "0");
  return `gke${(h + g).slice(0, 11)}`;
}
