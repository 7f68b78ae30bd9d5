import type { Namespace, Node } from "../api/cluster-kinds";
import { reconcileRootCa } from "../controllers/root-ca-publisher";
import { settle } from "../controllers/settle";
import { cidrSize, cidrsOverlap, formatCidr, formatIp, nthSubnet, parseCidr } from "../network/cidr";
import { applyManifests, type ManifestFile } from "../ops/apply";
import { seedPrng } from "../runtime/prng";
import { DEFAULT_EPOCH } from "../runtime/time";
import type { ClusterState } from "../store/state";
import { Tx } from "../store/tx";
import { addStorageClasses } from "./storage-classes";
import { createSystemObjects } from "./system-objects";
import { MACHINE_TYPES, podSlicePrefix, type Topology, type TopologyInput, TopologySchema } from "./topology";

export interface CreateClusterOptions {
  seed?: number;
  topology?: TopologyInput;
  /** The operator's objects the cluster starts with (StorageClasses, PersistentVolumes, namespaces...). */
  manifests?: ManifestFile[];
  /** Virtual time of cluster creation; defaults to a fixed instant so output is reproducible. */
  now?: number;
}

export type CreateClusterResult = { ok: true; state: ClusterState } | { ok: false; errors: string[] };

/** Checks a topology as `gcloud container clusters create` would before any VM exists. */
export function checkTopology(t: Topology): string[] {
  const errors: string[] = [];
  const nodes = parseCidr(t.nodeRange);
  const pods = parseCidr(t.podRange);
  const services = parseCidr(t.serviceRange);
  if (!nodes)
    errors.push(
      `Invalid value for field 'subnetwork.ipCidrRange': '${t.nodeRange}'. Invalid IPv4 CIDR range.`,
    );
  if (!pods)
    errors.push(`Invalid value for field 'clusterIpv4CidrBlock': '${t.podRange}'. Invalid IPv4 CIDR range.`);
  if (!services)
    errors.push(
      `Invalid value for field 'servicesIpv4CidrBlock': '${t.serviceRange}'. Invalid IPv4 CIDR range.`,
    );
  if (!nodes || !pods || !services) return errors;
  const ranges: [string, typeof nodes][] = [
    ["node", nodes],
    ["pod", pods],
    ["service", services],
  ];
  for (let i = 0; i < ranges.length; i++) {
    for (let j = i + 1; j < ranges.length; j++) {
      const [an, a] = ranges[i] ?? ["", nodes];
      const [bn, b] = ranges[j] ?? ["", nodes];
      if (cidrsOverlap(a, b))
        errors.push(`The ${an} range ${formatCidr(a)} overlaps the ${bn} range ${formatCidr(b)}.`);
    }
  }
  // A GCE subnet reserves four addresses: network, gateway, second-to-last and broadcast.
  const usableNodeAddresses = cidrSize(nodes) - 4;
  if (t.nodeCount > usableNodeAddresses) {
    errors.push(
      `The subnet's primary range ${t.nodeRange} has ${usableNodeAddresses} usable addresses, too few for ${t.nodeCount} nodes.`,
    );
  }
  const slice = podSlicePrefix(t.maxPodsPerNode);
  const slices = slice < pods.prefix ? 0 : 2 ** (slice - pods.prefix);
  if (t.nodeCount > slices) {
    errors.push(
      `Insufficient Pod address range: ${t.podRange} holds ${slices} /${slice} ranges (max pods per node ${t.maxPodsPerNode}), too few for ${t.nodeCount} nodes.`,
    );
  }
  if (!MACHINE_TYPES[t.machineType]) errors.push(`Invalid machine type '${t.machineType}'.`);
  return errors;
}

export function createCluster(options: CreateClusterOptions = {}): CreateClusterResult {
  const parsed = TopologySchema.safeParse(options.topology ?? {});
  if (!parsed.success)
    return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
  const topology = parsed.data;
  const errors = checkTopology(topology);
  if (errors.length > 0) return { ok: false, errors };

  const empty: ClusterState = {
    schemaVersion: 1,
    clock: options.now ?? DEFAULT_EPOCH,
    prng: seedPrng(options.seed ?? 1),
    resourceVersion: 0,
    topology,
    objects: {},
    fs: {},
    kubelet: {},
    ipam: {},
    timers: {},
    affinity: {},
  };
  const tx = new Tx(empty);
  for (const name of ["default", "kube-node-lease", "kube-public", "kube-system"]) {
    tx.create<Namespace>({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name, labels: { "kubernetes.io/metadata.name": name } },
      spec: { finalizers: ["kubernetes"] },
      status: { phase: "Active" },
    });
  }
  addNodes(tx, topology);
  createSystemObjects(tx, topology);
  if (topology.defaultStorageClasses) addStorageClasses(tx, topology);
  reconcileRootCa(tx);
  // kube-dns comes up before anyone else uses the cluster.
  settle(tx);
  const state = tx.commit();
  if (!options.manifests || options.manifests.length === 0) return { ok: true, state };
  const applied = applyManifests(state, options.manifests);
  const failed = applied.results.flatMap((r) => (r.ok ? [] : [r.diagnostic.message]));
  if (failed.length > 0) return { ok: false, errors: failed };
  return { ok: true, state: applied.state };
}

function addNodes(tx: Tx, t: Topology): void {
  const nodeRange = parseCidr(t.nodeRange);
  const podRange = parseCidr(t.podRange);
  const machine = MACHINE_TYPES[t.machineType];
  if (!nodeRange || !podRange || !machine) return;
  // One managed instance group per zone, each with its own 8-hex id, as GKE names them.
  const groupIds = t.zones.map(() => tx.ids.hex(8));
  const slicePrefix = podSlicePrefix(t.maxPodsPerNode);
  for (let i = 0; i < t.nodeCount; i++) {
    const zoneIndex = i % t.zones.length;
    const zone = t.zones[zoneIndex] ?? t.region;
    const name = `gke-${t.clusterName}-${t.nodePool}-${groupIds[zoneIndex]}-${tx.ids.suffix(4)}`;
    const internalIp = formatIp(nodeRange.base + 2 + i); // .0 network, .1 gateway
    const externalIp = `34.${118 + tx.ids.below(40)}.${tx.ids.below(256)}.${1 + tx.ids.below(254)}`;
    const podCidr = nthSubnet(podRange, slicePrefix, i);
    if (!podCidr) continue;
    const podCIDR = formatCidr(podCidr);
    const now = tx.now();
    tx.create<Node>({
      apiVersion: "v1",
      kind: "Node",
      metadata: {
        name,
        labels: {
          "beta.kubernetes.io/arch": "amd64",
          "beta.kubernetes.io/instance-type": t.machineType,
          "beta.kubernetes.io/os": "linux",
          "cloud.google.com/gke-nodepool": t.nodePool,
          "cloud.google.com/gke-os-distribution": "cos",
          "cloud.google.com/machine-family": t.machineType.split("-")[0] ?? "e2",
          "failure-domain.beta.kubernetes.io/region": t.region,
          "failure-domain.beta.kubernetes.io/zone": zone,
          "kubernetes.io/arch": "amd64",
          "kubernetes.io/hostname": name,
          "kubernetes.io/os": "linux",
          "node.kubernetes.io/instance-type": t.machineType,
          "topology.gke.io/zone": zone,
          "topology.kubernetes.io/region": t.region,
          "topology.kubernetes.io/zone": zone,
        },
        annotations: {
          "container.googleapis.com/instance_id": String(
            1000000000000000000n + BigInt(tx.ids.uint32()) * 1000n,
          ),
          "node.alpha.kubernetes.io/ttl": "0",
          "volumes.kubernetes.io/controller-managed-attach-detach": "true",
        },
      },
      spec: { podCIDR, podCIDRs: [podCIDR], providerID: `gce://${t.project}/${zone}/${name}` },
      status: {
        capacity: {
          cpu: machine.cpu,
          "ephemeral-storage": "98831908Ki",
          memory: machine.memory,
          pods: String(t.maxPodsPerNode),
        },
        allocatable: {
          cpu: machine.allocatableCpu,
          "ephemeral-storage": "47060071478",
          memory: machine.allocatableMemory,
          pods: String(t.maxPodsPerNode),
        },
        conditions: [
          {
            type: "MemoryPressure",
            status: "False",
            reason: "KubeletHasSufficientMemory",
            message: "kubelet has sufficient memory available",
            lastHeartbeatTime: now,
            lastTransitionTime: now,
          },
          {
            type: "DiskPressure",
            status: "False",
            reason: "KubeletHasNoDiskPressure",
            message: "kubelet has no disk pressure",
            lastHeartbeatTime: now,
            lastTransitionTime: now,
          },
          {
            type: "PIDPressure",
            status: "False",
            reason: "KubeletHasSufficientPID",
            message: "kubelet has sufficient PID available",
            lastHeartbeatTime: now,
            lastTransitionTime: now,
          },
          {
            type: "Ready",
            status: "True",
            reason: "KubeletReady",
            message: "kubelet is posting ready status",
            lastHeartbeatTime: now,
            lastTransitionTime: now,
          },
        ],
        addresses: [
          { type: "InternalIP", address: internalIp },
          { type: "ExternalIP", address: externalIp },
          { type: "Hostname", address: name },
        ],
        nodeInfo: {
          kubeletVersion: t.version,
          kubeProxyVersion: t.version,
          osImage: "Container-Optimized OS from Google",
          kernelVersion: "6.6.56+",
          containerRuntimeVersion: "containerd://2.0.4",
          operatingSystem: "linux",
          architecture: "amd64",
        },
        images: [],
      },
    });
    tx.ipam[name] = { next: 2, used: {} };
  }
}
