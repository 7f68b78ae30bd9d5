import { advanceBy, reconcileNow } from "../controllers/settle";
import type { ClusterState } from "../store/state";
import { Tx } from "../store/tx";

/** Lets virtual time pass: every pull, restart and grace period due on the way happens. */
export function advance(state: ClusterState, ms: number): ClusterState {
  const tx = new Tx(state);
  advanceBy(tx, ms);
  return tx.commit();
}

/**
 * Runs the controllers to a fixed point at the current instant (no time passes). A state that is
 * already at rest comes back as the very same object.
 */
export function reconcile(state: ClusterState): ClusterState {
  const tx = new Tx(state);
  reconcileNow(tx);
  return tx.changes === 0 ? state : tx.commit();
}
