// `kjctl why KIND/NAME`: what no real cluster says outright. Every line renders a verdict record
// the engine's controllers produced (scheduler, endpoints controllers, kube-proxy); nothing here
// re-derives a rule.
import {
  type BackendVerdict,
  type ClusterState,
  explainPod,
  explainService,
  type ServiceExplanation,
} from "@kubejam/engine";
import { flag, type ParsedArgs } from "../args";
import { formatLabels } from "../printers/labels";
import { fail, type KubectlResult } from "../result";

export const WHY_USAGE = `Usage: kjctl why KIND/NAME [-n NAMESPACE]
  KIND is pod or service (svc).
Examples:
  kjctl why pod/web
  kjctl why service/web`;

export function whyCommand(state: ClusterState, args: ParsedArgs): KubectlResult {
  const target = args.positionals.join("/");
  const [kind, name] = target.split("/");
  const ns = flag(args, "namespace") ?? "default";
  if (!kind || !name) return fail(state, `error: ${WHY_USAGE}`);
  switch (kind.toLowerCase()) {
    case "pod":
    case "pods":
    case "po": {
      const pod = state.objects[`Pod/${ns}/${name}`];
      if (!pod) return fail(state, `Error from server (NotFound): pods "${name}" not found`);
      const why = explainPod(state, ns, name);
      const text = why
        ? `Pod ${ns}/${name} is not scheduled:\n  ${why.message}\n${why.verdict.nodes
            .map((n) => `  ${n.node}: ${n.reasons.length > 0 ? n.reasons.join("; ") : "fits"}\n`)
            .join("")}`
        : `Pod ${ns}/${name} is scheduled on ${(pod.spec as { nodeName?: string }).nodeName ?? "a node"}.\n`;
      return { state, stdout: text, stderr: "", exitCode: 0 };
    }
    case "service":
    case "services":
    case "svc": {
      const why = explainService(state, ns, name);
      if (!why) return fail(state, `Error from server (NotFound): services "${name}" not found`);
      return { state, stdout: formatServiceWhy(why), stderr: "", exitCode: 0 };
    }
    default:
      return fail(state, `error: kjctl why knows pods and services, not "${kind}"`);
  }
}

export function formatServiceWhy(w: ServiceExplanation): string {
  const id = `Service ${w.namespace}/${w.name}`;
  if (w.type === "ExternalName")
    return `${id} is an ExternalName Service: cluster DNS answers ${w.name}.${w.namespace}.svc.cluster.local with a CNAME to ${w.externalName ?? ""}. It has no endpoints and kube-proxy does not handle it.\n`;
  if (!w.managed)
    return `${id} has no selector, so no controller looks for its pods: it sends traffic to the addresses in the Endpoints/EndpointSlices someone created for it by hand.\n`;
  let out = `${id} selects pods with ${formatLabels(w.selector)} in namespace ${w.namespace}.\n`;
  out +=
    w.readyEndpoints > 0
      ? `It has ${w.readyEndpoints} ready endpoint${w.readyEndpoints === 1 ? "" : "s"}${w.notReadyEndpoints > 0 ? ` and ${w.notReadyEndpoints} not ready` : ""}.\n`
      : w.clusterIP === "None"
        ? "It has no ready endpoints: as a headless Service, its name has no address in DNS.\n"
        : `It has no ready endpoints: connections to ${w.clusterIP ?? "it"} are refused.\n`;
  const byName = (a: BackendVerdict, b: BackendVerdict) => (a.pod < b.pod ? -1 : a.pod > b.pod ? 1 : 0);
  const own = w.verdicts.filter((v) => v.outcome !== "other-namespace").sort(byName);
  if (own.length === 0) out += `No pod in namespace ${w.namespace}.\n`;
  else {
    out += `\nPods in ${w.namespace}:\n`;
    for (const v of own) out += `  ${v.pod}: ${verdictText(v)}\n`;
  }
  const elsewhere = w.verdicts.filter((v) => v.outcome === "other-namespace").sort(byName);
  if (elsewhere.length > 0) {
    out += `\nPods with matching labels in other namespaces (a Service only selects pods of its own namespace):\n`;
    for (const v of elsewhere) out += `  ${v.namespace}/${v.pod}\n`;
  }
  const deaf = w.checks.filter((c) => !c.listening);
  if (deaf.length > 0) {
    out += `\nEndpoints where nothing listens (kube-proxy still sends them traffic, which is refused):\n`;
    for (const c of deaf)
      out += `  ${c.pod} ${c.ip}:${c.port} (spec.ports[${c.servicePort.index}].targetPort): ${c.listeners.length > 0 ? `its containers listen on ${c.listeners.join(", ")}` : "nothing in it listens"}\n`;
  }
  return out;
}

function verdictText(v: BackendVerdict): string {
  switch (v.outcome) {
    case "ready":
      return "selected, ready";
    case "label-mismatch":
      return `not selected: ${v.mismatches
        .map((m) =>
          m.actual === undefined
            ? `it has no label ${m.key} (${m.field} is "${m.wanted}")`
            : `its label ${m.key} is "${m.actual}" (${m.field} is "${m.wanted}")`,
        )
        .join("; ")}`;
    case "no-ip":
      return "selected, but it has no IP yet (not running on a node)";
    case "finished":
      return `selected, but it has finished (${v.phase})`;
    case "terminating":
      return "selected, but it is terminating";
    case "not-ready":
      return `selected, not ready: containers with unready status: [${v.containers.join(" ")}]`;
    case "port-name-missing":
      return `selected, but none of its containers has a port named "${v.targetPort}" (${v.field})${v.containerPorts.length > 0 ? `; its named ports: ${v.containerPorts.join(", ")}` : ""}`;
    case "other-namespace":
      return `in namespace ${v.namespace}`;
  }
}
