// What a describer needs besides the object, fetched by the caller the way kubectl's describers list it.
import type { EndpointSlice, KubeEvent, Pod, ReplicaSet } from "@kubejam/engine";

export interface DescribeRelated {
  /**
   * Events; each describer keeps those about its object (describe.go: searchEvents). Undefined with
   * `--show-events=false`: no Events section at all.
   */
  events: readonly KubeEvent[] | undefined;
  /** ReplicaSet describe: pods to count in "Pods Status" (only those it controls count). */
  pods?: readonly Pod[];
  /** Deployment describe: ReplicaSets to sort into OldReplicaSets / NewReplicaSet (only those it controls). */
  replicaSets?: readonly ReplicaSet[];
  /** Node describe: pods scheduled to the node (Succeeded and Failed ones are skipped). */
  nodePods?: readonly Pod[];
  /** Service describe: the EndpointSlices labelled with its name (kubernetes.io/service-name). */
  endpointSlices?: readonly EndpointSlice[];
}
