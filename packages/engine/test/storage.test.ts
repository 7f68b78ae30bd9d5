import { describe, expect, it } from "vitest";
import {
  explainClaim,
  explainPod,
  explainPodVolumes,
  getObject,
  listObjects,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type Pod,
  updateObject,
} from "../src/index";
import { TestCluster } from "./test-cluster";

// The PV controller, provisioner, scheduler volume binding, attach/detach and protection controllers
// working together over the real engine.

const nfsPv = (name: string, size = "5Gi", extra = "") => `apiVersion: v1
kind: PersistentVolume
metadata: { name: ${name} }
spec:
  capacity: { storage: ${size} }
  accessModes: [ReadWriteMany]
  storageClassName: manual
  nfs: { server: 10.76.0.2, path: /vol1/${name} }
${extra}`;

const claim = (
  name: string,
  size = "1Gi",
  extra = "  storageClassName: manual\n  accessModes: [ReadWriteMany]\n",
) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: ${name} }
spec:
${extra}  resources: { requests: { storage: ${size} } }
`;

const podUsing = (name: string, claimName: string, extra = "") => `apiVersion: v1
kind: Pod
metadata: { name: ${name} }
spec:
${extra}  containers:
  - name: app
    image: busybox
    command: ["sh", "-c", "sleep 3600"]
    volumeMounts: [{ name: data, mountPath: /data }]
  volumes:
  - name: data
    persistentVolumeClaim: { claimName: ${claimName} }
`;

const pvOf = (c: TestCluster, name: string) =>
  getObject<PersistentVolume>(c.state, "PersistentVolume", undefined, name);
const pvcOf = (c: TestCluster, name: string) =>
  getObject<PersistentVolumeClaim>(c.state, "PersistentVolumeClaim", "default", name);
const eventsOf = (c: TestCluster, object: string) => c.events().filter((e) => e.object === object);

describe("static binding", () => {
  it("binds the operator's NFS volume to the developer's claim, both sides pointing at each other", () => {
    const c = new TestCluster();
    c.apply(`${nfsPv("nfs-small", "1Gi")}---\n${nfsPv("nfs-big", "10Gi")}---\n${claim("shared", "1Gi")}`);
    const pvc = pvcOf(c, "shared");
    const pv = pvOf(c, "nfs-small");
    expect(pvc?.status.phase).toBe("Bound");
    expect(pvc?.spec.volumeName).toBe("nfs-small");
    expect(pvc?.status.capacity?.storage).toBe("1Gi");
    expect(pvc?.metadata.annotations).toMatchObject({
      "pv.kubernetes.io/bind-completed": "yes",
      "pv.kubernetes.io/bound-by-controller": "yes",
    });
    expect(pv?.spec.claimRef).toMatchObject({ namespace: "default", name: "shared", uid: pvc?.metadata.uid });
    expect(pv?.metadata.annotations?.["pv.kubernetes.io/bound-by-controller"]).toBe("yes");
    expect(pv?.status.phase).toBe("Bound");
    expect(pvOf(c, "nfs-big")?.status.phase).toBe("Available");
    expect(pvc?.metadata.finalizers).toEqual(["kubernetes.io/pvc-protection"]);
    expect(pv?.metadata.finalizers).toEqual(["kubernetes.io/pv-protection"]);
  });

  it("a claim arriving before its volume waits, then binds", () => {
    const c = new TestCluster();
    c.apply(claim("shared"));
    expect(pvcOf(c, "shared")?.status.phase).toBe("Pending");
    c.apply(nfsPv("nfs-1"));
    expect(pvcOf(c, "shared")?.status.phase).toBe("Bound");
  });

  it("no class and no volume: FailedBinding, and why lists every volume with the field that ruled it out", () => {
    const c = new TestCluster();
    c.apply(
      `${nfsPv("nfs-manual")}---\n${claim("data", "5Gi", '  storageClassName: ""\n  accessModes: [ReadWriteMany]\n')}`,
    );
    expect(eventsOf(c, "PersistentVolumeClaim/data").map((e) => e.message)).toContain(
      "no persistent volumes available for this claim and no storage class is set",
    );
    const why = explainClaim(c.state, "default", "data");
    expect(why?.state).toBe("noMatchNoClass");
    expect(why?.candidates[0]).toMatchObject({
      pv: "nfs-manual",
      rule: "storageClass",
      claimField: "spec.storageClassName",
    });
  });

  it("a StorageClass that does not exist: ProvisioningFailed with the API's NotFound text", () => {
    const c = new TestCluster();
    c.apply(claim("data", "1Gi", "  storageClassName: ssd\n  accessModes: [ReadWriteOnce]\n"));
    expect(eventsOf(c, "PersistentVolumeClaim/data")).toContainEqual(
      expect.objectContaining({
        reason: "ProvisioningFailed",
        message: 'storageclass.storage.k8s.io "ssd" not found',
      }),
    );
    expect(explainClaim(c.state, "default", "data")?.state).toBe("classNotFound");
  });

  it("spec.volumeName pre-binding: VolumeMismatch names the reason", () => {
    const c = new TestCluster();
    c.apply(
      `${nfsPv("nfs-1", "1Gi")}---\n${claim("data", "5Gi", "  storageClassName: manual\n  volumeName: nfs-1\n  accessModes: [ReadWriteMany]\n")}`,
    );
    expect(eventsOf(c, "PersistentVolumeClaim/data")).toContainEqual(
      expect.objectContaining({
        reason: "VolumeMismatch",
        message: 'Cannot bind to requested volume "nfs-1": requested PV is too small',
      }),
    );
  });

  it("spec.claimRef reserves a volume for one claim", () => {
    const c = new TestCluster();
    c.apply(nfsPv("reserved", "5Gi", "  claimRef: { namespace: default, name: mine }\n"));
    c.apply(claim("other"));
    expect(pvcOf(c, "other")?.status.phase).toBe("Pending");
    c.apply(claim("mine"));
    expect(pvcOf(c, "mine")?.spec.volumeName).toBe("reserved");
  });
});

describe("reclaim and protection", () => {
  it("Retain: deleting the claim leaves the volume Released with its claimRef, and a new claim cannot take it", () => {
    const c = new TestCluster();
    c.apply(`${nfsPv("nfs-1")}---\n${claim("data")}`);
    c.delete("PersistentVolumeClaim", "data");
    expect(pvcOf(c, "data")).toBeUndefined();
    const pv = pvOf(c, "nfs-1");
    expect(pv?.status.phase).toBe("Released");
    expect(pv?.spec.claimRef?.name).toBe("data");
    c.apply(claim("data"));
    expect(pvcOf(c, "data")?.status.phase).toBe("Pending");
    expect(explainClaim(c.state, "default", "data")?.candidates[0]?.rule).toBe("boundToOther");
  });

  it("Recycle (deprecated, NFS): the data is scrubbed and the volume is Available again", () => {
    const c = new TestCluster();
    c.apply(
      `${nfsPv("nfs-1", "5Gi", "  persistentVolumeReclaimPolicy: Recycle\n")}---\n${claim("data")}---\n${podUsing("app", "data")}`,
    );
    c.exec("app", ["sh", "-c", "echo old > /data/file"]);
    c.delete("Pod", "app");
    c.delete("PersistentVolumeClaim", "data");
    const pv = pvOf(c, "nfs-1");
    expect(pv?.status.phase).toBe("Available");
    expect(pv?.spec.claimRef).toBeUndefined();
    expect(eventsOf(c, "PersistentVolume/nfs-1").map((e) => e.message)).toEqual(["Volume recycled"]);
    c.apply(`${claim("again")}---\n${podUsing("app2", "again")}`);
    expect(c.exec("app2", ["ls", "/data"])).toMatchObject({ stdout: "" });
  });

  it("a claim used by a pod stays Terminating until the pod is gone", () => {
    const c = new TestCluster();
    c.apply(`${nfsPv("nfs-1")}---\n${claim("data")}---\n${podUsing("app", "data")}`);
    c.delete("PersistentVolumeClaim", "data");
    expect(pvcOf(c, "data")?.metadata.deletionTimestamp).toBeDefined();
    expect(pvOf(c, "nfs-1")?.status.phase).toBe("Bound");
    c.delete("Pod", "app");
    c.tick(60_000);
    expect(pvcOf(c, "data")).toBeUndefined();
    expect(pvOf(c, "nfs-1")?.status.phase).toBe("Released");
  });

  it("a bound volume stays Terminating (pv-protection) until its claim is gone", () => {
    const c = new TestCluster();
    c.apply(`${nfsPv("nfs-1")}---\n${claim("data")}`);
    c.delete("PersistentVolume", "nfs-1");
    expect(pvOf(c, "nfs-1")?.metadata.deletionTimestamp).toBeDefined();
    c.delete("PersistentVolumeClaim", "data");
    expect(pvOf(c, "nfs-1")).toBeUndefined();
  });

  it("a bound claim whose volume disappears is Lost (ClaimLost)", () => {
    const c = new TestCluster();
    c.apply(`${nfsPv("nfs-1")}---\n${claim("data")}`);
    c.delete("PersistentVolume", "nfs-1");
    const pv = pvOf(c, "nfs-1");
    if (!pv) throw new Error("pv");
    // An administrator forces it out: kubectl patch pv nfs-1 -p '{"metadata":{"finalizers":null}}'
    const { state } = updateObject(c.state, { ...pv, metadata: { ...pv.metadata, finalizers: [] } });
    c.state = state;
    expect(pvOf(c, "nfs-1")).toBeUndefined();
    expect(pvcOf(c, "data")?.status.phase).toBe("Lost");
    expect(eventsOf(c, "PersistentVolumeClaim/data")).toContainEqual(
      expect.objectContaining({
        reason: "ClaimLost",
        message: "Bound claim has lost its PersistentVolume. Data on the volume is lost!",
      }),
    );
  });

  it("Delete policy on a volume nobody provisioned: Failed, VolumeFailedDelete", () => {
    const c = new TestCluster();
    c.apply(`${nfsPv("nfs-1", "5Gi", "  persistentVolumeReclaimPolicy: Delete\n")}---\n${claim("data")}`);
    c.delete("PersistentVolumeClaim", "data");
    expect(pvOf(c, "nfs-1")?.status.phase).toBe("Failed");
    expect(eventsOf(c, "PersistentVolume/nfs-1")[0]?.reason).toBe("VolumeFailedDelete");
  });
});

describe("dynamic provisioning (GKE PD CSI)", () => {
  it("standard-rwo waits for a first consumer, then provisions in the pod's zone, rounded up to whole GiB", () => {
    const c = new TestCluster();
    c.apply(claim("data", "500Mi", "  accessModes: [ReadWriteOnce]\n"));
    const pending = pvcOf(c, "data");
    expect(pending?.spec.storageClassName).toBe("standard-rwo");
    expect(pending?.status.phase).toBe("Pending");
    expect(eventsOf(c, "PersistentVolumeClaim/data").map((e) => e.reason)).toEqual(["WaitForFirstConsumer"]);
    expect(explainClaim(c.state, "default", "data")?.state).toBe("waitForFirstConsumer");

    c.apply(podUsing("app", "data"));
    const pvc = pvcOf(c, "data");
    const pod = c.pod("app");
    expect(pvc?.status.phase).toBe("Bound");
    expect(pvc?.spec.volumeName).toBe(`pvc-${pvc?.metadata.uid}`);
    expect(pvc?.metadata.annotations?.["volume.kubernetes.io/selected-node"]).toBe(pod?.spec.nodeName);
    expect(pvc?.status.capacity?.storage).toBe("1Gi");
    const pv = pvOf(c, pvc?.spec.volumeName ?? "");
    expect(pv?.spec.persistentVolumeReclaimPolicy).toBe("Delete");
    expect(pv?.spec.csi?.driver).toBe("pd.csi.storage.gke.io");
    const zone = pv?.spec.nodeAffinity?.required?.nodeSelectorTerms[0]?.matchExpressions?.[0]?.values?.[0];
    const node = listObjects(c.state, "Node").find((n) => n.metadata.name === pod?.spec.nodeName);
    expect(zone).toBe(node?.metadata.labels?.["topology.kubernetes.io/zone"]);
    expect(pod?.status.phase).toBe("Running");
    expect(eventsOf(c, "PersistentVolumeClaim/data").map((e) => e.reason)).toEqual([
      "WaitForFirstConsumer",
      "WaitForPodScheduled",
      "ExternalProvisioning",
      "Provisioning",
      "ProvisioningSucceeded",
    ]);
    expect(
      eventsOf(c, "Pod/app")
        .map((e) => e.reason)
        .slice(0, 2),
    ).toEqual(["Scheduled", "SuccessfulAttachVolume"]);
  });

  it("RWX on a PD class: ProvisioningFailed, and the pod's PreBind fails", () => {
    const c = new TestCluster();
    c.apply(`${claim("data", "1Gi", "  accessModes: [ReadWriteMany]\n")}---\n${podUsing("app", "data")}`);
    const reasons = eventsOf(c, "PersistentVolumeClaim/data").map((e) => e.message);
    expect(reasons).toContain(
      'failed to provision volume with StorageClass "standard-rwo": rpc error: code = InvalidArgument desc = VolumeCapabilities is invalid: specified multi writer with mount access type',
    );
    expect(c.pod("app")?.spec.nodeName).toBeUndefined();
    expect(eventsOf(c, "Pod/app").map((e) => e.message)).toContain(
      'running PreBind plugin "VolumeBinding": binding volumes: provisioning failed for PVC "data"',
    );
  });

  it("Immediate class (standard): provisioned at once, and the pod lands in the disk's zone", () => {
    const c = new TestCluster();
    c.apply(claim("data", "10Gi", "  storageClassName: standard\n  accessModes: [ReadWriteOnce]\n"));
    const pvc = pvcOf(c, "data");
    expect(pvc?.status.phase).toBe("Bound");
    const pv = pvOf(c, pvc?.spec.volumeName ?? "");
    expect(pv?.spec.gcePersistentDisk?.pdName).toBe(pv?.metadata.name);
    const zone = pv?.spec.nodeAffinity?.required?.nodeSelectorTerms[0]?.matchExpressions?.[0]?.values?.[0];
    c.apply(podUsing("app", "data"));
    const nodeName = c.pod("app")?.spec.nodeName;
    const node = listObjects(c.state, "Node").find((n) => n.metadata.name === nodeName);
    expect(node?.metadata.labels?.["topology.kubernetes.io/zone"]).toBe(zone);
  });

  it("Delete: the disk and its data go with the claim", () => {
    const c = new TestCluster();
    c.apply(`${claim("data", "1Gi", "  accessModes: [ReadWriteOnce]\n")}---\n${podUsing("app", "data")}`);
    c.exec("app", ["sh", "-c", "echo keep > /data/file"]);
    const name = pvcOf(c, "data")?.spec.volumeName ?? "";
    expect(c.state.fs[`disk/pd/${name}`]).toBeDefined();
    c.delete("Pod", "app");
    c.delete("PersistentVolumeClaim", "data");
    c.tick(10_000);
    expect(pvOf(c, name)).toBeUndefined();
    expect(c.state.fs[`disk/pd/${name}`]).toBeUndefined();
  });

  it("growing a claim: the volume grows, and status.capacity once a pod uses it; shrinking is refused", () => {
    const c = new TestCluster();
    c.apply(`${claim("data", "10Gi", "  accessModes: [ReadWriteOnce]\n")}---\n${podUsing("app", "data")}`);
    c.apply(claim("data", "20Gi", "  accessModes: [ReadWriteOnce]\n"));
    expect(c.lastResults[0]?.ok).toBe(true);
    c.tick(10_000);
    const pvc = pvcOf(c, "data");
    expect(pvOf(c, pvc?.spec.volumeName ?? "")?.spec.capacity.storage).toBe("20Gi");
    expect(pvc?.status.capacity?.storage).toBe("20Gi");
    const shrink = c.apply(claim("data", "5Gi", "  accessModes: [ReadWriteOnce]\n"))[0];
    expect(shrink?.ok === false && shrink.diagnostic.message).toBe(
      'The PersistentVolumeClaim "data" is invalid: spec.resources.requests.storage: Forbidden: field can not be less than previous value',
    );
  });

  it("growing a claim of a class without allowVolumeExpansion is a 403", () => {
    const c = new TestCluster({ topology: { defaultStorageClasses: false } });
    c.apply(`${nfsPv("nfs-1", "10Gi")}---\n${claim("shared", "1Gi")}`);
    c.apply(`apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: { name: manual }
provisioner: kubernetes.io/no-provisioner
`);
    const r = c.apply(claim("shared", "2Gi"))[0];
    expect(r?.ok === false && r.diagnostic.message).toBe(
      'Error from server (Forbidden): error when patching "manifest.yaml": persistentvolumeclaims "shared" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize',
    );
  });
});

describe("disk devices on a node", () => {
  /** The device `df` names for the pod's /data: the first column of its one line. */
  const deviceOf = (c: TestCluster, pod: string) => {
    const r = c.exec(pod, ["df", "/data"]);
    if (!r.ok) throw new Error(r.message);
    return r.stdout.split("\n")[1]?.split(/\s+/)[0];
  };

  it("each disk attached to a node takes its next free /dev/sdX there, and a freed name is given again", () => {
    const c = new TestCluster();
    const node = listObjects(c.state, "Node")[0]?.metadata.name ?? "";
    const onNode = `  nodeSelector: { kubernetes.io/hostname: ${node} }\n`;
    const rwo = "  accessModes: [ReadWriteOnce]\n";
    c.apply(
      [
        claim("a", "1Gi", rwo),
        claim("b", "1Gi", rwo),
        podUsing("first", "a", onNode),
        podUsing("second", "b", onNode),
      ].join("---\n"),
    );
    expect([deviceOf(c, "first"), deviceOf(c, "second")]).toEqual(["/dev/sdb", "/dev/sdc"]);

    c.delete("Pod", "first");
    c.tick(30_000);
    c.apply(`${claim("c", "1Gi", rwo)}---\n${podUsing("third", "c", onNode)}`);
    expect(deviceOf(c, "third")).toBe("/dev/sdb");
    expect(deviceOf(c, "second")).toBe("/dev/sdc");
  });

  it("a disk on another node is that node's /dev/sdb", () => {
    const c = new TestCluster();
    const [one, two] = listObjects(c.state, "Node").map((n) => n.metadata.name);
    const rwo = "  accessModes: [ReadWriteOnce]\n";
    c.apply(
      [
        claim("a", "1Gi", rwo),
        claim("b", "1Gi", rwo),
        podUsing("first", "a", `  nodeSelector: { kubernetes.io/hostname: ${one} }\n`),
        podUsing("second", "b", `  nodeSelector: { kubernetes.io/hostname: ${two} }\n`),
      ].join("---\n"),
    );
    expect([deviceOf(c, "first"), deviceOf(c, "second")]).toEqual(["/dev/sdb", "/dev/sdb"]);
  });
});

describe("scheduling with volumes", () => {
  it("a missing claim keeps the pod Pending with the scheduler's message", () => {
    const c = new TestCluster();
    c.apply(podUsing("app", "nope"));
    expect(eventsOf(c, "Pod/app")[0]?.message).toBe(
      '0/3 nodes are available: persistentvolumeclaim "nope" not found. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });

  it("an unbound Immediate claim: pod has unbound immediate PersistentVolumeClaims; why explains both", () => {
    const c = new TestCluster();
    c.apply(
      `${claim("data", "1Gi", '  storageClassName: ""\n  accessModes: [ReadWriteOnce]\n')}---\n${podUsing("app", "data")}`,
    );
    expect(eventsOf(c, "Pod/app")[0]?.message).toBe(
      "0/3 nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
    const why = explainPod(c.state, "default", "app");
    expect(why?.claims.map((x) => x.state)).toEqual(["noMatchNoClass"]);
  });

  it("a zonal disk pins pods to its zone: node affinity conflict elsewhere", () => {
    const c = new TestCluster();
    c.apply(`apiVersion: v1
kind: PersistentVolume
metadata: { name: disk-a }
spec:
  capacity: { storage: 10Gi }
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  gcePersistentDisk: { pdName: disk-a, fsType: ext4 }
  nodeAffinity:
    required:
      nodeSelectorTerms:
      - matchExpressions: [{ key: topology.kubernetes.io/zone, operator: In, values: [us-central1-a] }]
---
${claim("data", "1Gi", '  storageClassName: ""\n  accessModes: [ReadWriteOnce]\n')}---
${podUsing("app", "data", "  nodeSelector: { topology.kubernetes.io/zone: us-central1-b }\n")}`);
    expect(eventsOf(c, "Pod/app")[0]?.message).toBe(
      "0/3 nodes are available: 1 node(s) had volume node affinity conflict, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
  });

  it("an RWO disk wanted on two nodes: Multi-Attach error until the first pod lets go", () => {
    const c = new TestCluster();
    const nodes = listObjects(c.state, "Node").map((n) => n.metadata.name);
    c.apply(`apiVersion: v1
kind: PersistentVolume
metadata: { name: disk-1 }
spec:
  capacity: { storage: 10Gi }
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  gcePersistentDisk: { pdName: disk-1, fsType: ext4 }
---
${claim("data", "1Gi", '  storageClassName: ""\n  accessModes: [ReadWriteOnce]\n')}---
${podUsing("one", "data", `  nodeName: ${nodes[0]}\n`)}`);
    expect(c.pod("one")?.status.phase).toBe("Running");
    c.apply(podUsing("two", "data", `  nodeName: ${nodes[1]}\n`));
    expect(eventsOf(c, "Pod/two")).toContainEqual(
      expect.objectContaining({
        reason: "FailedAttachVolume",
        message: 'Multi-Attach error for volume "disk-1" Volume is already used by pod(s) one',
      }),
    );
    expect(c.pod("two")?.status.phase).toBe("Pending");
    // The kubelet mounts before it creates the sandbox: no IP while the disk is elsewhere.
    expect(c.pod("two")?.status.podIP).toBeUndefined();
    expect(c.pod("two")?.status.containerStatuses?.[0]?.state).toEqual({
      waiting: { reason: "ContainerCreating" },
    });
    c.delete("Pod", "one");
    c.tick(30_000);
    expect(c.pod("two")?.status.phase).toBe("Running");
    expect(c.pod("two")?.status.podIP).toBeDefined();
  });
});

describe("ReadWriteOncePod", () => {
  it("a second pod using an RWOP claim is unschedulable on every node", () => {
    const c = new TestCluster();
    c.apply(`${nfsPv("nfs-1", "5Gi").replace("[ReadWriteMany]", "[ReadWriteOncePod]")}---
${claim("solo", "1Gi", "  storageClassName: manual\n  accessModes: [ReadWriteOncePod]\n")}---
${podUsing("first", "solo")}`);
    expect(c.pod("first")?.status.phase).toBe("Running");
    c.apply(podUsing("second", "solo"));
    expect(eventsOf(c, "Pod/second")[0]?.message).toBe(
      "0/3 nodes are available: 3 node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
    );
  });
});

describe("a Deployment sharing one ReadWriteOnce claim", () => {
  it("replicas spread over the disk's zone: the ones on another node wait with Multi-Attach errors", () => {
    const c = new TestCluster({ topology: { nodeCount: 6 } });
    c.apply(`${claim("data", "1Gi", "  accessModes: [ReadWriteOnce]\n")}---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: app, image: busybox, command: [sleep, "3600"], volumeMounts: [{ name: d, mountPath: /d }] }]
      volumes: [{ name: d, persistentVolumeClaim: { claimName: data } }]
`);
    c.tick(180_000);
    const pods = c.pods();
    const running = pods.filter((p) => p.status.phase === "Running");
    const waiting = pods.filter((p) => p.status.phase === "Pending");
    // The disk attaches to one node: every replica there runs, every replica elsewhere waits.
    const attachedNode = running[0]?.spec.nodeName;
    expect(running.length).toBeGreaterThan(0);
    expect(waiting.length).toBeGreaterThan(0);
    expect(running.length + waiting.length).toBe(3);
    for (const p of running) expect(p.spec.nodeName).toBe(attachedNode);
    for (const p of waiting) expect(p.spec.nodeName).not.toBe(attachedNode);
    // All in the disk's zone.
    const zones = new Set(
      pods.map(
        (p) =>
          listObjects(c.state, "Node").find((n) => n.metadata.name === p.spec.nodeName)?.metadata.labels?.[
            "topology.kubernetes.io/zone"
          ],
      ),
    );
    expect(zones.size).toBe(1);
    const holders = running.map((p) => p.metadata.name);
    for (const p of waiting) {
      expect(eventsOf(c, `Pod/${p.metadata.name}`).map((e) => e.reason)).toEqual([
        "Scheduled",
        "FailedAttachVolume",
        "FailedMount",
      ]);
      const message = eventsOf(c, `Pod/${p.metadata.name}`)[1]?.message ?? "";
      expect(message).toContain("Volume is already used by pod(s) ");
      for (const holder of holders) expect(message).toContain(holder);
      const why = explainPodVolumes(c.state, "default", p.metadata.name);
      expect(why?.[0]).toMatchObject({
        volume: "d",
        field: "spec.volumes[0].persistentVolumeClaim.claimName",
      });
      expect(why?.[0]?.message).toContain(`is attached to node ${attachedNode}`);
    }
    for (const holder of holders) expect(explainPodVolumes(c.state, "default", holder)).toEqual([]);
  });
});

describe("API validation of storage objects", () => {
  const message = (c: TestCluster, yaml: string) => {
    const r = c.apply(yaml)[0];
    return r && !r.ok ? r.diagnostic.message : "";
  };

  it.each([
    [
      "claim without a size",
      `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: { name: data }\nspec:\n  accessModes: [ReadWriteOnce]\n`,
      'The PersistentVolumeClaim "data" is invalid: spec.resources[storage]: Required value',
    ],
    [
      "10GiB is not a quantity: the whole object is refused",
      claim("data", "10GiB"),
      `Error from server (BadRequest): error when creating "manifest.yaml": PersistentVolumeClaim in version "v1" cannot be handled as a PersistentVolumeClaim: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
    ],
    [
      "unknown access mode",
      claim("data", "1Gi", "  accessModes: [ReadWriteAll]\n"),
      'The PersistentVolumeClaim "data" is invalid: spec.accessModes: Unsupported value: "ReadWriteAll": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
    ],
    [
      "no access modes and no size",
      `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: { name: data }\nspec: {}\n`,
      'The PersistentVolumeClaim "data" is invalid: \n* spec.accessModes: Required value: at least 1 access mode is required\n* spec.resources[storage]: Required value',
    ],
    [
      "a volume with no source",
      `apiVersion: v1\nkind: PersistentVolume\nmetadata: { name: pv1 }\nspec:\n  capacity: { storage: 1Gi }\n  accessModes: [ReadWriteOnce]\n`,
      'The PersistentVolume "pv1" is invalid: spec: Required value: must specify a volume type',
    ],
    [
      "a volume with two sources",
      `apiVersion: v1\nkind: PersistentVolume\nmetadata: { name: pv1 }\nspec:\n  capacity: { storage: 1Gi }\n  accessModes: [ReadWriteOnce]\n  nfs: { server: a, path: /x }\n  hostPath: { path: /y }\n`,
      'The PersistentVolume "pv1" is invalid: spec.hostPath: Forbidden: may not specify more than 1 volume type',
    ],
    [
      "a class with Recycle",
      `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: { name: old }\nprovisioner: kubernetes.io/gce-pd\nreclaimPolicy: Recycle\n`,
      'The StorageClass "old" is invalid: reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"',
    ],
  ])("%s", (_name, yaml, expected) => {
    const c = new TestCluster();
    const before = Object.keys(c.state.objects).length;
    expect(message(c, yaml)).toBe(expected);
    expect(Object.keys(c.state.objects).length).toBe(before);
  });

  it("the error is located at its line in the manifest", () => {
    const c = new TestCluster();
    const r = c.apply(
      `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: { name: data }\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: { requests: { storage: 10GiB } }\n`,
    )[0];
    expect(r?.ok === false && r.diagnostic.line).toBe(6);
  });

  it("changing the access modes of a claim: spec is immutable, with the diff", () => {
    const c = new TestCluster();
    c.apply(`${nfsPv("nfs-1")}---\n${claim("data")}`);
    const r = c.apply(
      claim("data", "1Gi", "  storageClassName: manual\n  accessModes: [ReadWriteOnce]\n"),
    )[0];
    const text = r?.ok === false ? r.diagnostic.message : "";
    expect(text).toContain(
      'The PersistentVolumeClaim "data" is invalid: spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n  core.PersistentVolumeClaimSpec{\n- \tAccessModes: []core.PersistentVolumeAccessMode{"ReadWriteMany"},\n+ \tAccessModes: []core.PersistentVolumeAccessMode{"ReadWriteOnce"},',
    );
  });

  it("kubectl patch goes through the same rules", () => {
    const c = new TestCluster();
    c.apply(`${nfsPv("nfs-1")}---\n${claim("data")}`);
    const live = pvcOf(c, "data");
    if (!live) throw new Error("claim");
    const { result } = updateObject(c.state, { ...live, spec: { ...live.spec, storageClassName: "other" } });
    expect(result.ok).toBe(false);
  });
});

describe("projected and per-namespace volumes", () => {
  it("every namespace has kube-root-ca.crt, and a projected volume gathers ConfigMap, Secret and pod fields", () => {
    const c = new TestCluster();
    expect(
      listObjects(c.state, "ConfigMap").map((o) => `${o.metadata.namespace}/${o.metadata.name}`),
    ).toEqual([
      "default/kube-root-ca.crt",
      "kube-node-lease/kube-root-ca.crt",
      "kube-public/kube-root-ca.crt",
      "kube-system/kube-root-ca.crt",
    ]);
    c.apply(`apiVersion: v1
kind: ConfigMap
metadata: { name: app }
data: { mode: prod }
---
apiVersion: v1
kind: Secret
metadata: { name: creds }
stringData: { user: admin }
---
apiVersion: v1
kind: Pod
metadata: { name: p, labels: { app: demo } }
spec:
  containers:
  - { name: c, image: busybox, command: [sleep, "3600"], volumeMounts: [{ name: all, mountPath: /all }] }
  volumes:
  - name: all
    projected:
      sources:
      - configMap: { name: app }
      - secret: { name: creds, items: [{ key: user, path: secret/user }] }
      - downwardAPI: { items: [{ path: name, fieldRef: { fieldPath: metadata.name } }] }
`);
    expect(c.exec("p", ["sh", "-c", "cat /all/mode /all/secret/user /all/name"])).toMatchObject({
      stdout: "prodadminp",
    });
  });
});

describe("pods with a claim from a Deployment", () => {
  it("every replica mounts the same NFS claim", () => {
    const c = new TestCluster();
    c.apply(`${nfsPv("nfs-1")}---\n${claim("shared")}---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: app
        image: busybox
        command: ["sh", "-c", "sleep 3600"]
        volumeMounts: [{ name: data, mountPath: /data }]
      volumes:
      - { name: data, persistentVolumeClaim: { claimName: shared } }
`);
    const pods = c.pods().filter((p: Pod) => p.metadata.labels?.app === "web");
    expect(pods.map((p) => p.status.phase)).toEqual(["Running", "Running"]);
    const [a, b] = pods.map((p) => p.metadata.name);
    c.exec(a ?? "", ["sh", "-c", "echo from-a > /data/note"]);
    expect(c.exec(b ?? "", ["cat", "/data/note"])).toMatchObject({ ok: true, stdout: "from-a\n" });
  });
});
