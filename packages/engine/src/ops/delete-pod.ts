import type { Pod } from "../api/pod";
import { releasePod } from "../controllers/kubelet/release-pod";
import { rfc3339 } from "../runtime/time";
import { objectKey } from "../store/object-key";
import type { Tx } from "../store/tx";

/**
 * Graceful pod deletion (pkg/registry/core/pod/strategy.go CheckGracefulDelete): a pod on a node gets
 * `deletionTimestamp = now + grace` and its kubelet stops the containers; an unscheduled pod goes at once.
 */
export function deletePod(tx: Tx, pod: Pod, graceSeconds?: number): void {
  if (pod.metadata.deletionTimestamp) {
    if (graceSeconds === 0) releasePod(tx, pod);
    return;
  }
  const key = objectKey("Pod", pod.metadata.namespace, pod.metadata.name);
  const grace = graceSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
  if (!pod.spec.nodeName || !tx.kubelet[key] || grace === 0) {
    releasePod(tx, pod);
    return;
  }
  tx.update<Pod>({
    ...pod,
    metadata: {
      ...pod.metadata,
      deletionTimestamp: rfc3339(tx.clock + grace * 1000),
      deletionGracePeriodSeconds: grace,
    },
  });
}
