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

  it("draws a claim bound to a volume of a class, and a Service with its endpoints, from the real controllers", () => {
    const c = new TestCluster();
    c.apply(`apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: { name: ssd }
provisioner: pd.csi.storage.gke.io
volumeBindingMode: WaitForFirstConsumer
parameters: { type: pd-ssd }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: data }
spec:
  storageClassName: ssd
  accessModes: [ReadWriteOnce]
  resources: { requests: { storage: 10Gi } }
---
apiVersion: v1
kind: Pod
metadata: { name: db, labels: { app: db } }
spec:
  containers: [{ name: db, image: redis:7, volumeMounts: [{ name: d, mountPath: /data }] }]
  volumes: [{ name: d, persistentVolumeClaim: { claimName: data } }]
---
apiVersion: v1
kind: Service
metadata: { name: db }
spec:
  selector: { app: db }
  ports: [{ port: 6379 }]
`);
    const g = clusterGraph(c.state);
    expect(g.storageClasses.find((sc) => sc.name === "ssd")).toMatchObject({
      volumeBindingMode: "WaitForFirstConsumer",
    });
    const claim = g.claims.find((x) => x.name === "data");
    expect(claim).toMatchObject({ health: "ok" });
    const volume = g.persistentVolumes.find((v) => v.name === claim?.volumeName);
    expect(volume).toMatchObject({ health: "ok", source: "csi" });
    const edges = g.edges.map((e) => `${e.kind} ${e.from} ${e.to}`);
    expect(edges).toContain(
      `bound-to PersistentVolumeClaim/default/data PersistentVolume//${claim?.volumeName}`,
    );
    expect(edges).toContain(`of-class PersistentVolume//${claim?.volumeName} StorageClass//ssd`);
    expect(edges.filter((e) => e.includes("Service/default/db"))).toEqual([
      expect.stringMatching(/^\S+ Service\/default\/db Pod\/default\/db$/),
    ]);
  });
});
