import type { ClusterState } from "./state";

/**
 * The states an operation committed at a fixed point of the controllers: the last reconcile pass
 * changed nothing and nothing was written after it. Controllers are level-triggered, so on such a
 * state none of them has work until one of its inputs changes; the next operation's first pass may
 * skip them as later passes do (controllers/settle.ts). Kept beside the state, never in it: a state
 * read back from JSON is simply not known to be settled, and its first pass runs every controller.
 */
const SETTLED = new WeakSet<ClusterState>();

export function isSettled(state: ClusterState): boolean {
  return SETTLED.has(state);
}

export function markSettled(state: ClusterState): void {
  SETTLED.add(state);
}
