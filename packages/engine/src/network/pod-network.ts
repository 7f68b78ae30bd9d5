import type { Node } from "../api/cluster-kinds";
import type { Pod } from "../api/pod";
import { containerFs, hostnameOf } from "../controllers/kubelet/container-env";
import { lookupImage } from "../images/catalog";
import { serveHttp } from "../shell/serve-http";
import type { ConnectResult, DnsResult, NetworkAccess } from "../shell/types";
import type { Tx } from "../store/tx";
import { formatIp, parseCidr } from "./cidr";
import { ClusterNetwork, type PodEndpoint } from "./cluster-network";
import { type ResolverConfig, resolve, resolverFor } from "./dns";
import type { ProxyContext } from "./kube-proxy";
import { route, vethName } from "./route";

/**
 * The network as seen from inside one pod's network namespace. Containers of a pod share it:
 * `localhost` is the pod itself. Names go to the pod's resolver (cluster DNS), connections follow
 * the cluster's routes and kube-proxy's rules (route.ts), so `wget` in `exec` and `kjctl trace`
 * agree on every hop.
 */
export class PodNetwork implements NetworkAccess {
  private resolver: ResolverConfig | undefined;

  constructor(
    private readonly net: ClusterNetwork,
    private readonly pod: Pod,
    private readonly ctx: ProxyContext,
  ) {}

  /** The network of a pod during one operation: kube-proxy's random picks come from its PRNG. */
  static forTx(tx: Tx, pod: Pod): PodNetwork {
    return new PodNetwork(new ClusterNetwork(tx), pod, proxyContext(tx));
  }

  private self(): PodEndpoint | undefined {
    return this.net.podByKey(`Pod/${this.pod.metadata.namespace ?? "default"}/${this.pod.metadata.name}`);
  }

  private node(): Node | undefined {
    const rt = this.self()?.rt;
    return rt ? this.net.node(rt.node) : undefined;
  }

  private resolverConfig(): ResolverConfig {
    this.resolver ??= this.net.cached(`resolver|${this.pod.metadata.uid}`, () =>
      podResolver(this.net, this.pod, this.node()),
    );
    return this.resolver;
  }

  resolve(name: string): DnsResult {
    const lower = name.toLowerCase().replace(/\.$/, "");
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(lower))
      return { ok: true, name: lower, addresses: [lower], cnames: [] };
    if (lower === "localhost") return { ok: true, name: "localhost", addresses: ["127.0.0.1"], cnames: [] };
    // /etc/hosts, written by the kubelet, maps the pod's own hostname to its IP.
    const self = this.self();
    if (self && lower === hostnameOf(this.pod))
      return { ok: true, name: lower, addresses: [self.rt.ip], cnames: [] };
    const answer = resolve(this.net, this.resolverConfig(), name);
    if (!answer.ok) return { ok: false, error: answer.error, tried: answer.tried };
    return { ok: true, name: answer.name, addresses: answer.addresses, cnames: answer.cnames };
  }

  connect(host: string, port: number, _timeoutMs: number): ConnectResult {
    const resolved = this.resolve(host);
    if (!resolved.ok) return { ok: false, error: "bad-address" };
    const address = resolved.addresses[0] ?? "";
    const self = this.self();
    if (!self) return { ok: false, error: "unreachable", address };
    const r = route(this.net, this.ctx, { kind: "pod", pod: self }, address, port, false);
    const outcome = r.outcome;
    if (outcome.kind !== "delivered") return { ok: false, error: outcome.kind, address };
    const target = outcome.target;
    const spec = target.pod.spec.containers.find((c) => c.name === outcome.container);
    const image = spec?.image ? lookupImage(spec.image) : undefined;
    if (!spec || !image) return { ok: false, error: "refused", address };
    const fs = this.net.cached(`fs|${target.key}|${spec.name}`, () =>
      containerFs(this.net.view.fs, target.pod, spec, image, target.rt.volumes),
    );
    return {
      ok: true,
      serve: (req) => {
        const response = serveHttp(
          outcome.listener,
          { ...req, clientIp: outcome.clientIp },
          fs,
          target.pod.metadata.name,
          this.ctx.now,
        );
        if (response.kind === "http" && response.log !== undefined)
          this.ctx.recordLog?.(target.key, outcome.container, response.log);
        return response;
      },
    };
  }

  dnsServer(): { name: string; address: string } {
    const address = this.resolverConfig().nameserver;
    return { name: address, address };
  }

  interfaces() {
    const self = this.self();
    const node = this.node();
    const prefix = node?.spec.podCIDR?.split("/")[1] ?? "24";
    const ip = self?.rt.ip ?? "0.0.0.0";
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
        ...(self ? { peerName: vethName(self) } : {}),
      },
    ];
  }

  routes(): string[] {
    const self = this.self();
    const node = this.node();
    const cidr = parseCidr(node?.spec.podCIDR ?? "");
    if (!self || !cidr || !node) return [];
    const gateway = formatIp(cidr.base + 1);
    return [
      `default via ${gateway} dev eth0 `,
      `${node.spec.podCIDR} via ${gateway} dev eth0 src ${self.rt.ip} `,
      `${gateway} dev eth0 scope link src ${self.rt.ip} `,
    ];
  }
}

export function proxyContext(tx: Tx): ProxyContext {
  return {
    pick: (n) => tx.ids.below(n),
    now: tx.clock,
    affinity: tx.affinity,
    recordLog(podKey, container, line) {
      const c = tx.ownKubelet(podKey)?.containers.find((x) => x.name === container);
      if (c) c.logs = `${c.logs}${line}\n`;
    },
  };
}

/** The resolver of a pod: ClusterFirst (the default) asks kube-dns; Default asks the node's resolver. */
export function podResolver(net: ClusterNetwork, pod: Pod, node: Node | undefined): ResolverConfig {
  const policy =
    pod.spec.dnsPolicy === "ClusterFirst" && pod.spec.hostNetwork ? "Default" : pod.spec.dnsPolicy;
  return resolverFor(
    net,
    pod.metadata.namespace ?? "default",
    policy,
    node?.metadata.labels?.["topology.kubernetes.io/zone"],
  );
}
