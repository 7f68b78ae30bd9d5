// `pnpm bench`: grading one exercise in the grader (the starting cluster is built once per exercise,
// as on a server that keeps its exercises loaded). Medians; nothing here asserts a time.
// Warm-up: at least WARMUP_MS and at least WARMUP_RUNS grades before timing, so the JIT has settled
// (ten runs of ~5 ms each were not enough, nor was one second: see bench/engine.bench.ts in the engine).
import { performance } from "node:perf_hooks";
import { ExerciseSchema, grade } from "../src/index";

const l = (en: string) => ({ ko: en, en });
const exercise = ExerciseSchema.parse({
  id: "bench",
  title: l("bench"),
  cluster: { seed: 1 },
  checks: [
    {
      id: "ready",
      title: l("ready"),
      failure: l("not ready"),
      hint: l("hint"),
      expect: { podsReady: { selector: "app=web", count: 3 } },
    },
    {
      id: "reaches",
      title: l("reaches"),
      failure: l("does not reach"),
      hint: l("hint"),
      expect: { reachesAll: { from: "client", url: "http://web", selector: "app=web", requests: 30 } },
      why: "service/web",
    },
  ],
});
const files = [
  {
    name: "web.yaml",
    text: `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: hello, image: "gcr.io/google-samples/hello-app:1.0", ports: [{ containerPort: 8080, name: http }] }]
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80, targetPort: http }]
---
apiVersion: v1
kind: Pod
metadata: { name: client }
spec:
  containers: [{ name: c, image: busybox, command: [sleep, "3600"] }]
`,
  },
];

const WARMUP_MS = 3000;
const WARMUP_RUNS = 10;
const RUNS = 300;

const warmupStart = performance.now();
for (let i = 0; i < WARMUP_RUNS || performance.now() - warmupStart < WARMUP_MS; i++) {
  const r = grade(exercise, files);
  if (r.status !== "pass") throw new Error(JSON.stringify(r.checks));
}
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  const r = grade(exercise, files);
  const t1 = performance.now();
  if (r.status !== "pass") throw new Error(JSON.stringify(r.checks));
  times.push(t1 - t0);
}
times.sort((a, b) => a - b);
console.log(
  `${"grade one exercise (3 replicas, Service, client; 2 checks)".padEnd(58)} median ${(times[Math.floor(times.length / 2)] ?? 0).toFixed(2).padStart(9)} ms  (${RUNS} runs)`,
);
