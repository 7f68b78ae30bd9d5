import { listObjects, type Service } from "@kubejam/engine";
import { boolFlag, flag, type ParsedArgs } from "../args";
import { renderTable } from "../printers/table";
import { type Context, fail, type KubectlResult, ok } from "../result";
import { configView, contextName, controlPlane } from "./kubeconfig";

/**
 * `kubectl cluster-info` (staging/src/k8s.io/kubectl/pkg/cmd/clusterinfo/clusterinfo.go): the control
 * plane, then each kube-system Service labelled kubernetes.io/cluster-service=true, by its proxy URL.
 */
export function clusterInfoCommand(ctx: Context, args: ParsedArgs): KubectlResult {
  if (args.positionals[0] === "dump")
    return fail(ctx.state, "error: cluster-info dump is not available in this simulated cluster");
  const host = controlPlane(ctx);
  const lines = [`Kubernetes control plane is running at ${host}`];
  for (const svc of listObjects<Service>(ctx.state, "Service", "kube-system")) {
    const labels = svc.metadata.labels ?? {};
    if (labels["kubernetes.io/cluster-service"] !== "true") continue;
    const title = labels["kubernetes.io/name"] || svc.metadata.name;
    const ingress = svc.status?.loadBalancer?.ingress?.[0];
    let link: string;
    if (ingress) {
      const ip = ingress.ip;
      link = (svc.spec.ports ?? []).map((p) => `http://${ip}:${p.port} `).join("");
    } else {
      const port = svc.spec.ports?.[0];
      const name = port
        ? port.name
          ? `${svc.metadata.name}:${port.name}`
          : `${svc.metadata.name}:${port.port}`
        : svc.metadata.name;
      link = `${host}/api/v1/namespaces/kube-system/services/${name}/proxy`;
    }
    lines.push(`${title} is running at ${link}`);
  }
  lines.push("", "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.");
  return ok(ctx.state, `${lines.join("\n")}\n`);
}

/** `kubectl config current-context | get-contexts | get-clusters | get-users | view`, for the one cluster there is. */
export function configCommand(ctx: Context, args: ParsedArgs): KubectlResult {
  const [sub] = args.positionals;
  const name = contextName(ctx);
  switch (sub) {
    case "current-context":
      return ok(ctx.state, `${name}\n`);
    case "get-contexts": {
      // get_contexts.go: only `-o name` besides the table.
      const output = flag(args, "output");
      if (output === "name") return ok(ctx.state, `${name}\n`);
      if (output !== undefined && output !== "")
        return fail(
          ctx.state,
          `error: --output ${output} is not available in kubectl config get-contexts; resetting to default output format`,
        );
      const headers = boolFlag(args, "no-headers")
        ? undefined
        : ["CURRENT", "NAME", "CLUSTER", "AUTHINFO", "NAMESPACE"];
      return ok(ctx.state, renderTable(headers, [["*", name, name, name, ""]]));
    }
    case "get-clusters":
      return ok(ctx.state, `NAME\n${name}\n`);
    case "get-users":
      return ok(ctx.state, `NAME\n${name}\n`);
    case "view":
      return configView(ctx, args);
    default:
      return fail(
        ctx.state,
        sub
          ? `error: the simulated kubeconfig has one context, ${name}: kubectl config ${sub} is not available`
          : "error: a subcommand is required: kubectl config current-context|get-contexts|get-clusters",
      );
  }
}
