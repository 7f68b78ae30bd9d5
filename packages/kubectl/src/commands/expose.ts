import { getObject, type KubeObject, type Pod, type PodSpec } from "@kubejam/engine";
import { flag, type ParsedArgs } from "../args";
import { parseTargets } from "../resources";
import { type Context, fail, type KubectlResult } from "../result";
import { createGenerated } from "./create-object";

// `kubectl expose TYPE NAME [--port] [--target-port] [--type] [--name] [--protocol] [--selector]
// [--labels] [--cluster-ip]` (staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go and
// generate/versioned/service.go): a Service whose selector and ports come from the object exposed.

export function exposeCommand(ctx: Context, args: ParsedArgs): KubectlResult {
  const parsed = parseTargets(args.positionals);
  if (!parsed.ok) return fail(ctx.state, parsed.message);
  const target = parsed.targets[0];
  const name = target?.names[0];
  if (!target || !name)
    return fail(
      ctx.state,
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  const kind = target.info.kind;
  if (!["Pod", "Service", "Deployment", "ReplicaSet"].includes(kind))
    return fail(ctx.state, `error: cannot expose a ${kind}`);
  const obj = getObject(ctx.state, kind, ctx.namespace, name);
  if (!obj)
    return fail(
      ctx.state,
      `Error from server (NotFound): ${target.info.plural}${target.info.group ? `.${target.info.group}` : ""} "${name}" not found`,
    );
  const selector = flag(args, "selector") ? parseMap(flag(args, "selector")) : selectorOf(obj);
  if (!selector)
    return fail(
      ctx.state,
      `error: couldn't retrieve selectors via --selector flag or introspection: the ${kind} has no selector (or uses match expressions, which a Service cannot)`,
    );
  const protocol = flag(args, "protocol") ?? "TCP";
  const targetPort = flag(args, "target-port");
  const portFlag = flag(args, "port");
  const ports = portFlag ? [Number(portFlag)] : portsOf(obj);
  if (ports.length === 0 || ports.some((p) => !Number.isInteger(p)))
    return fail(
      ctx.state,
      "error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples",
    );
  const servicePorts = ports.map((port, i) => ({
    ...(ports.length > 1 ? { name: `port-${i + 1}` } : {}),
    port,
    protocol,
    targetPort: targetPort === undefined ? port : /^\d+$/.test(targetPort) ? Number(targetPort) : targetPort,
  }));
  const serviceName = flag(args, "name") ?? name;
  const labels = flag(args, "labels") ? parseMap(flag(args, "labels")) : obj.metadata.labels;
  const type = flag(args, "type");
  const clusterIP = flag(args, "cluster-ip");
  const service = {
    apiVersion: "v1",
    kind: "Service",
    metadata: { ...(labels ? { labels } : {}), name: serviceName },
    spec: {
      ports: servicePorts,
      selector,
      ...(type ? { type } : {}),
      ...(clusterIP ? { clusterIP } : {}),
    },
    status: { loadBalancer: {} },
  };
  return createGenerated(ctx, args, service, `service/${serviceName}`, {
    verb: "exposed",
    saveConfig: "when-sent",
  });
}

function parseMap(text: string | undefined): Record<string, string> | undefined {
  if (!text) return undefined;
  const out: Record<string, string> = {};
  for (const pair of text.split(",")) {
    const [k, v] = pair.split("=", 2);
    if (!k || v === undefined) return undefined;
    out[k] = v;
  }
  return out;
}

/** polymorphichelpers.mapBasedSelectorForObject: pods' labels, a Service's selector, a workload's matchLabels. */
function selectorOf(obj: KubeObject): Record<string, string> | undefined {
  if (obj.kind === "Pod")
    return obj.metadata.labels && Object.keys(obj.metadata.labels).length > 0
      ? obj.metadata.labels
      : undefined;
  if (obj.kind === "Service") return (obj.spec as { selector?: Record<string, string> }).selector;
  const selector = (
    obj.spec as { selector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } }
  ).selector;
  if (!selector || (selector.matchExpressions?.length ?? 0) > 0) return undefined;
  return selector.matchLabels;
}

/** polymorphichelpers.portsForObject: every container port of the pod (template), or a Service's ports. */
function portsOf(obj: KubeObject): number[] {
  if (obj.kind === "Service")
    return ((obj.spec as { ports?: { port: number }[] }).ports ?? []).map((p) => p.port);
  const spec: PodSpec | undefined =
    obj.kind === "Pod" ? (obj as Pod).spec : (obj.spec as { template?: { spec: PodSpec } }).template?.spec;
  return (spec?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => p.containerPort));
}
