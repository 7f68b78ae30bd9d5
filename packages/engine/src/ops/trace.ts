import type { Node } from "../api/cluster-kinds";
import type { Pod } from "../api/pod";
import { containerFs } from "../controllers/kubelet/container-env";
import { settle } from "../controllers/settle";
import { lookupImage } from "../images/catalog";
import { ClusterNetwork } from "../network/cluster-network";
import { resolve } from "../network/dns";
import { podResolver, proxyContext } from "../network/pod-network";
import { type Hop, INTERNET_CLIENT, podRef, type Route, route, type Source } from "../network/route";
import { parseUrl } from "../shell/commands/http-client";
import { serveHttp } from "../shell/serve-http";
import { objectKey } from "../store/object-key";
import type { ClusterState } from "../store/state";
import { Tx } from "../store/tx";

/** Where a traced request starts: a pod (`pod/NAME` or `NAME`), a node (`node/NAME`), or `internet`. */
export interface TraceRequest {
  from: string;
  namespace?: string;
  url: string;
}

export type TraceResult =
  | {
      ok: true;
      from: { kind: "pod" | "node" | "internet"; name: string; ip: string; node?: string };
      url: string;
      /** The DNS answer, when the URL named a host. */
      dns?: { name: string; fqdn: string; addresses: string[]; cnames: [string, string][]; server: string };
      hops: Hop[];
      outcome: Route["outcome"]["kind"] | "unresolved";
      reason?: string;
      /** The HTTP status line, when a server answered. */
      status?: string;
      /** `namespace/name` of the pod whose server accepted the connection. */
      target?: string;
      /** The body a server answered with. */
      body?: string;
    }
  | { ok: false; message: string };

/**
 * Sends HTTP GETs through the simulated network and returns, for each, the path it took: the
 * packet trace behind `kjctl trace` and the lesson diagram (with `hops: false`, only the outcome). A trace is a real request: kube-proxy's
 * random choice draws from the cluster's PRNG and ClientIP affinity is remembered, so the state moves.
 */
export function traceRequests(
  state: ClusterState,
  requests: readonly TraceRequest[],
  options: { hops?: boolean } = {},
): { state: ClusterState; results: TraceResult[] } {
  const tx = new Tx(state);
  const net = new ClusterNetwork(tx);
  const ctx = proxyContext(tx);
  const results = requests.map((r) => traceOne(tx, net, ctx, r, options.hops !== false));
  settle(tx);
  return { state: tx.commit(), results };
}

function traceOne(
  tx: Tx,
  net: ClusterNetwork,
  ctx: ReturnType<typeof proxyContext>,
  req: TraceRequest,
  hops: boolean,
): TraceResult {
  const url = parseUrl(req.url);
  if (!url) return { ok: false, message: `error: invalid URL "${req.url}"` };
  const ns = req.namespace ?? "default";
  const [kind, name] = req.from.includes("/") ? req.from.split("/", 2) : ["pod", req.from];
  let source: Source;
  let from: Extract<TraceResult, { ok: true }>["from"];
  let resolver: ReturnType<typeof podResolver> | undefined;
  if (req.from === "internet") {
    source = { kind: "internet", ip: INTERNET_CLIENT };
    from = { kind: "internet", name: "internet", ip: INTERNET_CLIENT };
  } else if (kind === "node" || kind === "nodes" || kind === "no") {
    const node = tx.get<Node>("Node", undefined, name ?? "");
    if (!node) return { ok: false, message: `Error from server (NotFound): nodes "${name}" not found` };
    const ip = node.status.addresses.find((a) => a.type === "InternalIP")?.address ?? "";
    source = { kind: "node", node };
    from = { kind: "node", name: node.metadata.name, ip };
    resolver = podResolver(
      net,
      { spec: { dnsPolicy: "Default", containers: [] }, metadata: { namespace: ns } } as unknown as Pod,
      node,
    );
  } else if (kind === "pod" || kind === "pods" || kind === "po") {
    const key = objectKey("Pod", ns, name ?? "");
    const pod = net.podByKey(key);
    if (!tx.get<Pod>("Pod", ns, name ?? ""))
      return { ok: false, message: `Error from server (NotFound): pods "${name}" not found` };
    if (!pod)
      return { ok: false, message: `error: pod ${ns}/${name} has no IP yet: it is not running on a node` };
    source = { kind: "pod", pod };
    from = { kind: "pod", name: `${ns}/${pod.pod.metadata.name}`, ip: pod.rt.ip, node: pod.rt.node };
    resolver = net.cached(`resolver|${pod.pod.metadata.uid}`, () =>
      podResolver(net, pod.pod, net.node(pod.rt.node)),
    );
  } else {
    return { ok: false, message: `error: trace from pod/NAME, node/NAME or internet, not "${req.from}"` };
  }
  const host = url.host.replace(/^\[|\]$/g, "");
  let ip = host === "localhost" ? "127.0.0.1" : host;
  let dns: Extract<TraceResult, { ok: true }>["dns"];
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) {
    if (!resolver) {
      return {
        ok: true,
        from,
        url: req.url,
        hops: [],
        outcome: "unresolved",
        reason: `the Internet cannot resolve ${host}`,
      };
    }
    const answer = resolve(net, resolver, host);
    if (!answer.ok)
      return {
        ok: true,
        from,
        url: req.url,
        hops: [],
        outcome: "unresolved",
        reason:
          answer.error === "timeout"
            ? `DNS: no answer from ${resolver.nameserver} (kube-dns has no ready pods)`
            : answer.error === "servfail"
              ? `DNS: SERVFAIL for ${host} (a CNAME loop?)`
              : `DNS: NXDOMAIN for ${host} (tried ${answer.tried.join(", ")})`,
      };
    ip = answer.addresses[0] ?? "";
    dns = {
      name: host,
      fqdn: answer.name,
      addresses: answer.addresses,
      cnames: answer.cnames,
      server: resolver.nameserver,
    };
  }
  const r = route(net, ctx, source, ip, url.port, hops);
  let status: string | undefined;
  let body: string | undefined;
  if (r.outcome.kind === "delivered") {
    const target = r.outcome.target;
    const spec = target.pod.spec.containers.find(
      (c) => c.name === (r.outcome as { container: string }).container,
    );
    const image = spec?.image ? lookupImage(spec.image) : undefined;
    if (spec && image) {
      const response = serveHttp(
        r.outcome.listener,
        {
          method: "GET",
          host: url.host,
          port: url.port,
          path: url.path,
          clientIp: r.outcome.clientIp,
          userAgent: "kjctl-trace",
        },
        net.cached(`fs|${target.key}|${spec.name}`, () =>
          containerFs(tx.fs, target.pod, spec, image, target.rt.volumes),
        ),
        target.pod.metadata.name,
        tx.clock,
      );
      status = response.kind === "http" ? `HTTP/1.1 ${response.status} ${response.reason}` : "not HTTP";
      if (response.kind === "http") body = response.body;
      if (response.kind === "http" && response.log !== undefined)
        ctx.recordLog?.(target.key, r.outcome.container, response.log);
    }
  }
  return {
    ok: true,
    from,
    url: req.url,
    ...(dns ? { dns } : {}),
    hops: r.hops,
    outcome: r.outcome.kind,
    ...(r.outcome.kind !== "delivered" ? { reason: r.outcome.reason } : {}),
    ...(status ? { status } : {}),
    ...(body !== undefined ? { body } : {}),
    ...(r.outcome.kind === "delivered" ? { target: podRef(r.outcome.target) } : {}),
  };
}
