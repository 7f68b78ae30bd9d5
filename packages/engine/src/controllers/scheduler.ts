import type { Node } from "../api/cluster-kinds";
import type { Pod, PodCondition } from "../api/pod";
import { parseQuantity } from "../api/quantity";
import type { PersistentVolume } from "../api/storage";
import { Component, Messages, Reason } from "../events/reasons";
import type { Tx } from "../store/tx";
import { PvIndex } from "./storage/pv-binder";
import { ANN_SELECTED_NODE } from "./storage/pv-controller";
import {
  bindPodVolumes,
  type PodVolumes,
  podVolumes,
  readWriteOncePodConflict,
  volumeFilter,
} from "./storage/volume-binding";

/** One node's verdict for one pod: why it cannot run there (empty = it fits). */
export interface NodeVerdict {
  node: string;
  reasons: string[];
}

/** The scheduler's record for a pod: a pre-filter failure, or each node's verdict. */
export interface SchedulingVerdict {
  preFilter?: string;
  nodes: NodeVerdict[];
  /** The node chosen, when one fits. */
  chosen?: string;
  /** PreBind failed (a volume could not be provisioned): the event says this, not the node counts. */
  bindError?: string;
  /** The pod's claims as the VolumeBinding plugin saw them. */
  volumes?: PodVolumes;
}

// Reasons (pkg/scheduler/framework/plugins/*): the ones preemption cannot help with.
const UNRESOLVABLE = new Set([
  "node(s) didn't match Pod's node affinity/selector",
  "node(s) were unschedulable",
  "node(s) had untolerated taint {node.kubernetes.io/not-ready: }",
  Messages.volumeNodeConflict,
  Messages.volumeBindConflict,
]);

interface NodeUsage {
  pods: number;
  cpu: number;
  memory: number;
}

const NO_USAGE: Readonly<NodeUsage> = { pods: 0, cpu: 0, memory: 0 };

/** Sums what the pods already bound to each node request (NodeResourcesFit's NodeInfo). */
export function nodeUsage(tx: Tx): Map<string, NodeUsage> {
  const usage = new Map<string, NodeUsage>();
  for (const pod of tx.list<Pod>("Pod")) {
    const node = pod.spec.nodeName;
    if (!node || pod.status.phase === "Succeeded" || pod.status.phase === "Failed") continue;
    const u = usage.get(node) ?? { pods: 0, cpu: 0, memory: 0 };
    const r = podRequests(pod);
    usage.set(node, { pods: u.pods + 1, cpu: u.cpu + r.cpu, memory: u.memory + r.memory });
  }
  return usage;
}

function podRequests(pod: Pod): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const c of pod.spec.containers) {
    cpu += parseQuantity(c.resources?.requests?.cpu ?? 0) ?? 0;
    memory += parseQuantity(c.resources?.requests?.memory ?? 0) ?? 0;
  }
  return { cpu, memory };
}

function isReady(node: Node): boolean {
  return node.status.conditions.some((c) => c.type === "Ready" && c.status === "True");
}

/** What the filter plugins read of a node that does not depend on the pod: read once per pass. */
export interface NodeFacts {
  readonly node: Node;
  readonly name: string;
  /** NodeUnschedulable, then the not-ready taint: the reason, if either keeps every pod off. */
  readonly blocked?: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly pods: number;
  readonly cpu: number;
  readonly memory: number;
}

export function nodeFacts(tx: Tx): NodeFacts[] {
  return tx.list<Node>("Node").map((node) => {
    const alloc = node.status.allocatable;
    return {
      node,
      name: node.metadata.name,
      blocked: node.spec.unschedulable
        ? "node(s) were unschedulable"
        : isReady(node)
          ? undefined
          : "node(s) had untolerated taint {node.kubernetes.io/not-ready: }",
      labels: node.metadata.labels ?? {},
      pods: Number(alloc.pods ?? 110),
      cpu: parseQuantity(alloc.cpu ?? "0") ?? 0,
      memory: parseQuantity(alloc.memory ?? "0") ?? 0,
    };
  });
}

const FITS: readonly string[] = Object.freeze([]);

/**
 * The node-level filters (NodeUnschedulable, TaintToleration, NodeAffinity, NodeResourcesFit) for
 * one pod on one node: FITS (one shared empty list, nothing allocated) when it passes them all.
 */
function nodeReasons(
  f: NodeFacts,
  selector: readonly (readonly [string, string])[],
  u: Readonly<NodeUsage>,
  request: { cpu: number; memory: number },
): readonly string[] {
  const affinityMiss = selector.some(([k, v]) => f.labels[k] !== v);
  const tooManyPods = u.pods + 1 > f.pods;
  const cpuShort = request.cpu > 0 && u.cpu + request.cpu > f.cpu;
  const memoryShort = request.memory > 0 && u.memory + request.memory > f.memory;
  if (!f.blocked && !affinityMiss && !tooManyPods && !cpuShort && !memoryShort) return FITS;
  const reasons: string[] = [];
  if (f.blocked) reasons.push(f.blocked);
  if (affinityMiss) reasons.push("node(s) didn't match Pod's node affinity/selector");
  if (tooManyPods) reasons.push("Too many pods");
  if (cpuShort) reasons.push("Insufficient cpu");
  if (memoryShort) reasons.push("Insufficient memory");
  return reasons;
}

/** Scoring, [engine choice]: the feasible node running the fewest pods, then the first in creation order. */
function leastBusy(feasible: readonly string[], usage: Map<string, NodeUsage>): string | undefined {
  let chosen: string | undefined;
  let best = Number.POSITIVE_INFINITY;
  for (const name of feasible) {
    const pods = usage.get(name)?.pods ?? 0;
    if (pods < best) {
      best = pods;
      chosen = name;
    }
  }
  return chosen;
}

/** Runs the filter plugins for one pod against every node. Pure: the same record feeds events, `why` and the UI. */
export function evaluatePod(
  tx: Tx,
  pod: Pod,
  usage: Map<string, NodeUsage>,
  pvIndex: () => PvIndex = lazyPvIndex(tx),
  precomputed?: PodVolumes,
  facts: readonly NodeFacts[] = nodeFacts(tx),
): SchedulingVerdict {
  // VolumeBinding PreFilter (pkg/scheduler/framework/plugins/volumebinding).
  const volumes = precomputed ?? podVolumes(tx, pod);
  if (volumes.preFilter) return { preFilter: volumes.preFilter, nodes: [], volumes };
  const request = podRequests(pod);
  const rwopConflict = readWriteOncePodConflict(tx, pod);
  const selector = Object.entries(pod.spec.nodeSelector ?? {});
  const nodes = facts.map((f): NodeVerdict => {
    const reasons = [...nodeReasons(f, selector, usage.get(f.name) ?? NO_USAGE, request)];
    // Filter plugins stop at the first failure: VolumeRestrictions, then VolumeBinding, after NodeResourcesFit.
    if (reasons.length === 0 && rwopConflict) reasons.push(Messages.readWriteOncePodConflict);
    if (reasons.length === 0 && (volumes.bound.length > 0 || volumes.delayed.length > 0)) {
      const volumeReason = volumeFilter(tx, f.node, volumes, pvIndex);
      if (volumeReason) reasons.push(volumeReason);
    }
    return { node: f.name, reasons };
  });
  if (volumes.bindError) return { nodes, bindError: volumes.bindError, volumes };
  // The pod that had its WaitForFirstConsumer claims provisioned goes to the node assumed for it.
  const assumed = tx.storage.assumed?.[pod.metadata.uid];
  if (assumed && nodes.some((v) => v.node === assumed && v.reasons.length === 0))
    return { nodes, chosen: assumed, volumes };
  const feasible = nodes.filter((v) => v.reasons.length === 0).map((v) => v.node);
  return { nodes, chosen: leastBusy(feasible, usage), volumes };
}

/**
 * evaluatePod's choice for a pod without claims or an assumed node, without a verdict per node:
 * most pods of a busy cluster. Undefined when no node fits (evaluatePod then says why).
 */
function quickChoice(
  facts: readonly NodeFacts[],
  pod: Pod,
  usage: Map<string, NodeUsage>,
): string | undefined {
  const request = podRequests(pod);
  const selector = Object.entries(pod.spec.nodeSelector ?? {});
  const feasible: string[] = [];
  for (const f of facts)
    if (nodeReasons(f, selector, usage.get(f.name) ?? NO_USAGE, request) === FITS) feasible.push(f.name);
  return leastBusy(feasible, usage);
}

/** The volumes' index, built on first use (once per scheduling pass). */
export function lazyPvIndex(tx: Tx): () => PvIndex {
  let index: PvIndex | undefined;
  return () => {
    index ??= new PvIndex(tx.list<PersistentVolume>("PersistentVolume"));
    return index;
  };
}

/** FitError.Error (pkg/scheduler/framework/types.go) with the preemption post-filter's summary. */
export function failureMessage(verdict: SchedulingVerdict, nodeCount: number): string {
  if (verdict.bindError) return verdict.bindError;
  const preemption = (counts: string) => ` preemption: 0/${nodeCount} nodes are available: ${counts}.`;
  if (verdict.preFilter) {
    return `0/${nodeCount} nodes are available: ${verdict.preFilter}.${preemption(`${nodeCount} Preemption is not helpful for scheduling`)}`;
  }
  const counts = new Map<string, number>();
  let notHelpful = 0;
  for (const v of verdict.nodes) {
    for (const r of v.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
    if (v.reasons.some((r) => UNRESOLVABLE.has(r))) notHelpful++;
  }
  const reasons = [...counts.entries()].map(([r, n]) => `${n} ${r}`).sort();
  const victims = verdict.nodes.length - notHelpful;
  const parts = [
    ...(victims > 0 ? [`${victims} No preemption victims found for incoming pod`] : []),
    ...(notHelpful > 0 ? [`${notHelpful} Preemption is not helpful for scheduling`] : []),
  ];
  return `0/${nodeCount} nodes are available: ${reasons.join(", ")}.${preemption(parts.join(", "))}`;
}

export function reconcileScheduling(tx: Tx): void {
  let usage: Map<string, NodeUsage> | undefined;
  let pvIndex: (() => PvIndex) | undefined;
  let facts: NodeFacts[] | undefined;
  const assumed = tx.storage.assumed;
  if (assumed && Object.keys(assumed).length > 0) {
    // Forget assumptions about pods that are gone.
    const uids = new Set(tx.list<Pod>("Pod").map((p) => p.metadata.uid));
    for (const uid of Object.keys(assumed)) if (!uids.has(uid)) tx.setAssumed(uid, undefined);
  }
  for (const pod of tx.list<Pod>("Pod")) {
    if (pod.spec.nodeName || pod.metadata.deletionTimestamp) continue;
    if ((pod.spec.schedulerName ?? "default-scheduler") !== "default-scheduler") continue;
    const volumes = podVolumes(tx, pod);
    // A pod waits in PreBind while claims are provisioned for the node chosen (its own or another pod's).
    if (
      !volumes.preFilter &&
      !volumes.bindError &&
      volumes.delayed.length > 0 &&
      volumes.delayed.every((c) => c.metadata.annotations?.[ANN_SELECTED_NODE])
    )
      continue;
    usage ??= nodeUsage(tx);
    pvIndex ??= lazyPvIndex(tx);
    facts ??= nodeFacts(tx);
    const simple =
      !volumes.preFilter &&
      !volumes.bindError &&
      volumes.bound.length === 0 &&
      volumes.delayed.length === 0 &&
      tx.storage.assumed?.[pod.metadata.uid] === undefined;
    const quick = simple ? quickChoice(facts, pod, usage) : undefined;
    const verdict: SchedulingVerdict = quick
      ? { nodes: [], chosen: quick, volumes }
      : evaluatePod(tx, pod, usage, pvIndex, volumes, facts);
    const ns = pod.metadata.namespace ?? "default";
    if (verdict.chosen && verdict.volumes && verdict.volumes.delayed.length > 0) {
      // Reserve + PreBind: the pod waits (Pending, no node yet) until its volumes are bound or provisioned.
      const node = tx.get<Node>("Node", undefined, verdict.chosen);
      if (!node) continue;
      const ready = bindPodVolumes(tx, node, verdict.volumes, pvIndex);
      pvIndex = lazyPvIndex(tx);
      if (!ready) {
        if (tx.storage.assumed?.[pod.metadata.uid] !== verdict.chosen)
          tx.setAssumed(pod.metadata.uid, verdict.chosen);
        continue;
      }
    }
    if (verdict.chosen && tx.storage.assumed?.[pod.metadata.uid] !== undefined)
      tx.setAssumed(pod.metadata.uid, undefined);
    if (verdict.chosen) {
      const u = usage.get(verdict.chosen) ?? { pods: 0, cpu: 0, memory: 0 };
      const r = podRequests(pod);
      usage.set(verdict.chosen, { pods: u.pods + 1, cpu: u.cpu + r.cpu, memory: u.memory + r.memory });
      const conditions = setCondition(pod.status.conditions, {
        type: "PodScheduled",
        status: "True",
        lastProbeTime: null,
        lastTransitionTime: tx.now(),
      });
      tx.update<Pod>({
        ...pod,
        spec: { ...pod.spec, nodeName: verdict.chosen },
        status: { ...pod.status, conditions },
      });
      tx.event(pod, "Normal", Reason.Scheduled, Messages.scheduled(ns, pod.metadata.name, verdict.chosen), {
        component: Component.scheduler,
      });
      continue;
    }
    const message = failureMessage(verdict, verdict.nodes.length || tx.list("Node").length);
    const current = pod.status.conditions?.find((c) => c.type === "PodScheduled");
    if (current?.message === message) continue;
    const conditions = setCondition(pod.status.conditions, {
      type: "PodScheduled",
      status: "False",
      lastProbeTime: null,
      lastTransitionTime: tx.now(),
      reason: "Unschedulable",
      message,
    });
    tx.update<Pod>({ ...pod, status: { ...pod.status, phase: "Pending", conditions } });
    tx.event(pod, "Warning", Reason.FailedScheduling, message, { component: Component.scheduler });
  }
}

export function setCondition(conditions: PodCondition[] | undefined, next: PodCondition): PodCondition[] {
  const list = [...(conditions ?? [])];
  const i = list.findIndex((c) => c.type === next.type);
  if (i === -1) list.push(next);
  else {
    const prev = list[i];
    list[i] =
      prev && prev.status === next.status && prev.reason === next.reason && prev.message === next.message
        ? prev
        : next;
  }
  return list;
}
