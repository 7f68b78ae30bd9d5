import type { Pod } from "../api/pod";
import { endMainProcess } from "../controllers/kubelet/main-signals";
import { settle } from "../controllers/settle";
import { objectKey } from "../store/object-key";
import type { ClusterState } from "../store/state";
import { Tx } from "../store/tx";

export interface AttachedShellRequest {
  namespace?: string;
  pod: string;
  container?: string;
  /** What the learner typed after `exit` (0 for a bare `exit`). */
  exitCode: number;
}

/**
 * `exit` typed in the shell `kubectl run -it` attached to: the container's main process, a shell
 * reading the terminal (`stdin: true`), ends with that status. The kubelet then does what the pod's
 * restartPolicy says: Always starts a new shell at once (RESTARTS 1, its stdin open again, as
 * stdinOnce gives), Never leaves the container Completed or in Error.
 */
export function endAttachedShell(
  state: ClusterState,
  req: AttachedShellRequest,
): { state: ClusterState; ok: true } | { state: ClusterState; ok: false; message: string } {
  const ns = req.namespace ?? "default";
  const tx = new Tx(state);
  const pod = tx.get<Pod>("Pod", ns, req.pod);
  if (!pod) return { state, ok: false, message: `Error from server (NotFound): pods "${req.pod}" not found` };
  const name = req.container ?? pod.spec.containers[0]?.name ?? "";
  const index = pod.spec.containers.findIndex((c) => c.name === name);
  if (index === -1)
    return {
      state,
      ok: false,
      message: `Error from server (BadRequest): container ${name} is not valid for pod ${req.pod}`,
    };
  if (pod.spec.containers[index]?.stdin !== true)
    return {
      state,
      ok: false,
      message: `error: container ${name} of pod ${req.pod} does not read a terminal`,
    };
  if (!endMainProcess(tx, objectKey("Pod", ns, req.pod), index, req.exitCode & 255))
    return { state, ok: false, message: `error: container ${name} of pod ${req.pod} is not running` };
  settle(tx, 0);
  return { state: tx.commit(), ok: true };
}
