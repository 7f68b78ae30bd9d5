// `npm start` serves from one process per core (apps/web/server.mjs, node:cluster): the processes
// share the port and the SQLite file, a process that dies is replaced, and none outlives the server.
import { randomBytes, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { freePort } from "@kubejam/db/test-support/embedded-postgres";
import { expect, test } from "@playwright/test";
import { type AppServer, startAppServer } from "../../support/app-server";
import { type FreshDatabase, freshDatabase } from "../../support/databases";
import { submittableAnswers } from "../../support/exercises";
import { signUpLearner } from "../../support/learner";

test.describe.configure({ mode: "serial", timeout: 180_000 });

let database: FreshDatabase;
let server: AppServer;

test.beforeAll(async () => {
  database = await freshDatabase("sqlite");
  server = await startAppServer({
    port: await freePort(),
    databaseUrl: database.url,
    authSecret: randomBytes(32).toString("base64url"),
    processes: 2,
  });
});

test.afterAll(async () => {
  await server?.stop();
  await database?.drop();
});

/** The pids of a process's children (Linux /proc). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]?.split(" ")[1];
      if (Number(ppid) === pid) children.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return children;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Waits until `check` holds (polling), or fails with `what`. */
async function eventually(what: string, check: () => boolean | Promise<boolean>, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting until ${what}`);
}

test("two processes grade and store submissions on one SQLite file, each once", async () => {
  const pid = server.process.pid ?? 0;
  expect(childrenOf(pid)).toHaveLength(2);
  const learner = await signUpLearner(server.origin, "Cluster");
  const answers = submittableAnswers();
  const keys = answers.map(() => randomUUID());
  // Enough at once that both processes write to the file together; each key is sent twice.
  const send = (i: number) => {
    const answer = answers[i % answers.length];
    if (!answer) throw new Error("no answers");
    return fetch(`${server.origin}/api/exercises/${answer.exerciseId}/submissions`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: learner.cookie,
        "idempotency-key": keys[i] ?? "",
      },
      body: JSON.stringify(answer.body),
    });
  };
  const responses = await Promise.all([...answers.keys(), ...answers.keys()].map(send));
  const statuses = responses.map((r) => r.status);
  expect(statuses.filter((s) => s === 201)).toHaveLength(answers.length);
  expect(statuses.filter((s) => s === 200)).toHaveLength(answers.length);
  const bodies = (await Promise.all(responses.map((r) => r.json()))) as { submissionId: string }[];
  expect(new Set(bodies.map((b) => b.submissionId)).size).toBe(answers.length);
});

/** POSTs on a new connection each time, so the cluster's round robin hands requests to both processes. */
function postOnNewConnection(url: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", headers, agent: false }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("error", reject);
    request.end(body);
  });
}

test("both processes count sign-in attempts against one limit (30 a minute per address)", async () => {
  const address = `198.51.100.${1 + (Date.now() % 250)}`;
  const attempt = () =>
    postOnNewConnection(
      `${server.origin}/api/auth/sign-in/email`,
      { "content-type": "application/json", origin: server.origin, "x-forwarded-for": address },
      JSON.stringify({ email: "nobody@example.test", password: "not the password" }),
    );
  const statuses: number[] = [];
  for (let i = 0; i < 31; i++) statuses.push(await attempt());
  // Counted per process (better-auth's memory storage), each would have seen about 15 and let the
  // 31st through.
  expect(statuses.slice(0, 30)).toEqual(Array(30).fill(401));
  expect(statuses[30]).toBe(429);
});

test("a process that dies is replaced, and the server answers meanwhile", async () => {
  const pid = server.process.pid ?? 0;
  const [victim] = childrenOf(pid);
  if (!victim) throw new Error("no server process to kill");
  process.kill(victim, "SIGKILL");
  await eventually("the supervisor has two processes again", () => {
    const children = childrenOf(pid);
    return children.length === 2 && !children.includes(victim);
  });
  await eventually("the server answers", async () => (await fetch(`${server.origin}/api/auth/ok`)).ok);
  expect(server.output()).toContain(`server process ${victim} exited (SIGKILL); starting another`);
});

test("no process outlives the server, even when it is killed with SIGKILL", async () => {
  const pid = server.process.pid ?? 0;
  const workers = childrenOf(pid);
  expect(workers).toHaveLength(2);
  await server.stop("SIGKILL");
  await eventually("every worker has exited", () => workers.every((w) => !alive(w)), 10_000);
  await expect(fetch(`${server.origin}/api/auth/ok`)).rejects.toThrow();
});

test("a server whose processes cannot serve (the port is taken) stops with a message, not a restart loop", async () => {
  const port = await freePort();
  // It hangs up at once, so the start's readiness checks fail fast instead of waiting on it.
  const taken = net.createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => taken.listen(port, "127.0.0.1", resolve));
  try {
    const start = startAppServer({
      port,
      databaseUrl: database.url,
      authSecret: randomBytes(32).toString("base64url"),
      processes: 2,
    });
    await expect(start).rejects.toThrow(/the app exited \(1\) at start/);
    await expect(start).rejects.toThrow(/a server process exited \(1\) before it served; stopping/);
  } finally {
    await new Promise((resolve) => taken.close(resolve));
  }
});
