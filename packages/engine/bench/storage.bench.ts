// `pnpm bench`, storage: the PV binder's matching and a cluster's provisioning + mounting, as medians.
// Not a test: nothing here asserts a time.
import { performance } from "node:perf_hooks";
import type { PersistentVolume, PersistentVolumeClaim } from "../src/api/storage";
import { PvIndex } from "../src/controllers/storage/pv-binder";
import { applyManifests, createCluster, listObjects } from "../src/index";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

const CLASSES = ["", "manual", "fast", "slow"];
const MODES = [["ReadWriteOnce"], ["ReadWriteMany"], ["ReadWriteOnce", "ReadOnlyMany"]];
const SIZES = ["1Gi", "2Gi", "5Gi", "10Gi", "20Gi", "50Gi", "100Gi", "500Mi"];

function volumes(n: number): PersistentVolume[] {
  return Array.from({ length: n }, (_, i) => ({
    apiVersion: "v1",
    kind: "PersistentVolume",
    metadata: {
      name: `pv-${i}`,
      uid: `pv-uid-${i}`,
      resourceVersion: "1",
      creationTimestamp: "2026-01-05T09:00:00Z",
    },
    spec: {
      capacity: { storage: SIZES[(i * 7) % SIZES.length] ?? "1Gi" },
      accessModes: MODES[i % MODES.length] ?? ["ReadWriteOnce"],
      storageClassName: CLASSES[(i * 3) % CLASSES.length] ?? "",
      persistentVolumeReclaimPolicy: "Retain",
      volumeMode: "Filesystem",
      nfs: { server: "10.0.0.2", path: `/exports/${i}` },
    },
    status: { phase: "Available" },
  }));
}

function claims(n: number): PersistentVolumeClaim[] {
  return Array.from({ length: n }, (_, i) => ({
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: {
      name: `claim-${i}`,
      namespace: "default",
      uid: `pvc-uid-${i}`,
      resourceVersion: "2",
      creationTimestamp: "2026-01-05T09:00:00Z",
    },
    spec: {
      accessModes: [i % 4 === 0 ? "ReadWriteMany" : "ReadWriteOnce"],
      resources: { requests: { storage: SIZES[(i * 5) % SIZES.length] ?? "1Gi" } },
      storageClassName: CLASSES[(i * 3 + 1) % CLASSES.length] ?? "",
      volumeMode: "Filesystem",
    },
    status: { phase: "Pending" },
  }));
}

/** One PV controller pass's matching: build the index, then each claim takes the best volume left. */
function bindAll(pvs: PersistentVolume[], pvcs: PersistentVolumeClaim[]): number {
  const index = new PvIndex(pvs);
  const taken = new Set<string>();
  for (const pvc of pvcs) {
    const pv = index.find(pvc, {}, taken);
    if (pv) {
      taken.add(pv.metadata.name);
      index.take(pv);
    }
  }
  return taken.size;
}

function measureBinding(n: number, runs: number): number {
  const pvs = volumes(n);
  const pvcs = claims(n);
  const times: number[] = [];
  let bound = 0;
  for (let i = 0; i < runs + 5; i++) {
    const t0 = performance.now();
    bound = bindAll(pvs, pvcs);
    const t1 = performance.now();
    if (i >= 5) times.push(t1 - t0);
  }
  const m = median(times);
  console.log(
    `${`bind ${n.toLocaleString("en")} claims to ${n.toLocaleString("en")} PVs (mixed classes, sizes)`.padEnd(52)} median ${m.toFixed(2).padStart(9)} ms  (${runs} runs, ${bound} bound)`,
  );
  return m;
}

const t100 = measureBinding(100, 50);
const t1000 = measureBinding(1000, 20);
const t10000 = measureBinding(10000, 5);
console.log(
  `ratio 1,000 / 100: ${(t1000 / t100).toFixed(1)}, 10,000 / 1,000: ${(t10000 / t1000).toFixed(1)} (linear is 10, quadratic 100)`,
);

// The whole pipeline: 500 claims of the default class (WaitForFirstConsumer) and 500 pods using them:
// scheduling, provisioning, attaching, mounting, starting.
function provisionAndMount(pods: number, runs: number): void {
  const created = createCluster({ seed: 42, topology: { nodeCount: 50 } });
  if (!created.ok) throw new Error(created.errors.join("\n"));
  const docs: string[] = [];
  for (let i = 0; i < pods; i++) {
    docs.push(
      `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: { name: data-${i} }\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: { requests: { storage: 1Gi } }\n`,
    );
    docs.push(
      `apiVersion: v1\nkind: Pod\nmetadata: { name: db-${i} }\nspec:\n  containers: [{ name: db, image: busybox, command: [sleep, "3600"], volumeMounts: [{ name: data, mountPath: /data }] }]\n  volumes: [{ name: data, persistentVolumeClaim: { claimName: data-${i} } }]\n`,
    );
  }
  const text = docs.join("---\n");
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const { state } = applyManifests(created.state, [{ name: "bench.yaml", text }]);
    const t1 = performance.now();
    if (i >= 1) times.push(t1 - t0);
    // The claims' pods, in default: kube-system's (kube-dns) were running before the apply.
    const running = listObjects(state, "Pod", "default").filter(
      (p) => (p.status as { phase?: string }).phase === "Running",
    ).length;
    const bound = listObjects(state, "PersistentVolumeClaim").filter(
      (p) => (p.status as { phase?: string }).phase === "Bound",
    ).length;
    if (running !== pods || bound !== pods)
      throw new Error(`${running} running pods, ${bound} bound claims, expected ${pods}`);
  }
  console.log(
    `${`provision + attach + mount: ${pods} pods, one claim each`.padEnd(52)} median ${median(times).toFixed(2).padStart(9)} ms  (${runs} runs)`,
  );
}

provisionAndMount(100, 3);
provisionAndMount(500, 3);
