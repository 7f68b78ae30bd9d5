import type { Node } from "../api/cluster-kinds";
import { Component, Reason } from "../events/reasons";
import type { Tx } from "../store/tx";

/** The taint the node lifecycle controller keeps on a cordoned node (v1.TaintNodeUnschedulable). */
export const UNSCHEDULABLE_TAINT = "node.kubernetes.io/unschedulable";

type Taint = { key: string; value?: string; effect: string; timeAdded?: string };

/**
 * `kubectl cordon` sets a node's spec.unschedulable; two parts of the cluster answer:
 * - the node lifecycle controller (doNoScheduleTaintingPass) adds the NoSchedule taint
 *   `node.kubernetes.io/unschedulable`, stamped with the time it was added (SwapNodeControllerTaint),
 *   and takes it off again on `uncordon`;
 * - the node's kubelet records NodeNotSchedulable (or NodeSchedulable) about its node when it sees the
 *   flag change (recordNodeSchedulableEvent).
 * The scheduler reads spec.unschedulable itself (the NodeUnschedulable filter).
 */
export function reconcileNodeLifecycle(tx: Tx): void {
  for (const node of tx.list<Node>("Node")) {
    const cordoned = node.spec.unschedulable === true;
    const taints = (node.spec.taints ?? []) as Taint[];
    const tainted = taints.some((t) => t.key === UNSCHEDULABLE_TAINT && t.effect === "NoSchedule");
    if (cordoned === tainted) continue;
    const rest = taints.filter((t) => !(t.key === UNSCHEDULABLE_TAINT && t.effect === "NoSchedule"));
    const next = cordoned
      ? [...rest, { effect: "NoSchedule", key: UNSCHEDULABLE_TAINT, timeAdded: tx.now() }]
      : rest;
    const { taints: _, ...spec } = node.spec;
    tx.update<Node>({ ...node, spec: next.length > 0 ? { ...spec, taints: next } : spec });
    const event = cordoned ? Reason.NodeNotSchedulable : Reason.NodeSchedulable;
    const name = node.metadata.name;
    // The kubelet's nodeRef names its node by name, with the name as its uid.
    tx.event(
      { kind: "Node", apiVersion: "v1", metadata: { name, uid: name } },
      "Normal",
      event,
      `Node ${name} status is now: ${event}`,
      { component: Component.kubelet, host: name },
    );
  }
}
