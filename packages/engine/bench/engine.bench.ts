// `pnpm bench`: medians of apply + reconcile on the real engine. Not a test: nothing here asserts a time.
// Each case first warms up for at least WARMUP_MS and at least half its timed runs: V8 optimises the
// engine's many functions over several hundred applies, and after a one-second warm-up the lesson
// case still ran at twice the time it settles at (three seconds gets within ~10 % of six).
import { performance } from "node:perf_hooks";
import { applyManifests, createCluster, listObjects } from "../src/index";

function deployment(name: string, replicas: number, image = "nginx:1.27"): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: ${name} }\nspec:\n  replicas: ${replicas}\n  selector: { matchLabels: { app: ${name} } }\n  template:\n    metadata: { labels: { app: ${name} } }\n    spec:\n      containers:\n      - name: app\n        image: ${image}\n        ports: [{ containerPort: 80 }]\n`;
}

function pod(name: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata: { name: ${name}, labels: { app: ${name} } }\nspec:\n  containers:\n  - { name: app, image: busybox, command: ["sh", "-c", "echo ready > /tmp/ready; sleep 3600"] }\n`;
}

/** Warm-up budget per case, in wall-clock time (the run count alone was too short for fast cases). */
const WARMUP_MS = 3000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function measure(
  label: string,
  runs: number,
  text: string,
  topology: { nodeCount: number },
  expectPods: number,
): number {
  const created = createCluster({ seed: 42, topology });
  if (!created.ok) throw new Error(created.errors.join("\n"));
  const times: number[] = [];
  let objects = 0;
  // Warm-up runs let the JIT compile the engine's hot paths before anything is timed.
  const minWarmupRuns = Math.max(2, Math.ceil(runs / 2));
  const warmupStart = performance.now();
  let warmed = 0;
  while (warmed < minWarmupRuns || performance.now() - warmupStart < WARMUP_MS) {
    applyManifests(created.state, [{ name: "bench.yaml", text }]);
    warmed++;
  }
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const { state } = applyManifests(created.state, [{ name: "bench.yaml", text }]);
    const t1 = performance.now();
    times.push(t1 - t0);
    // The learner's pods, in default: kube-system's (kube-dns) were running before the apply.
    const pods = listObjects(state, "Pod", "default").filter(
      (p) => (p.status as { phase?: string }).phase === "Running",
    ).length;
    if (pods !== expectPods) throw new Error(`${label}: ${pods} running pods, expected ${expectPods}`);
    objects = Object.keys(state.objects).filter((k) => !k.startsWith("Event/")).length;
  }
  const m = median(times);
  console.log(
    `${label.padEnd(44)} median ${m.toFixed(2).padStart(9)} ms  (${runs} runs, ${objects} objects)`,
  );
  return m;
}

const lesson = [
  ...Array.from({ length: 6 }, (_, i) => deployment(`app${i}`, 2)),
  ...Array.from({ length: 6 }, (_, i) => pod(`tool${i}`)),
].join("---\n");
measure("apply + reconcile: 30-object lesson cluster", 300, lesson, { nodeCount: 3 }, 18);
const big = { nodeCount: 50 };
const t500 = measure(
  "apply + reconcile: 500 pods (5 Deployments)",
  10,
  Array.from({ length: 5 }, (_, i) => deployment(`web${i}`, 100)).join("---\n"),
  big,
  500,
);
const t5000 = measure(
  "apply + reconcile: 5,000 pods (50 Deployments)",
  5,
  Array.from({ length: 50 }, (_, i) => deployment(`web${i}`, 100)).join("---\n"),
  big,
  5000,
);
console.log(`ratio 5,000 / 500 pods: ${(t5000 / t500).toFixed(2)} (linear is 10)`);
