import { MINUTE } from "../runtime/time";
import type { Tx } from "../store/tx";
import { reconcileDeployments } from "./deployment";
import { reconcileEndpointSlices } from "./endpoint-slices";
import { reconcileEndpoints } from "./endpoints";
import { reconcileGarbage } from "./garbage-collector";
import { reconcileKubelet } from "./kubelet/kubelet";
import { reconcileNamespaces } from "./namespace";
import { reconcileReplicaSets } from "./replicaset";
import { reconcileRootCa } from "./root-ca-publisher";
import { reconcileScheduling } from "./scheduler";
import { reconcileLoadBalancers } from "./service-load-balancer";
import { reconcileAttachDetach } from "./storage/attach-detach";
import { reconcileProtection } from "./storage/protection";
import { reconcileProvisioner } from "./storage/provisioner";
import { reconcileClaims, reconcileVolumes } from "./storage/pv-controller";

/** The controllers, in the order one pass runs them. Each looks at the whole state (level-triggered). */
export const CONTROLLERS = [
  reconcileNamespaces,
  reconcileRootCa,
  reconcileGarbage,
  reconcileDeployments,
  reconcileReplicaSets,
  reconcileVolumes,
  reconcileClaims,
  reconcileProvisioner,
  reconcileScheduling,
  reconcileAttachDetach,
  reconcileKubelet,
  reconcileProtection,
  reconcileEndpoints,
  reconcileEndpointSlices,
  reconcileLoadBalancers,
] as const;

/** A pass limit: reaching it means a controller never settles, which is an engine bug. */
export const MAX_PASSES = 200;
/** How far a command lets virtual time run for pending timers (image pulls, restarts, grace periods). */
export const SETTLE_WINDOW = MINUTE;

export class SettleError extends Error {}

/** Runs the controllers to a fixed point at the current instant. */
export function reconcileNow(tx: Tx): void {
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const before = tx.changes;
    for (const controller of CONTROLLERS) controller(tx);
    if (tx.changes === before) return;
  }
  throw new SettleError(`controllers did not settle after ${MAX_PASSES} passes`);
}

/** The next kubelet timer, if any; with `controllers`, controllers' deadlines too. */
export function nextTimer(tx: Tx, controllers = false): number | undefined {
  let t: number | undefined;
  for (const key in tx.kubelet) {
    const w = tx.kubelet[key]?.wake;
    if (w !== undefined && (t === undefined || w < t)) t = w;
  }
  // Storage operations (provisioning, attaching) take seconds: every command waits for them.
  const ops = tx.storage.ops;
  for (const key in ops) {
    const w = ops[key];
    if (w !== undefined && (t === undefined || w < t)) t = w;
  }
  if (controllers) {
    for (const key in tx.timers) {
      const w = tx.timers[key];
      if (w !== undefined && w > tx.clock && (t === undefined || w < t)) t = w;
    }
  }
  return t;
}

/**
 * Settles the cluster after a command: reconcile, then let virtual time run to each pending timer
 * within the window, so pulls finish, containers start and crash loops back off as they would
 * in the minute after a real `kubectl apply`.
 */
export function settle(tx: Tx, windowMs: number = SETTLE_WINDOW, controllers = false): void {
  const end = tx.clock + windowMs;
  reconcileNow(tx);
  for (let step = 0; step < 10_000; step++) {
    const next = nextTimer(tx, controllers);
    // A timer at or before now that reconciling did not clear would spin: stop there.
    if (next === undefined || next > end || next <= tx.clock) return;
    tx.clock = next;
    reconcileNow(tx);
  }
}

/** Lets `ms` of virtual time pass, running every timer on the way (`kjctl` and tests use it). */
export function advanceBy(tx: Tx, ms: number): void {
  const end = tx.clock + ms;
  settle(tx, ms, true);
  tx.clock = Math.max(tx.clock, end);
  reconcileNow(tx);
}
