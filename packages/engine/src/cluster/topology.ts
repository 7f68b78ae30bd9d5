import { z } from "zod";

// The shape of a simulated GKE Standard cluster. Defaults follow a VPC-native regional cluster in
// an auto-mode VPC (GKE docs: concepts/alias-ips, how-to/flexible-pod-cidr).
export const TopologySchema = z.strictObject({
  clusterName: z.string().default("kubejam"),
  project: z.string().default("kubejam-lab"),
  region: z.string().default("us-central1"),
  zones: z.array(z.string()).min(1).default(["us-central1-a", "us-central1-b", "us-central1-c"]),
  network: z.string().default("default"),
  subnet: z.string().default("default"),
  /** The subnet's primary range: node addresses. */
  nodeRange: z.string().default("10.128.0.0/20"),
  /** The subnet's secondary range for pods (alias IPs); each node gets a slice. */
  podRange: z.string().default("10.8.0.0/14"),
  /** The secondary range for Services' ClusterIPs. */
  serviceRange: z.string().default("10.12.0.0/20"),
  nodePool: z.string().default("default-pool"),
  nodeCount: z.number().int().min(0).max(64).default(3),
  maxPodsPerNode: z.number().int().min(8).max(256).default(110),
  machineType: z.string().default("e2-medium"),
  version: z.string().default("v1.33.5-gke.1080000"),
  /** GKE's StorageClasses (standard-rwo as the default, premium-rwo, standard); false starts with none. */
  defaultStorageClasses: z.boolean().default(true),
  /**
   * The Filestore instances (NFS servers) the VPC holds: an `nfs` volume or PersistentVolume mounts
   * one of their shares, or a directory in one; any other server or path fails to mount, as
   * mount.nfs says. The default is the course's instance, with the shares the lessons use.
   */
  filestore: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        address: z.string().min(1),
        shares: z.array(z.string().regex(/^\/[^/]+$/, "a share is one path segment, e.g. /vol1")).min(1),
      }),
    )
    .default([{ name: "filestore-1", address: "10.76.0.2", shares: ["/notes", "/vol1"] }]),
});
export type Topology = z.infer<typeof TopologySchema>;
export type TopologyInput = z.input<typeof TopologySchema>;

// GKE: how-to/flexible-pod-cidr, "Pod CIDR ranges per node": the slice holds twice the max pods.
export function podSlicePrefix(maxPodsPerNode: number): number {
  if (maxPodsPerNode <= 8) return 28;
  if (maxPodsPerNode <= 16) return 27;
  if (maxPodsPerNode <= 32) return 26;
  if (maxPodsPerNode <= 64) return 25;
  if (maxPodsPerNode <= 128) return 24;
  return 23;
}

export const MACHINE_TYPES: Record<
  string,
  { cpu: string; memory: string; allocatableCpu: string; allocatableMemory: string }
> = {
  "e2-medium": { cpu: "2", memory: "4015852Ki", allocatableCpu: "940m", allocatableMemory: "2869036Ki" },
  "e2-standard-2": { cpu: "2", memory: "8145396Ki", allocatableCpu: "1930m", allocatableMemory: "6044660Ki" },
  "e2-standard-4": {
    cpu: "4",
    memory: "16383416Ki",
    allocatableCpu: "3920m",
    allocatableMemory: "13522360Ki",
  },
};
