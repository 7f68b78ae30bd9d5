/** The storage controllers' bookkeeping beyond what objects show (the external provisioner's and attach/detach's memory). */
export interface StorageRuntime {
  /** Operations in flight, by key (`provision/<claim uid>`, `attach/<pv>`, `detach/<pv>`, `delete/<pv>`): when each completes. */
  ops: Record<string, number>;
  /** Disks attached to nodes: `<PersistentVolume name>@<node name>` → node name. */
  attached: Record<string, string>;
  /**
   * The device each attached disk is on its node, by the same key (`/dev/sdb`). Optional: states
   * saved before it existed name their disks by pod (see volume-setup.ts).
   */
  devices?: Record<string, string>;
  /** Provisioning that failed for good: claim uid → message (the provisioner does not retry in the simulation). */
  failed: Record<string, string>;
  /** Pods the scheduler assumed onto a node while their WaitForFirstConsumer claims are provisioned: pod uid → node. */
  assumed?: Record<string, string>;
}

export const emptyStorageRuntime = (): StorageRuntime => ({ ops: {}, attached: {}, failed: {} });
