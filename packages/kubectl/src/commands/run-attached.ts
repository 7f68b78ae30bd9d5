import {
  type ContainerStatus,
  deleteObjects,
  getObject,
  isShellCommand,
  type Pod,
  podLogs,
} from "@kubejam/engine";
import { type Context, fail, type KubectlResult } from "../result";
import { createObject } from "./create-object";

export interface AttachedRun {
  name: string;
  restart: string;
  /** `--rm`: delete the pod once the command is over. */
  remove: boolean;
  quiet: boolean;
  /** run.go's waitForExitCode: not `--leave-stdin-open` and restart policy Never or OnFailure. */
  waitForExit: boolean;
}

/**
 * `kubectl run NAME --image=I -i|--attach [--rm] -- CMD` (staging/src/k8s.io/kubectl/pkg/cmd/run/run.go):
 * create the pod, attach to it (or, when it has already finished, stream its logs), delete it with
 * `--rm`, and end with the pod's outcome: 0 when it Succeeded, the container's exit code when it
 * Failed under `--restart=Never`. A simulated terminal answers one command at a time, so a
 * container that keeps running (a shell waiting on the keyboard, a server) is refused before
 * anything is created, with the way to get the same result.
 */
export function runAttached(
  ctx: Context,
  manifest: Record<string, unknown>,
  run: AttachedRun,
): KubectlResult {
  const container = (manifest.spec as { containers: { args?: string[]; command?: string[] }[] })
    .containers[0];
  const argv = container?.command ?? container?.args ?? [];
  if (argv.length > 0 && isShellCommand(argv[0] ?? "") && !argv.includes("-c"))
    return fail(ctx.state, keepsRunning(run.name));
  const created = createObject(ctx, manifest);
  if (!created.ok) return created.failure;
  const state = created.state;
  const pod = getObject<Pod>(state, "Pod", ctx.namespace, run.name);
  const status = pod?.status.containerStatuses?.[0];
  const phase = pod?.status.phase ?? "Pending";
  if (phase === "Running" && status && "running" in status.state)
    return fail(ctx.state, keepsRunning(run.name));

  // handleAttachPod: the pod's output once its container has run at least once.
  const logs = hasRun(status) ? podLogs(state, { namespace: ctx.namespace, pod: run.name }) : undefined;
  const output = logs?.ok ? logs.text : "";
  const outcome = exitOutcome(ctx.namespace, run, phase, status);
  if (!run.remove) return { state, stdout: output, stderr: outcome.stderr, exitCode: outcome.exitCode };

  // removeCreatedObjects runs (deferred) before kubectl prints the command's error.
  const removed = deleteObjects(state, [{ kind: "Pod", namespace: ctx.namespace, name: run.name }], {
    wait: false,
  });
  const deleted = run.quiet ? "" : `pod "${run.name}" deleted\n`;
  return {
    state: removed.state,
    stdout: output + deleted,
    stderr: outcome.stderr,
    exitCode: outcome.exitCode,
  };
}

function hasRun(status: ContainerStatus | undefined): boolean {
  if (!status) return false;
  return !("waiting" in status.state) || "terminated" in status.lastState;
}

/** What run.go returns after the attach: nothing to wait for, the pod's phase, or a timeout. */
function exitOutcome(
  namespace: string,
  run: AttachedRun,
  phase: Pod["status"]["phase"],
  status: ContainerStatus | undefined,
): { stderr: string; exitCode: number } {
  const never = phase === "Pending" && !hasRun(status);
  // waitForPod(podRunningAndReady) and waitForPod(podSucceeded) give up after --pod-running-timeout.
  const timedOut = { stderr: "error: timed out waiting for the condition\n", exitCode: 1 };
  if (never) return timedOut;
  if (!run.waitForExit) return { stderr: "", exitCode: 0 };
  if (phase === "Succeeded") return { stderr: "", exitCode: 0 };
  if (phase === "Failed" && run.restart === "Never") {
    const terminated = status && "terminated" in status.state ? status.state.terminated : undefined;
    if (!terminated || terminated.exitCode === 0)
      return { stderr: `error: pod ${namespace}/${run.name} failed with unknown exit code\n`, exitCode: 1 };
    // A utilexec.ExitError: cmdutil.CheckErr prints it as it is (no "error: ") and exits with its code.
    return {
      stderr: `pod ${namespace}/${run.name} terminated (${terminated.reason})\n${terminated.message ?? ""}`,
      exitCode: terminated.exitCode,
    };
  }
  return timedOut;
}

function keepsRunning(name: string): string {
  return [
    `error: pod/${name} would keep running with kubectl attached to it, and this simulated terminal answers one command at a time: nothing was created.`,
    "Give the pod a command that ends, for example:",
    `  kubectl run ${name} --image=busybox:1.36 --rm -i --restart=Never -- wget -qO- -T 2 http://SERVICE`,
    "or keep it running with a long sleep and run each command in it with kubectl exec:",
    `  kubectl run ${name} --image=busybox:1.36 -- sleep 3600`,
    `  kubectl exec ${name} -- wget -qO- -T 2 http://SERVICE`,
  ].join("\n");
}
