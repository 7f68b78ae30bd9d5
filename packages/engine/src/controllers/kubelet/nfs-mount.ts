import type { Topology } from "../../cluster/topology";
import { resolveSegments } from "../../fs/tree";

/** Why mount.nfs fails for `server:path`, in its own words; the code names the cause for `why`. */
export type NfsMountFailure =
  | { cause: "nfs-server-unreachable"; output: string }
  | { cause: "nfs-path-not-exported"; output: string };

/**
 * Whether the cluster's VPC has an NFS server at `server` that exports `path` (a Filestore share or a
 * directory inside one). A state saved before the cluster knew its Filestore instances mounts anything.
 */
export function nfsMountFailure(
  topology: Partial<Pick<Topology, "filestore">>,
  server: string,
  path: string,
): NfsMountFailure | undefined {
  const instances = topology.filestore;
  if (!instances) return undefined;
  const instance = instances.find((i) => i.address === server);
  // No server answers: mount.nfs gives up after its two-minute retry.
  if (!instance) return { cause: "nfs-server-unreachable", output: "mount.nfs: Connection timed out" };
  const share = resolveSegments("/", path)[0];
  if (share !== undefined && instance.shares.includes(`/${share}`)) return undefined;
  return {
    cause: "nfs-path-not-exported",
    output: `mount.nfs: access denied by server while mounting ${server}:${path}`,
  };
}

/**
 * The kubelet's event for a failed NFS mount (mount-utils doMount through systemd-run, as on GKE's
 * nodes, wrapped by the operation executor's MountVolume.SetUp).
 */
export function nfsMountFailedMessage(
  podUid: string,
  volume: string,
  server: string,
  path: string,
  readOnly: boolean,
  failure: NfsMountFailure,
): string {
  const target = `/var/lib/kubelet/pods/${podUid}/volumes/kubernetes.io~nfs/${volume}`;
  return [
    `MountVolume.SetUp failed for volume "${volume}" : mount failed: exit status 32`,
    "Mounting command: systemd-run",
    `Mounting arguments: --description=Kubernetes transient mount for ${target} --scope -- mount -t nfs ${readOnly ? "-o ro " : ""}${server}:${path} ${target}`,
    `Output: ${failure.output}`,
  ].join("\n");
}

/** Every `server:/share` the cluster's Filestore instances export, for a learner looking for the right one. */
export function nfsExports(topology: Partial<Pick<Topology, "filestore">>): string[] {
  return (topology.filestore ?? []).flatMap((i) => i.shares.map((share) => `${i.address}:${share}`));
}
