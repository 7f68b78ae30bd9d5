import type { Pod } from "../api/pod";
import { evaluatePod, failureMessage, nodeUsage, type SchedulingVerdict } from "../controllers/scheduler";
import type { ClusterState } from "../store/state";
import { Tx } from "../store/tx";
import { type ClaimExplanation, explainClaim } from "./why-claim";

/**
 * Why a pod is not running: the scheduler's verdict per node, rendered the way its event is, and the
 * binder's record for each claim it names that is not bound yet.
 */
export function explainPod(
  state: ClusterState,
  namespace: string,
  name: string,
): { verdict: SchedulingVerdict; message: string; claims: ClaimExplanation[] } | undefined {
  const tx = new Tx(state);
  const pod = tx.get<Pod>("Pod", namespace, name);
  if (!pod || pod.spec.nodeName) return undefined;
  const verdict = evaluatePod(tx, pod, nodeUsage(tx));
  const claims: ClaimExplanation[] = [];
  for (const v of pod.spec.volumes ?? []) {
    if (!v.persistentVolumeClaim) continue;
    const c = explainClaim(state, namespace, v.persistentVolumeClaim.claimName);
    if (c && c.state !== "bound") claims.push(c);
  }
  return {
    verdict,
    message: failureMessage(verdict, verdict.nodes.length || tx.list("Node").length),
    claims,
  };
}
