import type { Node } from "../api/cluster-kinds";
import type { Pod } from "../api/pod";
import type { EndpointSlice, Service, StoredServicePort } from "../api/service";
import type { PodRuntime } from "../controllers/kubelet/pod-runtime";
import type { FsNode } from "../fs/tree";
import type { Listener } from "../shell/types";
import { objectKey } from "../store/object-key";
import type { ClusterState } from "../store/state";
import { cidrContains, parseCidr, parseIp } from "./cidr";

// The cluster's network as data: who owns an address (a pod, a node, a Service's ClusterIP, node
// port or load-balancer IP), built once per operation from the state. Routing, kube-proxy and DNS
// read it; nothing here changes the state.

export type NetView = Pick<ClusterState, "objects" | "kubelet" | "topology"> & {
  fs: Record<string, FsNode>;
};

export interface PodEndpoint {
  key: string;
  pod: Pod;
  rt: PodRuntime;
}

export interface ServicePortRef {
  service: Service;
  port: StoredServicePort;
  index: number;
}

export class ClusterNetwork {
  private podsByIp: Map<string, PodEndpoint> | undefined;
  private nodesByName: Map<string, Node> | undefined;
  private nodesByIp: Map<string, { node: Node; external: boolean }> | undefined;
  private servicesByIp: Map<string, Service> | undefined;
  private servicesByLbIp: Map<string, Service> | undefined;
  private servicesByNodePort: Map<number, ServicePortRef> | undefined;
  private slicesByService: Map<string, EndpointSlice[]> | undefined;

  private readonly memo = new Map<string, unknown>();

  constructor(readonly view: NetView) {}

  /** A value derived from the view, computed once per network (the view does not change under it). */
  cached<T>(key: string, compute: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = compute();
    this.memo.set(key, value);
    return value;
  }

  get topology() {
    return this.view.topology;
  }

  private index(): void {
    if (this.podsByIp) return;
    this.podsByIp = new Map();
    this.nodesByName = new Map();
    this.nodesByIp = new Map();
    this.servicesByIp = new Map();
    this.servicesByLbIp = new Map();
    this.servicesByNodePort = new Map();
    for (const key in this.view.kubelet) {
      const rt = this.view.kubelet[key];
      const pod = this.view.objects[key] as Pod | undefined;
      if (rt && pod) this.podsByIp.set(rt.ip, { key, pod, rt });
    }
    for (const key in this.view.objects) {
      const obj = this.view.objects[key];
      if (!obj) continue;
      if (obj.kind === "Node") {
        const node = obj as Node;
        this.nodesByName.set(node.metadata.name, node);
        for (const a of node.status.addresses) {
          if (a.type === "InternalIP") this.nodesByIp.set(a.address, { node, external: false });
          if (a.type === "ExternalIP") this.nodesByIp.set(a.address, { node, external: true });
        }
      } else if (obj.kind === "Service") {
        const svc = obj as Service;
        for (const ip of svc.spec.clusterIPs ?? []) if (ip !== "None") this.servicesByIp.set(ip, svc);
        for (const ing of svc.status.loadBalancer.ingress ?? []) this.servicesByLbIp.set(ing.ip, svc);
        (svc.spec.ports ?? []).forEach((port, index) => {
          if (port.nodePort && port.protocol === "TCP")
            this.servicesByNodePort?.set(port.nodePort, { service: svc, port, index });
        });
      }
    }
  }

  private sliceIndex(): Map<string, EndpointSlice[]> {
    if (this.slicesByService) return this.slicesByService;
    const index = new Map<string, EndpointSlice[]>();
    for (const key in this.view.objects) {
      if (!key.startsWith("EndpointSlice/")) continue;
      const slice = this.view.objects[key] as EndpointSlice;
      const name = slice.metadata.labels?.["kubernetes.io/service-name"];
      if (!name) continue;
      const k = `${slice.metadata.namespace ?? "default"}/${name}`;
      const list = index.get(k);
      if (list) list.push(slice);
      else index.set(k, [slice]);
    }
    this.slicesByService = index;
    return index;
  }

  pod(ip: string): PodEndpoint | undefined {
    this.index();
    return this.podsByIp?.get(ip);
  }

  podByKey(key: string): PodEndpoint | undefined {
    const rt = this.view.kubelet[key];
    const pod = this.view.objects[key] as Pod | undefined;
    return rt && pod ? { key, pod, rt } : undefined;
  }

  node(name: string): Node | undefined {
    return this.view.objects[objectKey("Node", undefined, name)] as Node | undefined;
  }

  nodes(): Node[] {
    this.index();
    return [...(this.nodesByName?.values() ?? [])];
  }

  nodeByIp(ip: string): { node: Node; external: boolean } | undefined {
    this.index();
    return this.nodesByIp?.get(ip);
  }

  serviceByClusterIp(ip: string): Service | undefined {
    this.index();
    return this.servicesByIp?.get(ip);
  }

  serviceByLoadBalancerIp(ip: string): Service | undefined {
    this.index();
    return this.servicesByLbIp?.get(ip);
  }

  serviceByNodePort(port: number): ServicePortRef | undefined {
    this.index();
    return this.servicesByNodePort?.get(port);
  }

  service(namespace: string, name: string): Service | undefined {
    return this.view.objects[objectKey("Service", namespace, name)] as Service | undefined;
  }

  slices(service: Service): EndpointSlice[] {
    return this.sliceIndex().get(`${service.metadata.namespace ?? "default"}/${service.metadata.name}`) ?? [];
  }

  /** What an address is, for routing. */
  classify(ip: string): AddressOwner {
    if (ip === "127.0.0.1") return { kind: "loopback" };
    const pod = this.pod(ip);
    if (pod) return { kind: "pod", pod };
    const svc = this.serviceByClusterIp(ip);
    if (svc) return { kind: "cluster-ip", service: svc };
    const lb = this.serviceByLoadBalancerIp(ip);
    if (lb) return { kind: "load-balancer", service: lb };
    const node = this.nodeByIp(ip);
    if (node) return { kind: node.external ? "node-external" : "node", node: node.node };
    const value = parseIp(ip);
    const pods = parseCidr(this.view.topology.podRange);
    if (value !== undefined && pods && cidrContains(pods, value)) return { kind: "unused", range: "pod" };
    const services = parseCidr(this.view.topology.serviceRange);
    if (value !== undefined && services && cidrContains(services, value))
      return { kind: "unused", range: "service" };
    const nodesRange = parseCidr(this.view.topology.nodeRange);
    if (value !== undefined && nodesRange && cidrContains(nodesRange, value))
      return { kind: "unused", range: "node" };
    return { kind: "outside" };
  }

  /** The TCP listener of a running container of a pod on `port`, with its container's name. */
  listener(target: PodEndpoint, port: number): { listener: Listener; container: string } | undefined {
    for (const c of target.rt.containers) {
      if (c.phase !== "running") continue;
      const listener = c.listens.find((l) => l.port === port);
      if (listener) return { listener, container: c.name };
    }
    return undefined;
  }
}

export type AddressOwner =
  | { kind: "loopback" }
  | { kind: "pod"; pod: PodEndpoint }
  | { kind: "cluster-ip"; service: Service }
  | { kind: "load-balancer"; service: Service }
  | { kind: "node"; node: Node }
  | { kind: "node-external"; node: Node }
  | { kind: "unused"; range: "pod" | "service" | "node" }
  | { kind: "outside" };
