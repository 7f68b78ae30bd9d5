// A serialisable picture of the cluster for diagrams: the VPC and its ranges, nodes and their pod
// ranges, pods with IPs, containers, volumes and mounts, and (when objects of those kinds exist)
// PVC -> PV -> StorageClass bindings and Service -> endpoint edges. Pure: it only reads the state.
// Kinds that other parts of the engine own (storage, Services) are read field by field, so the picture
// grows with the engine without a change here.
import type { Node } from "../api/cluster-kinds";
import type { KubeObject } from "../api/meta";
import type { Pod, Volume } from "../api/pod";
import { explainPod } from "../ops/why";
import { objectKey } from "../store/object-key";
import { listObjects } from "../store/queries";
import type { ClusterState } from "../store/state";

/** How a thing should look: running as asked, waiting for something, or broken. */
export type Health = "ok" | "pending" | "failed";

export interface GraphVpc {
  project: string;
  network: string;
  region: string;
  subnet: string;
  /** The subnet's primary range (node addresses). */
  nodeRange: string;
  /** The secondary range pods take their IPs from. */
  podRange: string;
  /** The secondary range for Services' ClusterIPs. */
  serviceRange: string;
}

export interface GraphNode {
  id: string;
  name: string;
  zone: string;
  internalIp: string;
  podCIDR: string;
  health: Health;
}

export interface GraphContainer {
  name: string;
  image: string;
  ready: boolean;
  /** running, waiting or terminated, as the kubelet reports it. */
  state: "running" | "waiting" | "terminated" | "unknown";
  /** The waiting or terminated reason, e.g. `ContainerCreating`, `CrashLoopBackOff`, `Completed`. */
  reason?: string;
  ports: { containerPort: number; name?: string; protocol: string }[];
}

export interface GraphMount {
  container: string;
  mountPath: string;
  readOnly: boolean;
  subPath?: string;
}

export interface GraphVolume {
  name: string;
  /** The volume source's field name: emptyDir, persistentVolumeClaim, nfs, hostPath, configMap, … */
  type: string;
  /** A short description of the source: the claim's name, `server:/path`, a medium. */
  detail: string;
  /** The PVC's object id for `persistentVolumeClaim` volumes. */
  claimId?: string;
  /** Volumes the system adds (the service account token). */
  system: boolean;
  mounts: GraphMount[];
}

export interface GraphPod {
  id: string;
  name: string;
  namespace: string;
  nodeId?: string;
  ip?: string;
  phase: string;
  health: Health;
  /** Why the pod is not running, in the engine's own (kubectl's) words. */
  why?: string;
  containers: GraphContainer[];
  volumes: GraphVolume[];
  ownerKind?: string;
  ownerName?: string;
}

export interface GraphClaim {
  id: string;
  name: string;
  namespace: string;
  phase: string;
  health: Health;
  storageClassName?: string;
  request?: string;
  volumeName?: string;
  accessModes: string[];
}

export interface GraphPersistentVolume {
  id: string;
  name: string;
  phase: string;
  health: Health;
  capacity?: string;
  storageClassName?: string;
  claim?: { namespace: string; name: string };
  reclaimPolicy?: string;
  accessModes: string[];
  /** The volume source's field name: nfs, gcePersistentDisk, csi, hostPath, local. */
  source?: string;
}

export interface GraphStorageClass {
  id: string;
  name: string;
  provisioner: string;
  volumeBindingMode: string;
  reclaimPolicy: string;
  isDefault: boolean;
}

export interface GraphService {
  id: string;
  name: string;
  namespace: string;
  type: string;
  clusterIP?: string;
  ports: string[];
  /** A LoadBalancer's external address once Google Cloud gave it one; `pending` until then. */
  loadBalancer?: { ip: string } | "pending";
  health: Health;
  /** Endpoint addresses as `ip:port` (from the Endpoints or EndpointSlice objects the engine keeps). */
  endpoints: string[];
}

export type GraphEdgeKind = "uses-claim" | "bound-to" | "of-class" | "endpoint";

export interface GraphEdge {
  id: string;
  kind: GraphEdgeKind;
  from: string;
  to: string;
  label?: string;
}

export interface ClusterGraph {
  vpc: GraphVpc;
  clusterName: string;
  nodes: GraphNode[];
  pods: GraphPod[];
  claims: GraphClaim[];
  persistentVolumes: GraphPersistentVolume[];
  storageClasses: GraphStorageClass[];
  services: GraphService[];
  edges: GraphEdge[];
}

type Loose = Record<string, unknown>;

function rec(v: unknown): Loose {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Loose) : {};
}
function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}
function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
function strings(v: unknown): string[] {
  return arr(v).filter((x): x is string => typeof x === "string");
}

const ZONE_LABEL = "topology.kubernetes.io/zone";
const DEFAULT_CLASS = "storageclass.kubernetes.io/is-default-class";
// Waiting reasons the kubelet reports for containers that cannot start (pkg/kubelet/images, kuberuntime).
const BROKEN_WAITING = new Set([
  "CrashLoopBackOff",
  "ErrImagePull",
  "ImagePullBackOff",
  "InvalidImageName",
  "CreateContainerConfigError",
  "CreateContainerError",
  "RunContainerError",
]);

function nodeGraph(node: Node): GraphNode {
  const ready = node.status.conditions.some((c) => c.type === "Ready" && c.status === "True");
  return {
    id: objectKey("Node", undefined, node.metadata.name),
    name: node.metadata.name,
    zone: node.metadata.labels?.[ZONE_LABEL] ?? "",
    internalIp: node.status.addresses.find((a) => a.type === "InternalIP")?.address ?? "",
    podCIDR: node.spec.podCIDR,
    health: ready && !node.spec.unschedulable ? "ok" : "pending",
  };
}

function volumeSource(v: Volume): { type: string; detail: string } {
  const { name: _name, ...sources } = v;
  const type = Object.keys(sources)[0] ?? "unknown";
  if (v.persistentVolumeClaim) return { type, detail: v.persistentVolumeClaim.claimName };
  if (v.nfs) return { type, detail: `${v.nfs.server}:${v.nfs.path}` };
  if (v.hostPath) return { type, detail: v.hostPath.path };
  if (v.emptyDir) return { type, detail: v.emptyDir.medium === "Memory" ? "Memory" : "" };
  if (v.gcePersistentDisk) return { type, detail: v.gcePersistentDisk.pdName };
  const inner = rec((sources as Loose)[type]);
  return { type, detail: str(inner.name) ?? str(inner.secretName) ?? "" };
}

function containerGraph(pod: Pod, index: number): GraphContainer {
  const spec = pod.spec.containers[index];
  const name = spec?.name ?? "";
  const status = pod.status.containerStatuses?.find((s) => s.name === name);
  let state: GraphContainer["state"] = "unknown";
  let reason: string | undefined;
  if (status) {
    if ("running" in status.state) state = "running";
    else if ("waiting" in status.state) {
      state = "waiting";
      reason = status.state.waiting.reason;
    } else if ("terminated" in status.state) {
      state = "terminated";
      reason = status.state.terminated.reason;
    }
  }
  return {
    name,
    image: spec?.image ?? "",
    ready: status?.ready ?? false,
    state,
    reason,
    ports: (spec?.ports ?? []).map((p) => ({
      containerPort: p.containerPort,
      name: p.name,
      protocol: p.protocol ?? "TCP",
    })),
  };
}

function podHealth(pod: Pod, containers: GraphContainer[]): Health {
  if (pod.status.phase === "Failed") return "failed";
  if (containers.some((c) => c.state === "waiting" && c.reason !== undefined && BROKEN_WAITING.has(c.reason)))
    return "failed";
  if (containers.some((c) => c.state === "terminated" && c.reason === "Error")) return "failed";
  if (pod.status.phase === "Succeeded") return "ok";
  if (pod.status.phase === "Running" && containers.every((c) => c.ready)) return "ok";
  return "pending";
}

function podWhy(state: ClusterState, pod: Pod, containers: GraphContainer[]): string | undefined {
  const ns = pod.metadata.namespace ?? "default";
  if (!pod.spec.nodeName) return explainPod(state, ns, pod.metadata.name)?.message;
  for (const c of pod.status.containerStatuses ?? []) {
    if ("waiting" in c.state && c.state.waiting.message) return `${c.name}: ${c.state.waiting.message}`;
    if ("terminated" in c.state && c.state.terminated.exitCode !== 0)
      return `${c.name}: ${c.state.terminated.reason} (exit code ${c.state.terminated.exitCode})`;
  }
  const waiting = containers.find((c) => c.state === "waiting");
  return waiting?.reason ? `${waiting.name}: ${waiting.reason}` : undefined;
}

function podGraph(state: ClusterState, pod: Pod): GraphPod {
  const ns = pod.metadata.namespace ?? "default";
  const containers = pod.spec.containers.map((_, i) => containerGraph(pod, i));
  const health = podHealth(pod, containers);
  const volumes = (pod.spec.volumes ?? []).map((v): GraphVolume => {
    const source = volumeSource(v);
    const mounts: GraphMount[] = [];
    for (const c of pod.spec.containers) {
      for (const m of c.volumeMounts ?? []) {
        if (m.name !== v.name) continue;
        mounts.push({
          container: c.name,
          mountPath: m.mountPath,
          readOnly: m.readOnly === true || v.persistentVolumeClaim?.readOnly === true,
          ...(m.subPath ? { subPath: m.subPath } : {}),
        });
      }
    }
    return {
      name: v.name,
      type: source.type,
      detail: source.detail,
      ...(v.persistentVolumeClaim
        ? { claimId: objectKey("PersistentVolumeClaim", ns, v.persistentVolumeClaim.claimName) }
        : {}),
      system: v.name.startsWith("kube-api-access-"),
      mounts,
    };
  });
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller) ?? pod.metadata.ownerReferences?.[0];
  return {
    id: objectKey("Pod", ns, pod.metadata.name),
    name: pod.metadata.name,
    namespace: ns,
    ...(pod.spec.nodeName ? { nodeId: objectKey("Node", undefined, pod.spec.nodeName) } : {}),
    ...(pod.status.podIP ? { ip: pod.status.podIP } : {}),
    phase: pod.metadata.deletionTimestamp ? "Terminating" : pod.status.phase,
    health,
    ...(health === "ok" ? {} : { why: podWhy(state, pod, containers) }),
    containers,
    volumes,
    ...(owner ? { ownerKind: owner.kind, ownerName: owner.name } : {}),
  };
}

function phaseHealth(phase: string, okPhases: readonly string[], failedPhases: readonly string[]): Health {
  if (okPhases.includes(phase)) return "ok";
  if (failedPhases.includes(phase)) return "failed";
  return "pending";
}

function claimGraph(obj: KubeObject): GraphClaim {
  const spec = rec(obj.spec);
  const status = rec(obj.status);
  const phase = obj.metadata.deletionTimestamp ? "Terminating" : (str(status.phase) ?? "Pending");
  const ns = obj.metadata.namespace ?? "default";
  return {
    id: objectKey(obj.kind, ns, obj.metadata.name),
    name: obj.metadata.name,
    namespace: ns,
    phase,
    health: phaseHealth(phase, ["Bound"], ["Lost"]),
    storageClassName: typeof spec.storageClassName === "string" ? spec.storageClassName : undefined,
    request: str(rec(rec(spec.resources).requests).storage),
    volumeName: str(spec.volumeName),
    accessModes: strings(spec.accessModes),
  };
}

const PV_SOURCES = ["nfs", "gcePersistentDisk", "csi", "hostPath", "local", "iscsi", "fc"];

function persistentVolumeGraph(obj: KubeObject): GraphPersistentVolume {
  const spec = rec(obj.spec);
  const status = rec(obj.status);
  const phase = obj.metadata.deletionTimestamp ? "Terminating" : (str(status.phase) ?? "Pending");
  const claimRef = rec(spec.claimRef);
  const claimName = str(claimRef.name);
  return {
    id: objectKey(obj.kind, undefined, obj.metadata.name),
    name: obj.metadata.name,
    phase,
    health: phaseHealth(phase, ["Bound", "Available"], ["Failed"]),
    capacity: str(rec(spec.capacity).storage),
    storageClassName: str(spec.storageClassName),
    ...(claimName ? { claim: { namespace: str(claimRef.namespace) ?? "default", name: claimName } } : {}),
    reclaimPolicy: str(spec.persistentVolumeReclaimPolicy),
    accessModes: strings(spec.accessModes),
    source: PV_SOURCES.find((s) => spec[s] !== undefined),
  };
}

function storageClassGraph(obj: KubeObject): GraphStorageClass {
  const raw = obj as unknown as Loose;
  return {
    id: objectKey(obj.kind, undefined, obj.metadata.name),
    name: obj.metadata.name,
    provisioner: str(raw.provisioner) ?? "",
    volumeBindingMode: str(raw.volumeBindingMode) ?? "Immediate",
    reclaimPolicy: str(raw.reclaimPolicy) ?? "Delete",
    isDefault: obj.metadata.annotations?.[DEFAULT_CLASS] === "true",
  };
}

interface EndpointAddress {
  ip: string;
  podId?: string;
}

/** The ready addresses the engine published for a Service (Endpoints first, EndpointSlices otherwise). */
function serviceEndpoints(
  state: ClusterState,
  ns: string,
  name: string,
): { addrs: EndpointAddress[]; ports: number[] } {
  const addrs: EndpointAddress[] = [];
  const ports: number[] = [];
  const endpoints = state.objects[objectKey("Endpoints", ns, name)];
  if (endpoints) {
    for (const subset of arr((endpoints as unknown as Loose).subsets)) {
      for (const a of arr(rec(subset).addresses)) {
        const ip = str(rec(a).ip);
        const ref = rec(rec(a).targetRef);
        if (ip)
          addrs.push({
            ip,
            ...(str(ref.name) && ref.kind === "Pod"
              ? { podId: objectKey("Pod", str(ref.namespace) ?? ns, String(ref.name)) }
              : {}),
          });
      }
      for (const p of arr(rec(subset).ports)) {
        const port = rec(p).port;
        if (typeof port === "number") ports.push(port);
      }
    }
    return { addrs, ports };
  }
  for (const slice of listObjects(state, "EndpointSlice", ns)) {
    if (slice.metadata.labels?.["kubernetes.io/service-name"] !== name) continue;
    const raw = slice as unknown as Loose;
    for (const e of arr(raw.endpoints)) {
      const ep = rec(e);
      if (rec(ep.conditions).ready === false) continue;
      const ref = rec(ep.targetRef);
      for (const ip of strings(ep.addresses))
        addrs.push({
          ip,
          ...(str(ref.name) && ref.kind === "Pod"
            ? { podId: objectKey("Pod", str(ref.namespace) ?? ns, String(ref.name)) }
            : {}),
        });
    }
    for (const p of arr(raw.ports)) {
      const port = rec(p).port;
      if (typeof port === "number") ports.push(port);
    }
  }
  return { addrs, ports };
}

function serviceGraph(
  state: ClusterState,
  obj: KubeObject,
  podsByIp: Map<string, string>,
  edges: GraphEdge[],
): GraphService {
  const spec = rec(obj.spec);
  const ns = obj.metadata.namespace ?? "default";
  const id = objectKey("Service", ns, obj.metadata.name);
  const { addrs, ports } = serviceEndpoints(state, ns, obj.metadata.name);
  const port = ports[0];
  for (const a of addrs) {
    const podId = a.podId ?? podsByIp.get(a.ip);
    if (podId)
      edges.push({
        id: `${id}->${podId}`,
        kind: "endpoint",
        from: id,
        to: podId,
        ...(port !== undefined ? { label: `${a.ip}:${port}` } : { label: a.ip }),
      });
  }
  const type = str(spec.type) ?? "ClusterIP";
  const hasSelector = Object.keys(rec(spec.selector)).length > 0;
  const ingress = arr(rec(rec(rec(obj as unknown as Loose).status).loadBalancer).ingress)
    .map((i) => str(rec(i).ip))
    .find((ip) => ip !== undefined);
  return {
    id,
    name: obj.metadata.name,
    namespace: ns,
    type,
    clusterIP: str(spec.clusterIP),
    ports: arr(spec.ports).map((p) => {
      const r = rec(p);
      const target = r.targetPort ?? r.port;
      return `${String(r.port)}→${String(target)}/${str(r.protocol) ?? "TCP"}`;
    }),
    ...(type === "LoadBalancer" ? { loadBalancer: ingress ? { ip: ingress } : ("pending" as const) } : {}),
    health: hasSelector && addrs.length === 0 ? "pending" : "ok",
    endpoints: addrs.map((a) => (port !== undefined ? `${a.ip}:${port}` : a.ip)),
  };
}

/** GKE's own namespaces: kube-dns and the like live there, not the learner's objects. */
export const SYSTEM_NAMESPACES: readonly string[] = ["kube-system", "kube-public", "kube-node-lease"];

export interface ClusterGraphOptions {
  /** Also draw what lives in the system namespaces (kube-dns's pods and Service). Default: false. */
  system?: boolean;
}

/** The cluster as a diagram sees it. Everything in it is plain JSON. */
export function clusterGraph(state: ClusterState, options: ClusterGraphOptions = {}): ClusterGraph {
  const t = state.topology;
  const shown = (o: KubeObject) =>
    options.system === true || !SYSTEM_NAMESPACES.includes(o.metadata.namespace ?? "");
  const nodes = listObjects<Node>(state, "Node").map(nodeGraph);
  const pods = listObjects<Pod>(state, "Pod")
    .filter(shown)
    .map((p) => podGraph(state, p));
  const claims = listObjects(state, "PersistentVolumeClaim").filter(shown).map(claimGraph);
  const persistentVolumes = listObjects(state, "PersistentVolume").map(persistentVolumeGraph);
  const storageClasses = listObjects(state, "StorageClass").map(storageClassGraph);
  const edges: GraphEdge[] = [];
  const claimIds = new Set(claims.map((c) => c.id));
  const pvIds = new Set(persistentVolumes.map((p) => p.id));
  const classIds = new Set(storageClasses.map((s) => s.id));
  for (const pod of pods) {
    for (const v of pod.volumes) {
      if (v.claimId && claimIds.has(v.claimId))
        edges.push({
          id: `${pod.id}->${v.claimId}`,
          kind: "uses-claim",
          from: pod.id,
          to: v.claimId,
          label: v.name,
        });
    }
  }
  for (const claim of claims) {
    const pvId = claim.volumeName ? objectKey("PersistentVolume", undefined, claim.volumeName) : undefined;
    if (pvId && pvIds.has(pvId))
      edges.push({ id: `${claim.id}->${pvId}`, kind: "bound-to", from: claim.id, to: pvId });
    const scId = claim.storageClassName
      ? objectKey("StorageClass", undefined, claim.storageClassName)
      : undefined;
    if (scId && classIds.has(scId) && !(pvId && pvIds.has(pvId)))
      edges.push({ id: `${claim.id}->${scId}`, kind: "of-class", from: claim.id, to: scId });
  }
  for (const pv of persistentVolumes) {
    const scId = pv.storageClassName ? objectKey("StorageClass", undefined, pv.storageClassName) : undefined;
    if (scId && classIds.has(scId))
      edges.push({ id: `${pv.id}->${scId}`, kind: "of-class", from: pv.id, to: scId });
  }
  const podsByIp = new Map<string, string>();
  for (const p of pods) if (p.ip) podsByIp.set(p.ip, p.id);
  const services = listObjects(state, "Service")
    .filter(shown)
    .map((s) => serviceGraph(state, s, podsByIp, edges));
  return {
    clusterName: t.clusterName,
    vpc: {
      project: t.project,
      network: t.network,
      region: t.region,
      subnet: t.subnet,
      nodeRange: t.nodeRange,
      podRange: t.podRange,
      serviceRange: t.serviceRange,
    },
    nodes,
    pods,
    claims,
    persistentVolumes,
    storageClasses,
    services,
    edges,
  };
}
