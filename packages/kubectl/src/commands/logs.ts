import { podLogs } from "@kubejam/engine";
import { boolFlag, flag, type ParsedArgs } from "../args";
import { type Context, fail, type KubectlResult, ok } from "../result";
import { attachablePod } from "./attachable-pod";
import { listContainers } from "./exec";

/**
 * `kubectl logs POD|deploy/NAME [-c C] [-p] [-f] [--tail N]`. With `-f` kubectl would keep printing
 * what the container writes until interrupted; here a command answers at once, so it prints what
 * there is (the simulator's time only moves when a command or `advance` moves it).
 */
export function logsCommand(ctx: Context, args: ParsedArgs): KubectlResult {
  const target = args.positionals[0];
  if (!target)
    return fail(
      ctx.state,
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples",
    );
  const picked = attachablePod(ctx, target, "logs");
  if (!picked.ok) return fail(ctx.state, picked.message);
  const pod = picked.pod;
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
  // logsforobject.go: several pods behind the name, one is read.
  const found = (picked.among ?? 0) > 1 ? `Found ${picked.among} pods, using pod/${pod}\n` : "";
  const notice = result.defaultedContainer
    ? `Defaulted container "${result.defaultedContainer}" out of: ${listContainers(ctx, pod)}\n`
    : "";
  return ok(ctx.state, text, found + notice);
}
