import { getObject, listObjects, type Pod, podLogs } from "@kubejam/engine";
import { boolFlag, flag, type ParsedArgs } from "../args";
import { labelSelectorFlag } from "../label-selector";
import { noResourcesFound } from "../printers/table";
import { type Context, fail, type KubectlResult, ok } from "../result";
import { attachablePod } from "./attachable-pod";
import { listContainers } from "./exec";

const USAGE =
  "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples";

/**
 * `kubectl logs POD|deploy/NAME [CONTAINER] | -l SELECTOR` with `[-c C | --all-containers] [--prefix]
 * [-p] [-f] [--tail N]`. With `-f` kubectl would keep printing what the container writes until
 * interrupted; here a command answers at once, so it prints what there is (the simulator's time only
 * moves when a command or `advance` moves it).
 */
export function logsCommand(ctx: Context, args: ParsedArgs): KubectlResult {
  const selected = flag(args, "selector") !== undefined;
  const [target, inlineContainer] = args.positionals;
  if (selected && target !== undefined)
    return fail(
      ctx.state,
      "error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples",
    );
  if ((!selected && !target) || args.positionals.length > 2) return fail(ctx.state, USAGE);
  const allContainers = boolFlag(args, "all-containers");
  let container = flag(args, "container");
  // logs.go Validate.
  if (inlineContainer !== undefined) {
    if (container !== undefined)
      return fail(ctx.state, "error: only one of -c or an inline [CONTAINER] arg is allowed");
    container = inlineContainer;
  }
  if (allContainers && container !== undefined)
    return fail(
      ctx.state,
      `error: --all-containers=true should not be specified with container name ${container}`,
    );
  let pods: string[];
  let found = "";
  if (target === undefined) {
    const selector = labelSelectorFlag(args);
    if (!selector.ok) return fail(ctx.state, selector.message);
    pods = listObjects<Pod>(ctx.state, "Pod", ctx.namespace)
      .filter((p) => selector.matches(p.metadata.labels))
      .map((p) => p.metadata.name);
    if (pods.length === 0) return ok(ctx.state, "", noResourcesFound(ctx.namespace));
  } else {
    const picked = attachablePod(ctx, target, "logs");
    if (!picked.ok) return fail(ctx.state, picked.message);
    pods = [picked.pod];
    // logsforobject.go: several pods behind the name, one is read.
    if ((picked.among ?? 0) > 1) found = `Found ${picked.among} pods, using pod/${picked.pod}\n`;
  }
  // --tail: every line for one pod, the last 10 of each for a selector.
  const tail = flag(args, "tail") ?? (selected ? "10" : "-1");
  let stdout = "";
  let notices = found;
  for (const pod of pods) {
    const spec = getObject<Pod>(ctx.state, "Pod", ctx.namespace, pod)?.spec;
    const names =
      allContainers && spec
        ? [...(spec.initContainers ?? []), ...spec.containers].map((c) => c.name)
        : [container];
    for (const name of names) {
      const result = podLogs(ctx.state, {
        namespace: ctx.namespace,
        pod,
        container: name,
        previous: boolFlag(args, "previous"),
      });
      if (!result.ok) return fail(ctx.state, notices + result.message, stdout);
      if (result.defaultedContainer)
        notices += `Defaulted container "${result.defaultedContainer}" out of: ${listContainers(ctx, pod)}\n`;
      const text = lastLines(result.text, tail);
      const shownName = name ?? result.defaultedContainer ?? spec?.containers[0]?.name ?? "";
      stdout += boolFlag(args, "prefix") ? prefixed(text, `[pod/${pod}/${shownName}] `) : text;
    }
  }
  return ok(ctx.state, stdout, notices);
}

/** The last `n` lines (a negative number keeps them all). */
function lastLines(text: string, n: string): string {
  if (Number(n) < 0) return text;
  const all = text.split("\n");
  if (all.at(-1) === "") all.pop();
  return (
    all.slice(Math.max(0, all.length - Number(n))).join("\n") + (all.length && Number(n) > 0 ? "\n" : "")
  );
}

/** `--prefix`: each line, empty ones too, starts with where it came from. */
function prefixed(text: string, prefix: string): string {
  const lines = text.split("\n");
  return lines.map((line, i) => (i === lines.length - 1 && line === "" ? line : prefix + line)).join("\n");
}
