/**
 * `kill 1` in a `kubectl exec` session: the container's main process reacts as its program does
 * (shell/commands/main-process-signals.ts). When it exits, the kubelet sees the container end on its
 * next sync and restarts it by the pod's restartPolicy, with a new writable layer: what the old
 * container wrote to its own file system is gone, what it wrote to a volume stays.
 */
import { mainProcessReaction } from "../../shell/commands/main-process-signals";
import type { Tx } from "../../store/tx";
import { earliestTimer, type PodRuntime } from "./pod-runtime";

export function signalMainProcess(
  tx: Tx,
  key: string,
  container: number,
  signals: readonly { signal: number; from: number }[],
): void {
  const rt: PodRuntime | undefined = tx.kubelet[key];
  const c = rt?.containers[container];
  if (!rt || !c || c.phase !== "running" || c.exitAt !== undefined) return;
  for (const { signal, from } of signals) {
    const reaction = mainProcessReaction(c.listens[0]?.server, signal, from, tx.clock);
    if (!reaction.exits) continue;
    endMainProcess(tx, key, container, reaction.exitCode, reaction.log);
    return;
  }
}

/**
 * Ends container `container`'s running main process now with `exitCode`, its last words `log`; the
 * kubelet's next sync sees it exit. False when there is no running process to end.
 */
export function endMainProcess(tx: Tx, key: string, container: number, exitCode: number, log = ""): boolean {
  const rt: PodRuntime | undefined = tx.kubelet[key];
  const c = rt?.containers[container];
  if (!rt || !c || c.phase !== "running" || c.exitAt !== undefined) return false;
  const stopped = { ...c, logs: c.logs + log, exitAt: tx.clock, exitCode };
  const next: PodRuntime = {
    ...rt,
    containers: rt.containers.map((x, i) => (i === container ? stopped : x)),
  };
  next.wake = earliestTimer(next);
  tx.setKubelet(key, next);
  return true;
}
