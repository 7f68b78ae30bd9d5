import type { KubeObject } from "../api/meta";
import type { Topology } from "../cluster/topology";
import type { PodRuntime } from "../controllers/kubelet/pod-runtime";
import type { StorageRuntime } from "../controllers/storage/storage-runtime";
import type { FsNode } from "../fs/tree";
import type { PrngState } from "../runtime/prng";

/** The whole simulated cluster: plain JSON, so it can be saved, sent to a worker and restored. */
export interface ClusterState {
  schemaVersion: 1;
  /** Virtual time, ms since the Unix epoch. */
  clock: number;
  prng: PrngState;
  /** The last resourceVersion handed out (etcd's revision). */
  resourceVersion: number;
  topology: Topology;
  /** Objects by `Kind/namespace/name`, in creation order. */
  objects: Record<string, KubeObject>;
  /** File systems: container writable layers and volumes, by id. */
  fs: Record<string, FsNode>;
  /** The kubelets' private bookkeeping, by pod key. */
  kubelet: Record<string, PodRuntime>;
  /** Pod IP allocation per node: the next offset in its podCIDR and the addresses in use. */
  ipam: Record<string, { next: number; used: Record<string, string> }>;
  /**
   * Controllers' deadlines in virtual time (a load balancer being created, say), by key. Commands do
   * not wait for them; letting time pass (`advance`) runs them. Absent in states saved before them.
   */
  timers?: Record<string, number>;
  /** kube-proxy's ClientIP session affinity: the backend each client was sent to, until when. */
  affinity?: Record<string, { endpoint: string; until: number }>;
  /** The storage controllers' bookkeeping: operations in flight, attached disks (absent in older saved states). */
  storage?: StorageRuntime;
}
