// `pnpm bench:ab REF`: the apply cases of engine.bench.ts on two builds of the engine in one process,
// their applies alternating, so both see the same machine at the same moment. On a busy host the
// medians of separate runs moved by up to a factor of two within an hour; the ratio of interleaved
// ones moved by a few percent. The 5,000-pod case is the least steady: both builds' 5,000-pod states
// share one heap and its garbage collector. Run by scripts/bench-ab.mjs, which bundles the two engines.
// Usage: node ab.bench.mjs BASE_ENGINE.cjs HEAD_ENGINE.cjs
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import type * as Engine from "../src/index";
import { type ApplyCase, LESSON, podsAcrossDeployments } from "./apply-cases";

const WARMUP_MS = 3000;

const load = createRequire(import.meta.url);
const [basePath, headPath] = process.argv.slice(2);
if (!basePath || !headPath) throw new Error("usage: ab.bench.mjs BASE_ENGINE HEAD_ENGINE");
const builds = [
  { name: "base", engine: load(basePath) as typeof Engine },
  { name: "head", engine: load(headPath) as typeof Engine },
];

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function compare(c: ApplyCase): void {
  const runs = builds.map(({ name, engine }) => {
    const created = engine.createCluster({ seed: 42, topology: c.topology });
    if (!created.ok) throw new Error(created.errors.join("\n"));
    const apply = () => engine.applyManifests(created.state, [{ name: "bench.yaml", text: c.text }]).state;
    const running = (state: Engine.ClusterState) =>
      engine
        .listObjects(state, "Pod", "default")
        .filter((p) => (p.status as { phase?: string }).phase === "Running").length;
    if (running(apply()) !== c.pods) throw new Error(`${c.label}: ${name} did not run ${c.pods} pods`);
    return { apply, times: [] as number[] };
  });
  const warmupStart = performance.now();
  for (let i = 0; i < Math.ceil(c.runs / 2) || performance.now() - warmupStart < WARMUP_MS; i++)
    for (const r of runs) r.apply();
  for (let i = 0; i < c.runs; i++) {
    // Alternate which build goes first, so neither always runs right after the other's garbage.
    for (const r of i % 2 === 0 ? runs : [...runs].reverse()) {
      const t0 = performance.now();
      r.apply();
      r.times.push(performance.now() - t0);
    }
  }
  const [base, head] = runs.map((r) => median(r.times));
  console.log(
    `${c.label.padEnd(46)} base ${base?.toFixed(2).padStart(8)} ms  head ${head?.toFixed(2).padStart(8)} ms  head/base ${((head ?? 0) / (base ?? 1)).toFixed(3)}  (${c.runs} runs each)`,
  );
}

compare(LESSON);
compare(podsAcrossDeployments(5, 20));
compare(podsAcrossDeployments(50, 8));
