import type { Node } from "../api/cluster-kinds";
import type { KubeObject } from "../api/meta";
import type { Pod } from "../api/pod";
import { containerFs } from "../controllers/kubelet/container-env";
import type { PodRuntime } from "../controllers/kubelet/pod-runtime";
import type { FsNode } from "../fs/tree";
import { lookupImage } from "../images/catalog";
import { serveHttp } from "../shell/serve-http";
import type { ConnectResult, NetworkAccess } from "../shell/types";
import { objectKey } from "../store/object-key";
import type { ClusterState } from "../store/state";
import { cidrContains, formatIp, parseCidr, parseIp } from "./cidr";

type NetView = Pick<ClusterState, "objects" | "kubelet" | "fs" | "topology">;

/**
 * The network as seen from inside one pod's network namespace. Containers of a pod share it:
 * `localhost` is the pod itself. Pod IPs are routable across nodes (VPC-native alias ranges), without NAT.
 */
export class PodNetwork implements NetworkAccess {
  private byIp: Map<string, string> | undefined;

  constructor(
    private readonly view: NetView,
    private readonly pod: Pod,
    private readonly now: number,
  ) {}

  private runtime(key: string): PodRuntime | undefined {
    return this.view.kubelet[key];
  }

  private podKeyForIp(ip: string): string | undefined {
    if (!this.byIp) {
      this.byIp = new Map();
      for (const [key, rt] of Object.entries(this.view.kubelet)) this.byIp.set(rt.ip, key);
    }
    return this.byIp.get(ip);
  }

  private selfKey(): string {
    return objectKey("Pod", this.pod.metadata.namespace, this.pod.metadata.name);
  }

  resolve(
    name: string,
  ): { ok: true; name: string; addresses: string[] } | { ok: false; error: "nxdomain" | "timeout" } {
    const lower = name.toLowerCase().replace(/\.$/, "");
    if (parseIp(lower) !== undefined) return { ok: true, name: lower, addresses: [lower] };
    if (lower === "localhost") return { ok: true, name: "localhost", addresses: ["127.0.0.1"] };
    const self = this.runtime(this.selfKey());
    // /etc/hosts written by the kubelet maps the pod's own hostname to its IP.
    if (self && lower === this.pod.metadata.name) return { ok: true, name: lower, addresses: [self.ip] };
    return { ok: false, error: "nxdomain" };
  }

  connect(host: string, port: number, _timeoutMs: number): ConnectResult {
    const resolved = this.resolve(host);
    if (!resolved.ok) return { ok: false, error: "bad-address" };
    const address = resolved.addresses[0] ?? "";
    if (address === "127.0.0.1") return this.connectToPod(this.selfKey(), port, address);
    const key = this.podKeyForIp(address);
    if (key) return this.connectToPod(key, port, address);
    const ip = parseIp(address);
    const nodes = Object.values(this.view.objects).filter((o): o is Node => o.kind === "Node");
    if (nodes.some((n) => n.status.addresses.some((a) => a.address === address)))
      return { ok: false, error: "refused", address };
    const podRange = parseCidr(this.view.topology.podRange);
    if (ip !== undefined && podRange && cidrContains(podRange, ip))
      return { ok: false, error: "timeout", address };
    return { ok: false, error: "timeout", address };
  }

  private connectToPod(key: string, port: number, address: string): ConnectResult {
    const rt = this.runtime(key);
    const target = this.view.objects[key] as Pod | undefined;
    if (!rt || !target) return { ok: false, error: "timeout", address };
    for (const c of rt.containers) {
      if (c.phase !== "running") continue;
      const listener = c.listens.find((l) => l.port === port);
      if (!listener) continue;
      const spec = target.spec.containers.find((s) => s.name === c.name);
      const image = spec?.image ? lookupImage(spec.image) : undefined;
      if (!spec || !image) continue;
      const fs = containerFs(this.view.fs as Record<string, FsNode>, target, spec, image, rt.volumes);
      return { ok: true, serve: (req) => serveHttp(listener, req, fs, target.metadata.name, this.now) };
    }
    return { ok: false, error: "refused", address };
  }

  dnsServer(): { name: string; address: string } {
    const svc = parseCidr(this.view.topology.serviceRange);
    const address = svc ? formatIp(svc.base + 10) : "10.12.0.10";
    return { name: address, address };
  }

  interfaces() {
    const rt = this.runtime(this.selfKey());
    const node = this.view.objects[objectKey("Node", undefined, rt?.node ?? "")] as Node | undefined;
    const prefix = node?.spec.podCIDR?.split("/")[1] ?? "24";
    const ip = rt?.ip ?? "0.0.0.0";
    const octets = ip.split(".").map((o) => Number(o).toString(16).padStart(2, "0"));
    const peer = 3 + (Number(ip.split(".")[3] ?? 0) % 200);
    return [
      { name: "lo", index: 1, mac: "00:00:00:00:00:00", mtu: 65536, cidr: "127.0.0.1/8" },
      {
        name: "eth0",
        index: 2,
        mac: `0a:58:${octets.join(":")}`,
        mtu: 1460,
        cidr: `${ip}/${prefix}`,
        peerIndex: peer,
      },
    ];
  }

  routes(): string[] {
    const rt = this.runtime(this.selfKey());
    const node = this.view.objects[objectKey("Node", undefined, rt?.node ?? "")] as Node | undefined;
    const cidr = parseCidr(node?.spec.podCIDR ?? "");
    if (!rt || !cidr) return [];
    const gateway = formatIp(cidr.base + 1);
    return [
      `default via ${gateway} dev eth0 `,
      `${node?.spec.podCIDR} via ${gateway} dev eth0 src ${rt.ip} `,
    ];
  }
}

export function isPod(o: KubeObject): o is Pod {
  return o.kind === "Pod";
}
