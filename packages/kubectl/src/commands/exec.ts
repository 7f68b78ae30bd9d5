import { execInPod } from "@kubejam/engine";
import { flag, type ParsedArgs } from "../args";
import { type Context, fail, type KubectlResult } from "../result";
import { attachablePod } from "./attachable-pod";

/** `kubectl exec POD [-c C] [-it] -- CMD [ARGS...]`. */
export function execCommand(ctx: Context, args: ParsedArgs): KubectlResult {
  const target = args.positionals[0];
  if (!target)
    return fail(
      ctx.state,
      // exec.go Validate: no pod named before `--`.
      "error: pod, type/name or --filename must be specified",
    );
  // kubectl 1.33 takes the command only after `--` (exec.go Complete); older ones warned.
  if (args.rest === undefined && args.positionals.length > 1)
    return fail(
      ctx.state,
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples",
    );
  const argv = args.rest ?? [];
  if (argv.length === 0)
    return fail(ctx.state, "error: you must specify at least one command for the container");
  const picked = attachablePod(ctx, target);
  if (!picked.ok) return fail(ctx.state, picked.message);
  const pod = picked.pod;
  const { state, outcome } = execInPod(ctx.state, {
    namespace: ctx.namespace,
    pod,
    container: flag(args, "container"),
    argv,
  });
  if (!outcome.ok) return fail(ctx.state, outcome.message);
  const notice = outcome.defaultedContainer
    ? `Defaulted container "${outcome.defaultedContainer}" out of: ${listContainers(ctx, pod)}\n`
    : "";
  if (outcome.execFailed)
    return { state, stdout: outcome.stdout, stderr: notice + outcome.stderr, exitCode: 1 };
  const trailer = outcome.exitCode !== 0 ? `command terminated with exit code ${outcome.exitCode}\n` : "";
  return {
    state,
    stdout: outcome.stdout,
    stderr: notice + outcome.stderr + trailer,
    exitCode: outcome.exitCode === 0 ? 0 : outcome.exitCode,
  };
}

export function listContainers(ctx: Context, pod: string): string {
  const obj = ctx.state.objects[`Pod/${ctx.namespace}/${pod}`] as
    | { spec?: { containers?: { name: string }[] } }
    | undefined;
  return (obj?.spec?.containers ?? []).map((c) => c.name).join(", ");
}
