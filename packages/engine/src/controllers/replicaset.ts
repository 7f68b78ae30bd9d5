import type { Pod } from "../api/pod";
import type { ReplicaSet } from "../api/workloads";
import { Component, Messages, Reason } from "../events/reasons";
import { admitPodSpec } from "../ops/admit";
import { deletePod } from "../ops/delete-pod";
import { selectorMatches } from "../store/labels";
import type { Tx } from "../store/tx";
import { byController, controllerOf, isPodActive, isPodReady, ownerRef } from "./owners";

// pkg/controller/replicaset/replica_set.go: keep `replicas` active pods that match the selector.
export function reconcileReplicaSets(tx: Tx): void {
  const sets = tx.list<ReplicaSet>("ReplicaSet");
  if (sets.length === 0) return;
  const allPods = tx.list<Pod>("Pod");
  const owned = byController(allPods);
  for (const rs of sets) {
    if (rs.metadata.deletionTimestamp) continue;
    const ns = rs.metadata.namespace;
    // Adopt orphans that match (ClaimPods).
    const mine = [...(owned.get(rs.metadata.uid) ?? [])];
    for (const pod of allPods) {
      if (pod.metadata.namespace !== ns || controllerOf(pod) || !isPodActive(pod)) continue;
      if (!selectorMatches(rs.spec.selector, pod.metadata.labels)) continue;
      const adopted = tx.update<Pod>({
        ...pod,
        metadata: {
          ...pod.metadata,
          ownerReferences: [...(pod.metadata.ownerReferences ?? []), ownerRef(rs)],
        },
      });
      mine.push(adopted);
    }
    const active = mine.filter(isPodActive);
    const diff = active.length - rs.spec.replicas;
    if (diff < 0) {
      for (let i = 0; i < -diff; i++) createPod(tx, rs);
    } else if (diff > 0) {
      for (const pod of rankForDeletion(active).slice(0, diff)) {
        deletePod(tx, pod);
        tx.event(rs, "Normal", Reason.SuccessfulDelete, Messages.deletedPod(pod.metadata.name), {
          component: Component.replicaset,
        });
      }
    }
    const now = tx
      .list<Pod>("Pod", ns)
      .filter((p) => controllerOf(p)?.uid === rs.metadata.uid && isPodActive(p));
    const ready = now.filter(isPodReady).length;
    const status = {
      replicas: now.length,
      fullyLabeledReplicas: now.length,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: rs.metadata.generation ?? 1,
    };
    const fresh = tx.get<ReplicaSet>("ReplicaSet", ns, rs.metadata.name) ?? rs;
    if (JSON.stringify(fresh.status) !== JSON.stringify(status)) tx.update<ReplicaSet>({ ...fresh, status });
  }
}

function createPod(tx: Tx, rs: ReplicaSet): void {
  const ns = rs.metadata.namespace ?? "default";
  let name = `${rs.metadata.name}-${tx.ids.suffix(5)}`;
  while (tx.get("Pod", ns, name)) name = `${rs.metadata.name}-${tx.ids.suffix(5)}`;
  const template = rs.spec.template;
  const pod = tx.create<Pod>({
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      generateName: `${rs.metadata.name}-`,
      namespace: ns,
      labels: { ...(template.metadata?.labels ?? {}) },
      ...(template.metadata?.annotations ? { annotations: template.metadata.annotations } : {}),
      ownerReferences: [ownerRef(rs)],
    },
    spec: admitPodSpec(tx, template.spec),
    status: { phase: "Pending", qosClass: "BestEffort" },
  });
  tx.event(rs, "Normal", Reason.SuccessfulCreate, Messages.createdPod(pod.metadata.name), {
    component: Component.replicaset,
  });
}

// controller.ActivePods ordering: unassigned < assigned, pending < unknown < running, not ready < ready, newer first.
function rankForDeletion(pods: Pod[]): Pod[] {
  const phaseRank = (p: Pod) => (p.status.phase === "Pending" ? 0 : p.status.phase === "Unknown" ? 1 : 2);
  return [...pods].sort((a, b) => {
    const assigned = Number(Boolean(a.spec.nodeName)) - Number(Boolean(b.spec.nodeName));
    if (assigned !== 0) return assigned;
    const phase = phaseRank(a) - phaseRank(b);
    if (phase !== 0) return phase;
    const ready = Number(isPodReady(a)) - Number(isPodReady(b));
    if (ready !== 0) return ready;
    return (
      b.metadata.creationTimestamp.localeCompare(a.metadata.creationTimestamp) ||
      b.metadata.name.localeCompare(a.metadata.name)
    );
  });
}
