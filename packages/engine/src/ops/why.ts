import type { Pod } from "../api/pod";
import { evaluatePod, failureMessage, nodeUsage, type SchedulingVerdict } from "../controllers/scheduler";
import type { ClusterState } from "../store/state";
import { Tx } from "../store/tx";

/** Why a pod is not running: the scheduler's verdict per node, rendered the way its event is. */
export function explainPod(
  state: ClusterState,
  namespace: string,
  name: string,
): { verdict: SchedulingVerdict; message: string } | undefined {
  const tx = new Tx(state);
  const pod = tx.get<Pod>("Pod", namespace, name);
  if (!pod || pod.spec.nodeName) return undefined;
  const verdict = evaluatePod(tx, pod, nodeUsage(tx));
  return { verdict, message: failureMessage(verdict, verdict.nodes.length || tx.list("Node").length) };
}
