// `kjctl why KIND/NAME`: what no real cluster says outright. Every line renders a verdict record
// the engine's controllers produced (scheduler, PV binder, kubelet, endpoints controllers,
// kube-proxy); nothing here re-derives a rule.
import {
  type BackendVerdict,
  type ClusterState,
  explainClaim,
  explainPod,
  explainPodVolumes,
  explainService,
  type Pod,
  type ServiceExplanation,
} from "@kubejam/engine";
import { flag, type ParsedArgs } from "../args";
import { formatLabels } from "../printers/labels";
import { fail, type KubectlResult, ok } from "../result";
import { renderClaim, renderVolumeBlockers } from "./why-claim";

export const WHY_USAGE = `Usage: kjctl why KIND/NAME [-n NAMESPACE]
  KIND is pod (po), service (svc) or persistentvolumeclaim (pvc).
Examples:
  kjctl why pod/web
  kjctl why service/web
  kjctl why pvc/data`;

export function whyCommand(state: ClusterState, args: ParsedArgs): KubectlResult {
  const target = args.positionals.join("/");
  const [kind, name] = target.split("/");
  const ns = flag(args, "namespace") ?? "default";
  if (!kind || !name) return fail(state, `error: ${WHY_USAGE}`);
  switch (kind.toLowerCase()) {
    case "pod":
    case "pods":
    case "po": {
      const text = whyPod(state, ns, name);
      return text === undefined
        ? fail(state, `Error from server (NotFound): pods "${name}" not found`)
        : ok(state, text);
    }
    case "persistentvolumeclaim":
    case "persistentvolumeclaims":
    case "pvc": {
      const claim = explainClaim(state, ns, name);
      if (!claim)
        return fail(state, `Error from server (NotFound): persistentvolumeclaims "${name}" not found`);
      return ok(state, renderClaim(claim));
    }
    case "service":
    case "services":
    case "svc": {
      const why = explainService(state, ns, name);
      if (!why) return fail(state, `Error from server (NotFound): services "${name}" not found`);
      return ok(state, formatServiceWhy(why));
    }
    default:
      return fail(
        state,
        `error: kjctl why explains pods, services and persistentvolumeclaims, not "${kind}"`,
      );
  }
}

/** Why a pod is not running: the scheduler's verdict per node and its claims', or the volumes the kubelet waits for. */
function whyPod(state: ClusterState, ns: string, name: string): string | undefined {
  const id = `Pod ${ns}/${name}`;
  const unscheduled = explainPod(state, ns, name);
  if (unscheduled) {
    const out = [`${id} is not scheduled.`, `  scheduler: ${unscheduled.message}`];
    if (!unscheduled.verdict.preFilter && !unscheduled.verdict.bindError)
      for (const n of unscheduled.verdict.nodes)
        out.push(`  ${n.node}: ${n.reasons.length > 0 ? n.reasons.join("; ") : "fits"}`);
    return `${out.join("\n")}\n${unscheduled.claims.map(renderClaim).join("")}`;
  }
  const blockers = explainPodVolumes(state, ns, name);
  if (blockers === undefined) return undefined;
  if (blockers.length > 0) return renderVolumeBlockers(id, blockers);
  const pod = state.objects[`Pod/${ns}/${name}`] as Pod | undefined;
  const node = pod?.spec.nodeName;
  // What the kubelet reports of each container it could not start (its waiting reason and message).
  const stuck = (pod?.status.containerStatuses ?? []).flatMap((c) => {
    const w = c.state && "waiting" in c.state ? c.state.waiting : undefined;
    if (!w || w.reason === "ContainerCreating") return [];
    return [`  container ${c.name}: ${w.reason}${w.message ? `: ${w.message}` : ""}`];
  });
  return `${id} is scheduled on ${node ?? "a node"} and its volumes are mounted; kubectl describe pod ${name} shows its events.\n${stuck.map((line) => `${line}\n`).join("")}`;
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
