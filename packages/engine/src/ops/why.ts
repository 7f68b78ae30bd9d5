import type { Node } from "../api/cluster-kinds";
import type { Pod } from "../api/pod";
import { setUpVolumes, type VolumeBlocker } from "../controllers/kubelet/volume-setup";
import { evaluatePod, failureMessage, nodeUsage, type SchedulingVerdict } from "../controllers/scheduler";
import { objectKey } from "../store/object-key";
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

/**
 * Why a scheduled pod's containers have not started because of its volumes: the kubelet's volume manager's
 * record for each volume it still waits for (claim not bound, disk attached to another node, a missing
 * ConfigMap or Secret). Empty when every volume is mounted.
 */
export function explainPodVolumes(
  state: ClusterState,
  namespace: string,
  name: string,
): VolumeBlocker[] | undefined {
  const tx = new Tx(state);
  const pod = tx.get<Pod>("Pod", namespace, name);
  const nodeName = pod?.spec.nodeName;
  if (!pod || !nodeName) return undefined;
  const rt = tx.kubelet[objectKey("Pod", namespace, name)];
  if (rt && !rt.blockedBy) return [];
  const node = tx.get<Node>("Node", undefined, nodeName);
  if (!node) return [];
  // The kubelet's own check, on a copy of the state that is thrown away.
  const setup = setUpVolumes(tx, pod, node, true);
  return setup.ok ? [] : setup.blockers;
}
