// `pnpm bench`: medians of apply + reconcile on the real engine. Not a test: nothing here asserts a time.
// Each case first warms up for at least WARMUP_MS and at least half its timed runs: V8 optimises the
// engine's many functions over several hundred applies, and after a one-second warm-up the lesson
// case still ran at twice the time it settles at (three seconds gets within ~10 % of six).
import { performance } from "node:perf_hooks";
import { applyManifests, createCluster, listObjects } from "../src/index";
import { type ApplyCase, LESSON, podsAcrossDeployments } from "./apply-cases";

/** Warm-up budget per case, in wall-clock time (the run count alone was too short for fast cases). */
const WARMUP_MS = 3000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function measure({ label, runs, text, topology, pods: expectPods }: ApplyCase): number {
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

measure(LESSON);
const t500 = measure(podsAcrossDeployments(5, 10));
const t5000 = measure(podsAcrossDeployments(50, 5));
console.log(`ratio 5,000 / 500 pods: ${(t5000 / t500).toFixed(2)} (linear is 10)`);
