import { describe, expect, it } from "vitest";
import { TestCluster } from "../../test/test-cluster";
import { clusterGraph } from "./cluster-graph";

const SIDECAR = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    ports:
    - containerPort: 80
    volumeMounts:
    - name: shared
      mountPath: /usr/share/nginx/html
      readOnly: true
  - name: sidecar
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
    volumeMounts:
    - name: shared
      mountPath: /data
  volumes:
  - name: shared
    emptyDir: {}
`;

const STUCK = `apiVersion: v1
kind: Pod
metadata:
  name: stuck
spec:
  nodeSelector:
    disktype: ssd
  containers:
  - name: nginx
    image: nginx:1.27
`;

describe("clusterGraph", () => {
  it("shows the VPC ranges, every node with its pod range, and a running pod with its IP inside it", () => {
    const c = new TestCluster();
    c.apply(SIDECAR);
    const g = clusterGraph(c.state);
    expect(g.vpc).toMatchObject({ nodeRange: "10.128.0.0/20", podRange: "10.8.0.0/14" });
    expect(g.nodes).toHaveLength(3);
    const pod = g.pods.find((p) => p.name === "web");
    expect(pod?.health).toBe("ok");
    expect(pod?.ip).toMatch(/^10\.8\./);
    const node = g.nodes.find((n) => n.id === pod?.nodeId);
    expect(node?.podCIDR).toBeDefined();
    expect(pod?.containers.map((x) => [x.name, x.state])).toEqual([
      ["nginx", "running"],
      ["sidecar", "running"],
    ]);
    const shared = pod?.volumes.find((v) => v.name === "shared");
    expect(shared).toMatchObject({ type: "emptyDir", system: false });
    expect(shared?.mounts).toEqual([
      { container: "nginx", mountPath: "/usr/share/nginx/html", readOnly: true },
      { container: "sidecar", mountPath: "/data", readOnly: false },
    ]);
    expect(pod?.volumes.some((v) => v.system)).toBe(true);
  });

  it("marks an unschedulable pod pending and says why in the scheduler's words", () => {
    const c = new TestCluster();
    c.apply(STUCK);
    const pod = clusterGraph(c.state).pods.find((p) => p.name === "stuck");
    expect(pod?.health).toBe("pending");
    expect(pod?.nodeId).toBeUndefined();
    expect(pod?.why).toContain("didn't match Pod's node affinity/selector");
  });

  it("is plain JSON and the same for the same state", () => {
    const c = new TestCluster();
    c.apply(`${SIDECAR}---\n${STUCK}`);
    const g = clusterGraph(c.state);
    expect(JSON.parse(JSON.stringify(g))).toEqual(g);
    expect(clusterGraph(c.state)).toEqual(g);
  });

  it("draws claims, volumes and classes from their fields when such objects exist", () => {
    const c = new TestCluster();
    c.apply(SIDECAR);
    // Storage kinds may not be served yet: lay the objects in the state as their controllers would.
    const meta = (name: string, namespace?: string) => ({
      name,
      ...(namespace ? { namespace } : {}),
      uid: `uid-${name}`,
      resourceVersion: "1",
      creationTimestamp: "2026-01-05T09:00:00Z",
    });
    const state = {
      ...c.state,
      objects: {
        ...c.state.objects,
        "StorageClass//ssd": {
          apiVersion: "storage.k8s.io/v1",
          kind: "StorageClass",
          metadata: meta("ssd"),
          provisioner: "pd.csi.storage.gke.io",
          volumeBindingMode: "WaitForFirstConsumer",
        },
        "PersistentVolume//pv-1": {
          apiVersion: "v1",
          kind: "PersistentVolume",
          metadata: meta("pv-1"),
          spec: {
            capacity: { storage: "10Gi" },
            accessModes: ["ReadWriteOnce"],
            storageClassName: "ssd",
            claimRef: { namespace: "default", name: "data" },
            csi: { driver: "pd.csi.storage.gke.io", volumeHandle: "x" },
          },
          status: { phase: "Bound" },
        },
        "PersistentVolumeClaim/default/data": {
          apiVersion: "v1",
          kind: "PersistentVolumeClaim",
          metadata: meta("data", "default"),
          spec: {
            accessModes: ["ReadWriteOnce"],
            resources: { requests: { storage: "10Gi" } },
            storageClassName: "ssd",
            volumeName: "pv-1",
          },
          status: { phase: "Bound" },
        },
      },
    };
    const g = clusterGraph(state);
    expect(g.storageClasses[0]).toMatchObject({ name: "ssd", volumeBindingMode: "WaitForFirstConsumer" });
    expect(g.persistentVolumes[0]).toMatchObject({ name: "pv-1", health: "ok", source: "csi" });
    expect(g.claims[0]).toMatchObject({ name: "data", volumeName: "pv-1", health: "ok" });
    expect(g.edges.map((e) => `${e.kind} ${e.from} ${e.to}`)).toEqual([
      "bound-to PersistentVolumeClaim/default/data PersistentVolume//pv-1",
      "of-class PersistentVolume//pv-1 StorageClass//ssd",
    ]);
  });
});
