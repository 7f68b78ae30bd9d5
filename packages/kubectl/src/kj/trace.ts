// `kjctl trace FROM URL`: the path of one request through the simulated cluster, hop by hop.
// Not a kubectl command: the simulator's own, so it lives outside kubectl's command namespace.
import { type ClusterState, type TraceResult, traceRequests } from "@kubejam/engine";
import { flag, type ParsedArgs } from "../args";
import { GET_TABWRITER, tabwrite } from "../printers/tabwriter";
import { fail, type KubectlResult } from "../result";

export const TRACE_USAGE = `Usage: kjctl trace FROM URL [-n NAMESPACE]
  FROM is a pod (NAME or pod/NAME), a node (node/NAME) or internet.
Examples:
  kjctl trace client http://web
  kjctl trace pod/client http://10.8.1.3:8080/
  kjctl trace node/gke-kubejam-default-pool-1a2b3c4d-x1y2 http://10.128.0.3:31380
  kjctl trace internet http://34.118.2.9/`;

type Trace = Extract<TraceResult, { ok: true }>;

/** A trace command's result: kubectl's text, and the hops as data for a diagram to draw. */
export interface TraceCommandResult extends KubectlResult {
  trace?: Trace;
}

export function traceCommand(state: ClusterState, args: ParsedArgs): TraceCommandResult {
  const [from, url, ...extra] = args.positionals;
  if (from === undefined || url === undefined || extra.length > 0)
    return fail(state, `error: ${TRACE_USAGE}`);
  const { state: next, results } = traceRequests(state, [{ from, url, namespace: flag(args, "namespace") }]);
  const result = results[0];
  if (!result) return fail(state, "error: no trace");
  if (!result.ok) return fail(state, result.message);
  return {
    state: next,
    stdout: formatTrace(result),
    stderr: "",
    exitCode: result.outcome === "delivered" ? 0 : 1,
    trace: result,
  };
}

export function formatTrace(t: Trace): string {
  const where =
    t.from.kind === "pod"
      ? `pod ${t.from.name} (${t.from.ip}) on ${t.from.node ?? "?"}`
      : t.from.kind === "node"
        ? `node ${t.from.name} (${t.from.ip})`
        : `the Internet (${t.from.ip})`;
  let out = `Request:  GET ${t.url} from ${where}\n`;
  if (t.dns) {
    const chain = [
      t.dns.name,
      ...(t.dns.fqdn !== t.dns.name ? [t.dns.fqdn] : []),
      ...t.dns.cnames.map(([, c]) => c),
    ];
    const unique = chain.filter((n, i) => chain.indexOf(n) === i);
    out += `DNS:      ${unique.join(" -> ")} -> ${t.dns.addresses.join(", ")} (answered by ${t.dns.server})\n`;
  }
  if (t.hops.length > 0) {
    const rows = t.hops.map((h, i) => {
      const place = h.pod ? `pod ${h.pod}` : h.node ? `node ${h.node}` : placeOf(h.kind);
      return [String(i + 1), place, h.src, h.dst, h.detail].join("\t");
    });
    out += `\n${tabwrite(`HOP\tWHERE\tSOURCE\tDESTINATION\tWHAT HAPPENS\n${rows.join("\n")}\n`, GET_TABWRITER)}`;
  }
  out += `\nResult:   ${result(t)}\n`;
  return out;
}

function placeOf(kind: string): string {
  if (kind === "vpc") return "VPC";
  if (kind === "load-balancer" || kind === "firewall") return "Google Cloud";
  return "network";
}

function result(t: Trace): string {
  switch (t.outcome) {
    case "delivered":
      return `${t.status ?? "connected"}; the reply goes back the same way (conntrack undoes any NAT)`;
    case "refused":
      return `connection refused: ${t.reason ?? ""}`;
    case "timeout":
      return `no answer, the connection times out: ${t.reason ?? ""}`;
    case "unresolved":
      return `the name does not resolve: ${t.reason ?? ""}`;
  }
}
