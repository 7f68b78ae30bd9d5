import { getObject, listObjects, type Pod, podLogs, type ReplicaSet } from "@kubejam/engine";
import { boolFlag, flag, type ParsedArgs } from "../args";
import { type Context, fail, type KubectlResult, ok } from "../result";
import { listContainers } from "./exec";

/** `kubectl logs POD|deploy/NAME [-c C] [-p] [--tail N]`. */
export function logsCommand(ctx: Context, args: ParsedArgs): KubectlResult {
  const target = args.positionals[0];
  if (!target)
    return fail(
      ctx.state,
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples",
    );
  let pod = target;
  if (target.includes("/")) {
    const [type = "", name = ""] = target.split("/", 2);
    if (["deploy", "deployment", "deployments", "rs", "replicaset", "replicasets"].includes(type)) {
      const picked = firstPodOf(ctx, type.startsWith("d") ? "Deployment" : "ReplicaSet", name);
      if (!picked)
        return fail(
          ctx.state,
          `error: ${type.startsWith("d") ? "deployments.apps" : "replicasets.apps"} "${name}" not found`,
        );
      pod = picked;
    } else pod = name;
  }
  const result = podLogs(ctx.state, {
    namespace: ctx.namespace,
    pod,
    container: flag(args, "container"),
    previous: boolFlag(args, "previous"),
  });
  if (!result.ok) return fail(ctx.state, result.message);
  let text = result.text;
  const tail = flag(args, "tail");
  if (tail !== undefined && Number(tail) >= 0) {
    const all = text.split("\n");
    if (all.at(-1) === "") all.pop();
    text =
      all.slice(Math.max(0, all.length - Number(tail))).join("\n") +
      (all.length && Number(tail) > 0 ? "\n" : "");
  }
  const notice = result.defaultedContainer
    ? `Defaulted container "${result.defaultedContainer}" out of: ${listContainers(ctx, pod)}\n`
    : "";
  return ok(ctx.state, text, notice);
}

function firstPodOf(ctx: Context, kind: "Deployment" | "ReplicaSet", name: string): string | undefined {
  const owner = getObject(ctx.state, kind, ctx.namespace, name);
  if (!owner) return undefined;
  const sets =
    kind === "Deployment"
      ? listObjects<ReplicaSet>(ctx.state, "ReplicaSet", ctx.namespace).filter((rs) =>
          rs.metadata.ownerReferences?.some((r) => r.uid === owner.metadata.uid),
        )
      : [owner];
  const uids = new Set(sets.map((s) => s.metadata.uid));
  return listObjects<Pod>(ctx.state, "Pod", ctx.namespace).find((p) =>
    p.metadata.ownerReferences?.some((r) => uids.has(r.uid)),
  )?.metadata.name;
}
