import type { EndpointSlice } from "../api/service";
import type { ClusterNetwork } from "./cluster-network";

// Cluster DNS as kube-dns serves it (website: concepts/services-networking/dns-pod-service.md) and
// the pod's resolver as /etc/resolv.conf drives it (search path, ndots:5).

export const CLUSTER_DOMAIN = "cluster.local";
/** GCE's metadata server, which answers a node's own DNS queries (dnsPolicy: Default). */
export const METADATA_SERVER = "169.254.169.254";
/** CNAME chains longer than this are a loop: the server answers SERVFAIL. */
const MAX_CNAME_DEPTH = 8;

export type DnsAnswer =
  | {
      ok: true;
      /** The name that has the addresses (after search-path expansion and CNAMEs). */
      name: string;
      addresses: string[];
      /** CNAME records followed on the way, `[alias, canonical]`. */
      cnames: [string, string][];
    }
  | { ok: false; error: "nxdomain" | "timeout" | "servfail"; tried: string[] };

export interface ResolverConfig {
  nameserver: string;
  search: string[];
  ndots: number;
  /** Whether the nameserver is the cluster's (ClusterFirst) or the node's (Default). */
  cluster: boolean;
}

/** The resolver a pod gets (pkg/kubelet/network/dns/dns.go): cluster DNS first, then the node's search path. */
export function resolverFor(
  net: ClusterNetwork,
  namespace: string,
  dnsPolicy: string | undefined,
  zone: string | undefined,
): ResolverConfig {
  const t = net.topology;
  const gce = [
    ...(zone ? [`${zone}.c.${t.project}.internal`] : []),
    `c.${t.project}.internal`,
    "google.internal",
  ];
  if (dnsPolicy === "Default") return { nameserver: METADATA_SERVER, search: gce, ndots: 1, cluster: false };
  return {
    nameserver: clusterDnsIp(net) ?? "",
    search: [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN, ...gce],
    ndots: 5,
    cluster: true,
  };
}

export function resolvConf(r: ResolverConfig): string {
  return `search ${r.search.join(" ")}\nnameserver ${r.nameserver}\noptions ndots:${r.ndots}\n`;
}

/** kube-dns's ClusterIP: the tenth address of the service range on GKE. */
export function clusterDnsIp(net: ClusterNetwork): string | undefined {
  return net.service("kube-system", "kube-dns")?.spec.clusterIP;
}

/** Whether kube-dns has a ready pod behind it; without one every cluster lookup times out. */
export function clusterDnsUp(net: ClusterNetwork): boolean {
  return net.cached("kube-dns-up", () => {
    const svc = net.service("kube-system", "kube-dns");
    return svc !== undefined && readyAddresses(net.slices(svc), false).length > 0;
  });
}

/** Resolves a name as glibc/musl would with this resolver: search list first when it has fewer dots than ndots. */
export function resolve(net: ClusterNetwork, r: ResolverConfig, name: string): DnsAnswer {
  const lower = name.toLowerCase();
  const absolute = lower.endsWith(".");
  const bare = absolute ? lower.slice(0, -1) : lower;
  const dots = (bare.match(/\./g) ?? []).length;
  const candidates = absolute
    ? [bare]
    : dots >= r.ndots
      ? [bare, ...r.search.map((d) => `${bare}.${d}`)]
      : [...r.search.map((d) => `${bare}.${d}`), bare];
  if (r.cluster && !clusterDnsUp(net)) return { ok: false, error: "timeout", tried: candidates };
  for (const candidate of candidates) {
    const answer = lookup(net, r, candidate, 0);
    if (answer === "servfail") return { ok: false, error: "servfail", tried: [candidate] };
    if (answer !== "nxdomain")
      return { ok: true, name: answer.name, addresses: answer.addresses, cnames: answer.cnames };
  }
  return { ok: false, error: "nxdomain", tried: candidates };
}

type Lookup = { name: string; addresses: string[]; cnames: [string, string][] } | "nxdomain" | "servfail";

/** One fully qualified name, as the nameserver answers it. */
function lookup(net: ClusterNetwork, r: ResolverConfig, fqdn: string, depth: number): Lookup {
  if (depth > MAX_CNAME_DEPTH) return "servfail";
  if (r.cluster && fqdn.endsWith(`.${CLUSTER_DOMAIN}`)) return lookupCluster(net, r, fqdn, depth);
  return lookupGoogle(net, fqdn);
}

function lookupCluster(net: ClusterNetwork, r: ResolverConfig, fqdn: string, depth: number): Lookup {
  const parts = fqdn.slice(0, -(CLUSTER_DOMAIN.length + 1)).split(".");
  // <a-b-c-d>.<namespace>.pod: kube-dns answers any dashed address without checking it.
  if (parts.length === 3 && parts[2] === "pod") {
    const ip = (parts[0] ?? "").split("-");
    if (ip.length === 4 && ip.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255))
      return { name: fqdn, addresses: [ip.join(".")], cnames: [] };
    return "nxdomain";
  }
  if (parts.length === 3 && parts[2] === "svc") {
    const svc = net.service(parts[1] ?? "", parts[0] ?? "");
    if (!svc) return "nxdomain";
    if (svc.spec.type === "ExternalName") {
      const target = (svc.spec.externalName ?? "").replace(/\.$/, "");
      const next = lookup(net, r, target, depth + 1);
      if (typeof next === "string") return next;
      return { ...next, cnames: [[fqdn, target], ...next.cnames] };
    }
    if (svc.spec.clusterIP === "None") {
      const addresses = readyAddresses(net.slices(svc), svc.spec.publishNotReadyAddresses === true);
      return addresses.length > 0 ? { name: fqdn, addresses, cnames: [] } : "nxdomain";
    }
    return svc.spec.clusterIP ? { name: fqdn, addresses: [svc.spec.clusterIP], cnames: [] } : "nxdomain";
  }
  // <hostname>.<subdomain>.<namespace>.svc: a pod with spec.hostname and spec.subdomain behind a headless Service.
  if (parts.length === 4 && parts[3] === "svc") {
    const svc = net.service(parts[2] ?? "", parts[1] ?? "");
    if (svc?.spec.clusterIP !== "None") return "nxdomain";
    for (const slice of net.slices(svc)) {
      for (const e of slice.endpoints) {
        const ref = e.targetRef;
        const pod = ref?.name ? net.podByKey(`Pod/${ref.namespace ?? ""}/${ref.name}`) : undefined;
        if (
          pod &&
          pod.pod.spec.hostname === parts[0] &&
          pod.pod.spec.subdomain === parts[1] &&
          e.addresses[0]
        )
          return { name: fqdn, addresses: [e.addresses[0]], cnames: [] };
      }
    }
    return "nxdomain";
  }
  return "nxdomain";
}

/** What Google Cloud's internal DNS answers: the metadata server and the VMs' zonal names. No Internet. */
function lookupGoogle(net: ClusterNetwork, fqdn: string): Lookup {
  if (fqdn === "metadata.google.internal" || fqdn === "metadata")
    return { name: fqdn, addresses: [METADATA_SERVER], cnames: [] };
  const suffix = `.c.${net.topology.project}.internal`;
  if (fqdn.endsWith(suffix)) {
    const labels = fqdn.slice(0, -suffix.length).split(".");
    const node = net.node(labels[0] ?? "");
    const zone = node?.metadata.labels?.["topology.kubernetes.io/zone"];
    const ip = node?.status.addresses.find((a) => a.type === "InternalIP")?.address;
    if (node && ip && (labels.length === 1 || (labels.length === 2 && labels[1] === zone)))
      return { name: fqdn, addresses: [ip], cnames: [] };
  }
  return "nxdomain";
}

/** Ready endpoint addresses of a Service's slices (conditions.ready unset counts as ready), sorted. */
export function readyAddresses(slices: readonly EndpointSlice[], includeNotReady: boolean): string[] {
  const out = new Set<string>();
  for (const s of slices)
    for (const e of s.endpoints)
      if (includeNotReady || e.conditions?.ready !== false) for (const a of e.addresses) out.add(a);
  return [...out].sort();
}
