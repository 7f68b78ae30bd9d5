import { MINUTE } from "../runtime/time";
import type { RuntimeArea, Tx } from "../store/tx";
import { reconcileDeployments } from "./deployment";
import { reconcileEndpointSlices } from "./endpoint-slices";
import { reconcileEndpoints } from "./endpoints";
import { reconcileGarbage } from "./garbage-collector";
import { reconcileKubelet } from "./kubelet/kubelet";
import { reconcileNamespaces } from "./namespace";
import { reconcileNodeLifecycle } from "./node-lifecycle";
import { reconcileReplicaSets } from "./replicaset";
import { reconcileRootCa } from "./root-ca-publisher";
import { reconcileScheduling } from "./scheduler";
import { reconcileLoadBalancers } from "./service-load-balancer";
import { reconcileAttachDetach } from "./storage/attach-detach";
import { reconcileProtection } from "./storage/protection";
import { reconcileProvisioner } from "./storage/provisioner";
import { reconcileClaims, reconcileVolumes } from "./storage/pv-controller";

/**
 * A controller and what it watches, as its informers would: it runs in a pass only when an object
 * of a kind it watches changed (or, with `clock`, virtual time moved; with `runtime`, that
 * bookkeeping changed) since it last ran in this operation. Controllers are level-triggered, so
 * running one whose inputs did not change changes nothing: the skip only saves time, and
 * test/controller-inputs.test.ts proves it gives the same bytes as running every controller.
 */
export interface Controller {
  readonly run: (tx: Tx) => void;
  /** Kinds whose changes may give it work; "all" for any object. */
  readonly watches: readonly string[] | "all";
  /** It acts on deadlines: it runs whenever virtual time has moved. */
  readonly clock?: boolean;
  readonly runtime?: readonly RuntimeArea[];
  /** It runs when a write may have left garbage (Tx.lifecycleChanges), whatever the kind. */
  readonly lifecycle?: boolean;
}

const STORAGE_INPUTS = [
  "Pod",
  "Node",
  "Namespace",
  "PersistentVolume",
  "PersistentVolumeClaim",
  "StorageClass",
];
const storage = (run: (tx: Tx) => void): Controller => ({
  run,
  watches: STORAGE_INPUTS,
  clock: true,
  runtime: ["storage"],
});

/** The controllers, in the order one pass runs them. Each looks at the whole state (level-triggered). */
export const CONTROLLERS: readonly Controller[] = [
  { run: reconcileNamespaces, watches: "all" },
  { run: reconcileRootCa, watches: ["Namespace", "ConfigMap"] },
  { run: reconcileNodeLifecycle, watches: ["Node"] },
  // Owners and finalizers, not statuses: the Pod updates of a big rollout do not wake it.
  { run: reconcileGarbage, watches: [], lifecycle: true },
  // It reads ReplicaSets' counts, never Pods: a pod's change reaches it through its ReplicaSet's status.
  { run: reconcileDeployments, watches: ["Deployment", "ReplicaSet"] },
  { run: reconcileReplicaSets, watches: ["ReplicaSet", "Pod"] },
  storage(reconcileVolumes),
  storage(reconcileClaims),
  storage(reconcileProvisioner),
  {
    run: reconcileScheduling,
    watches: ["Pod", "Node", "PersistentVolume", "PersistentVolumeClaim", "StorageClass"],
    runtime: ["storage"],
  },
  storage(reconcileAttachDetach),
  {
    run: reconcileKubelet,
    watches: [
      "Pod",
      "Node",
      "Namespace",
      "ConfigMap",
      "Secret",
      "PersistentVolumeClaim",
      "PersistentVolume",
      "Service",
    ],
    clock: true,
    runtime: ["kubelet", "storage"],
  },
  { run: reconcileProtection, watches: ["Pod", "PersistentVolume", "PersistentVolumeClaim"] },
  { run: reconcileEndpoints, watches: ["Service", "Pod", "Node", "Endpoints"] },
  { run: reconcileEndpointSlices, watches: ["Service", "Pod", "Node", "EndpointSlice"] },
  { run: reconcileLoadBalancers, watches: ["Service", "Node"], clock: true, runtime: ["timers"] },
];

/** A number that grows whenever anything the controller watches changes. */
function inputVersion(tx: Tx, c: Controller): number {
  let v = 0;
  if (c.watches === "all") v = tx.objectChanges;
  else for (const kind of c.watches) v += tx.kindChanges.get(kind) ?? 0;
  if (c.clock) v += tx.clock;
  if (c.runtime) for (const area of c.runtime) v += tx.runtimeChanges[area];
  if (c.lifecycle) v += tx.lifecycleChanges;
  return v;
}

let skipUnchanged = true;

/** Test hook: run every controller in every pass, to prove skipping unchanged ones changes nothing. */
export function runEveryControllerEveryPass(on: boolean): void {
  skipUnchanged = !on;
}

/** A pass limit: reaching it means a controller never settles, which is an engine bug. */
export const MAX_PASSES = 200;
/** How far a command lets virtual time run for pending timers (image pulls, restarts, grace periods). */
export const SETTLE_WINDOW = MINUTE;

export class SettleError extends Error {}

/**
 * A controller's input version when it last ran. On a state committed at the fixed point (see
 * store/settled.ts), every controller is as if it had just run on the operation's starting state:
 * every counter at zero, the clock where it was.
 */
function lastInputVersion(tx: Tx, c: Controller): number | undefined {
  const known = tx.controllerInputs.get(c);
  if (known !== undefined || !tx.startedSettled) return known;
  return c.clock ? tx.startClock : 0;
}

/** Runs the controllers to a fixed point at the current instant. */
export function reconcileNow(tx: Tx): void {
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const before = tx.changes;
    for (const controller of CONTROLLERS) {
      const version = inputVersion(tx, controller);
      if (skipUnchanged && lastInputVersion(tx, controller) === version) continue;
      tx.controllerInputs.set(controller, version);
      controller.run(tx);
    }
    if (tx.changes === before) {
      tx.reachedFixedPoint();
      return;
    }
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
