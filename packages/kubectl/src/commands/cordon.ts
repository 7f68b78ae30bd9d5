import {
  getObject,
  type KindInfo,
  type KubeObject,
  listObjects,
  resolveResource,
  updateObject,
} from "@kubejam/engine";
import { flag, type ParsedArgs } from "../args";
import { labelSelectorFlag } from "../label-selector";
import { qualifiedName, resourceName } from "../resources";
import { type Context, fail, type KubectlResult } from "../result";

const NODES = resolveResource("nodes") as KindInfo;

/**
 * `kubectl cordon|uncordon NODE... | -l SELECTOR` (drain.go RunCordonOrUncordon): every object is
 * looked up first, so a missing one changes nothing; then each node's spec.unschedulable is set, or
 * left as it was ("already cordoned"). A name in TYPE/NAME form that is not a node is "skipped".
 */
export function cordonCommand(ctx: Context, args: ParsedArgs, desired: boolean): KubectlResult {
  const verb = desired ? "cordon" : "uncordon";
  const usage = (message: string) =>
    fail(ctx.state, `error: ${message}\nSee 'kubectl ${verb} -h' for help and examples`);
  const selector = flag(args, "selector");
  if (args.positionals.length === 0 && selector === undefined) return usage(`USAGE: ${verb} NODE [flags]`);
  if (args.positionals.length > 0 && selector)
    return usage("cannot specify both a node name and a --selector option");

  const found: { info: KindInfo; obj: KubeObject }[] = [];
  if (args.positionals.length === 0) {
    const matching = labelSelectorFlag(args);
    if (!matching.ok) return fail(ctx.state, matching.message);
    for (const obj of listObjects(ctx.state, "Node"))
      if (matching.matches(obj.metadata.labels)) found.push({ info: NODES, obj });
  }
  for (const word of args.positionals) {
    const slash = word.indexOf("/");
    const info = slash === -1 ? NODES : resolveResource(word.slice(0, slash));
    if (!info)
      return fail(ctx.state, `error: the server doesn't have a resource type "${word.slice(0, slash)}"`);
    const name = slash === -1 ? word : word.slice(slash + 1);
    const obj = getObject(ctx.state, info.kind, info.namespaced ? ctx.namespace : undefined, name);
    if (!obj)
      return fail(ctx.state, `Error from server (NotFound): ${resourceName(info)} "${name}" not found`);
    found.push({ info, obj });
  }

  let state = ctx.state;
  let stdout = "";
  for (const { info, obj } of found) {
    const name = qualifiedName(info, obj.metadata.name);
    if (info.kind !== "Node") {
      stdout += `${name} skipped\n`;
      continue;
    }
    const node = getObject(state, "Node", undefined, obj.metadata.name) ?? obj;
    const spec = node.spec as { unschedulable?: boolean };
    if ((spec.unschedulable === true) === desired) {
      stdout += `${name} already ${verb}ed\n`;
      continue;
    }
    // spec.unschedulable is omitempty: an uncordoned node has no such field, not `false`.
    const { unschedulable: _, ...rest } = spec;
    const next = { ...node, spec: desired ? { ...rest, unschedulable: true } : rest } as KubeObject;
    const updated = updateObject(state, next);
    if (!updated.result.ok)
      return {
        ...fail(ctx.state, `error: unable to ${verb} node "${obj.metadata.name}": ${updated.result.message}`),
        stdout,
      };
    state = updated.state;
    stdout += `${name} ${verb}ed\n`;
  }
  return { state, stdout, stderr: "", exitCode: 0 };
}
