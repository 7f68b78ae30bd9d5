// Random sequences of what learners do (apply Deployments, pods, Services, volumes and claims,
// delete, trace requests, let time pass), for the property tests.
import fc from "fast-check";
import {
  advance,
  applyManifests,
  type ClusterState,
  createCluster,
  deleteObjects,
  listObjects,
  type Pod,
  traceRequests,
} from "../src/index";

export type Op =
  | { kind: "deploy"; name: string; replicas: number; image: string }
  | { kind: "pod"; name: string; image: string; command?: string }
  | { kind: "delete-pod"; index: number }
  | { kind: "service"; name: string; type: string; targetPort: number }
  | { kind: "trace"; from: string; to: string }
  | { kind: "tick"; seconds: number }
  | { kind: "pv"; name: string; size: string; cls: string; modes: string }
  | { kind: "pvc"; name: string; size: string; cls: string; modes: string }
  | { kind: "pod-pvc"; name: string; claim: string }
  | { kind: "delete-storage"; what: "PersistentVolumeClaim" | "PersistentVolume"; index: number }
  | { kind: "delete-owner"; what: "Deployment" | "ReplicaSet" | "Service"; index: number };

const names = fc.constantFrom("web", "api", "cache", "worker");
const images = fc.constantFrom(
  "nginx",
  "nginx:1.27",
  "busybox",
  "gcr.io/google-samples/hello-app:1.0",
  "redis",
  "nginxx",
  "debian",
);
export const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant("deploy" as const),
    name: names,
    replicas: fc.integer({ min: 0, max: 6 }),
    image: images,
  }),
  fc.record({
    kind: fc.constant("pod" as const),
    name: names,
    image: images,
    command: fc.option(fc.constantFrom("sleep 3600", "exit 1", "echo hi > /tmp/x"), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant("delete-pod" as const), index: fc.nat(10) }),
  // An owner deleted: the garbage collector takes its ReplicaSets, pods, Endpoints and slices.
  fc.record({
    kind: fc.constant("delete-owner" as const),
    what: fc.constantFrom("Deployment" as const, "ReplicaSet" as const, "Service" as const),
    index: fc.nat(10),
  }),
  fc.record({
    kind: fc.constant("service" as const),
    name: names,
    type: fc.constantFrom("ClusterIP", "NodePort", "LoadBalancer", "headless"),
    targetPort: fc.constantFrom(80, 8080, 6379),
  }),
  fc.record({ kind: fc.constant("trace" as const), from: names, to: names }),
  fc.record({ kind: fc.constant("tick" as const), seconds: fc.integer({ min: 1, max: 400 }) }),
  fc.record({
    kind: fc.constant("pv" as const),
    name: fc.constantFrom("pv-a", "pv-b", "pv-c", "pv-d"),
    size: fc.constantFrom("1Gi", "5Gi", "1G", "10Gi"),
    cls: fc.constantFrom("", "manual"),
    modes: fc.constantFrom("[ReadWriteOnce]", "[ReadWriteMany]", "[ReadWriteOnce, ReadOnlyMany]"),
  }),
  fc.record({
    kind: fc.constant("pvc" as const),
    name: fc.constantFrom("data", "logs", "cache"),
    size: fc.constantFrom("1Gi", "500Mi", "5Gi"),
    cls: fc.constantFrom('""', "manual", "standard-rwo", "standard", "ssd"),
    modes: fc.constantFrom("[ReadWriteOnce]", "[ReadWriteMany]"),
  }),
  fc.record({
    kind: fc.constant("pod-pvc" as const),
    name: fc.constantFrom("db", "app"),
    claim: fc.constantFrom("data", "logs", "cache"),
  }),
  fc.record({
    kind: fc.constant("delete-storage" as const),
    what: fc.constantFrom("PersistentVolumeClaim" as const, "PersistentVolume" as const),
    index: fc.nat(5),
  }),
);

function storageManifest(o: Extract<Op, { kind: "pv" | "pvc" | "pod-pvc" }>): string {
  if (o.kind === "pv")
    return `apiVersion: v1\nkind: PersistentVolume\nmetadata: { name: ${o.name} }\nspec:\n  capacity: { storage: ${o.size} }\n  accessModes: ${o.modes}\n  storageClassName: "${o.cls}"\n  nfs: { server: 10.76.0.2, path: /vol1/${o.name} }\n`;
  if (o.kind === "pvc")
    return `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: { name: ${o.name} }\nspec:\n  storageClassName: ${o.cls}\n  accessModes: ${o.modes}\n  resources: { requests: { storage: ${o.size} } }\n`;
  return `apiVersion: v1\nkind: Pod\nmetadata: { name: ${o.name} }\nspec:\n  containers: [{ name: main, image: busybox, command: [sleep, "3600"], volumeMounts: [{ name: d, mountPath: /d }] }]\n  volumes: [{ name: d, persistentVolumeClaim: { claimName: ${o.claim} } }]\n`;
}

export function manifest(o: Extract<Op, { kind: "deploy" | "pod" | "service" }>): string {
  if (o.kind === "service") {
    const type = o.type === "headless" ? "clusterIP: None" : `type: ${o.type}`;
    return `apiVersion: v1\nkind: Service\nmetadata: { name: ${o.name} }\nspec:\n  ${type}\n  selector: { app: ${o.name} }\n  ports: [{ port: 80, targetPort: ${o.targetPort} }]\n`;
  }
  if (o.kind === "deploy") {
    return `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: ${o.name} }\nspec:\n  replicas: ${o.replicas}\n  selector: { matchLabels: { app: ${o.name} } }\n  template:\n    metadata: { labels: { app: ${o.name} } }\n    spec:\n      containers: [{ name: main, image: "${o.image}" }]\n`;
  }
  const command = o.command ? `, command: ["sh", "-c", ${JSON.stringify(o.command)}]` : "";
  return `apiVersion: v1\nkind: Pod\nmetadata: { name: p-${o.name} }\nspec:\n  containers: [{ name: main, image: "${o.image}"${command} }]\n`;
}

export function runOps(seed: number, ops: Op[]): ClusterState {
  const created = createCluster({ seed });
  if (!created.ok) throw new Error("cluster");
  let state = created.state;
  for (const o of ops) {
    if (o.kind === "tick") state = advance(state, o.seconds * 1000);
    else if (o.kind === "delete-pod") {
      const pods = listObjects<Pod>(state, "Pod", "default");
      const pod = pods[o.index % Math.max(1, pods.length)];
      if (pod)
        state = deleteObjects(state, [{ kind: "Pod", namespace: "default", name: pod.metadata.name }]).state;
    } else if (o.kind === "trace") {
      state = traceRequests(state, [{ from: `p-${o.from}`, url: `http://${o.to}/` }]).state;
    } else if (o.kind === "delete-owner") {
      const objs = listObjects(state, o.what, "default");
      const obj = objs[o.index % Math.max(1, objs.length)];
      if (obj)
        state = deleteObjects(state, [{ kind: o.what, namespace: "default", name: obj.metadata.name }]).state;
    } else if (o.kind === "delete-storage") {
      const objs = listObjects(state, o.what, o.what === "PersistentVolume" ? undefined : "default");
      const obj = objs[o.index % Math.max(1, objs.length)];
      if (obj)
        state = deleteObjects(state, [
          { kind: o.what, namespace: obj.metadata.namespace, name: obj.metadata.name },
        ]).state;
    } else if (o.kind === "pv" || o.kind === "pvc" || o.kind === "pod-pvc")
      state = applyManifests(state, [{ name: "s.yaml", text: storageManifest(o) }]).state;
    else state = applyManifests(state, [{ name: "m.yaml", text: manifest(o) }]).state;
  }
  return state;
}
