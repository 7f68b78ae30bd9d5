import type { Pod } from "../api/pod";
import type { ReplicaSet, ReplicaSetStatus } from "../api/workloads";
import { Component, Messages, Reason } from "../events/reasons";
import { admitPodSpec } from "../ops/admit";
import { deletePod } from "../ops/delete-pod";
import { sameJson } from "../store/equal";
import { selectorMatches } from "../store/labels";
import type { Tx } from "../store/tx";
import { byController, controllerOf, isPodActive, isPodReady, ownerRef } from "./owners";

/**
 * A limit of the simulator, not of Kubernetes: the cluster holds at most this many pods, so that a
 * typo such as `replicas: 2147483647` ends in a FailedCreate event instead of an endless create loop
 * (a real API server would be stopped by a ResourceQuota or by etcd running out of space).
 */
export const MAX_PODS_IN_CLUSTER = 10_000;

// pkg/controller/replicaset/replica_set.go: keep `replicas` active pods that match the selector.
export function reconcileReplicaSets(tx: Tx): void {
  const sets = tx.list<ReplicaSet>("ReplicaSet");
  if (sets.length === 0) return;
  const allPods = tx.list<Pod>("Pod");
  const owned = byController(allPods);
  let room = MAX_PODS_IN_CLUSTER - allPods.length;
  const orphans = new Set(allPods.filter((p) => !controllerOf(p) && isPodActive(p)));
  for (const rs of sets) {
    if (rs.metadata.deletionTimestamp) continue;
    const ns = rs.metadata.namespace;
    // Adopt orphans that match (ClaimPods); an adopted pod is no longer anyone else's to take.
    const mine = [...(owned.get(rs.metadata.uid) ?? [])];
    for (const pod of orphans) {
      if (pod.metadata.namespace !== ns) continue;
      if (!selectorMatches(rs.spec.selector, pod.metadata.labels)) continue;
      orphans.delete(pod);
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
    let createError: string | undefined;
    if (diff < 0) {
      const wanted = -diff;
      const creatable = Math.max(0, Math.min(wanted, room));
      for (let i = 0; i < creatable; i++) active.push(createPod(tx, rs));
      room -= creatable;
      if (creatable < wanted) createError = Messages.podLimitReached(MAX_PODS_IN_CLUSTER);
    } else if (diff > 0) {
      for (const pod of rankForDeletion(active).slice(0, diff)) {
        deletePod(tx, pod);
        tx.event(rs, "Normal", Reason.SuccessfulDelete, Messages.deletedPod(pod.metadata.name), {
          component: Component.replicaset,
        });
      }
    }
    // The pods as they are after this sync: only a deletion changed any (gone, or terminating now).
    let now = active;
    if (diff > 0) {
      now = [];
      for (const p of active) {
        const live = tx.get<Pod>("Pod", ns, p.metadata.name);
        if (live && live.metadata.uid === p.metadata.uid && isPodActive(live)) now.push(live);
      }
    }
    const ready = now.filter(isPodReady).length;
    const fresh = tx.get<ReplicaSet>("ReplicaSet", ns, rs.metadata.name) ?? rs;
    const failure = replicaFailure(tx, fresh, createError);
    const status: ReplicaSetStatus = {
      replicas: now.length,
      fullyLabeledReplicas: now.length,
      readyReplicas: ready,
      availableReplicas: ready,
      observedGeneration: rs.metadata.generation ?? 1,
      ...(failure ? { conditions: [failure] } : {}),
    };
    if (!sameJson(fresh.status, status)) tx.update<ReplicaSet>({ ...fresh, status });
  }
}

/**
 * The ReplicaFailure condition while pods cannot be created, with one FailedCreate event when it
 * appears or its message changes: an event on every sync would keep the cluster from settling.
 */
function replicaFailure(tx: Tx, rs: ReplicaSet, error: string | undefined) {
  if (error === undefined) return undefined;
  const previous = rs.status.conditions?.find((c) => c.type === "ReplicaFailure");
  if (previous?.message === error) return previous;
  tx.event(rs, "Warning", Reason.FailedCreate, `Error creating: ${error}`, {
    component: Component.replicaset,
  });
  return {
    type: "ReplicaFailure",
    status: "True",
    lastTransitionTime: tx.now(),
    reason: Reason.FailedCreate,
    message: error,
  };
}

function createPod(tx: Tx, rs: ReplicaSet): Pod {
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
  return pod;
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
