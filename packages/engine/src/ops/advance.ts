import { advanceBy, settle } from "../controllers/settle";
import type { ClusterState } from "../store/state";
import { Tx } from "../store/tx";

/** Lets virtual time pass: every pull, restart and grace period due on the way happens. */
export function advance(state: ClusterState, ms: number): ClusterState {
  const tx = new Tx(state);
  advanceBy(tx, ms);
  return tx.commit();
}

/** Runs the controllers to rest (a restored snapshot, or a state built by hand). */
export function reconcile(state: ClusterState): ClusterState {
  const tx = new Tx(state);
  settle(tx);
  return tx.commit();
}
