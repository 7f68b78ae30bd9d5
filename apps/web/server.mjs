// `npm start`'s server: the production build, served by one process per CPU core (node:cluster
// workers sharing one port). A Node process runs JavaScript on one core and grading is CPU-bound, so
// `next start`'s single process leaves the other cores idle while submissions queue. The processes
// share nothing but the database (ARCHITECTURE.md, "Growing past one machine"): the migration runner
// takes a lock when they start together, and on SQLite a process waits for another's write lock on a
// timer (packages/db/src/sqlite-adapter.ts).
//
// Usage: node server.mjs [-p PORT] [-H HOST]. From the environment: PORT, HOST, and WEB_CONCURRENCY,
// the number of processes (default: the cores Node may use); with 1, this process serves itself.
import cluster from "node:cluster";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import next from "next";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? process.env.HOST ?? "127.0.0.1";
const processes = Number(process.env.WEB_CONCURRENCY || os.availableParallelism());

if (cluster.isPrimary && !(Number.isInteger(processes) && processes >= 1)) {
  console.error(
    `kubejam: WEB_CONCURRENCY must be a number of processes (1 or more), not "${process.env.WEB_CONCURRENCY}"`,
  );
  process.exit(2);
}
if (cluster.isPrimary && processes > 1) supervise(processes);
else await serve();

/**
 * Forks the workers and replaces one that dies while serving. A worker that dies before it served
 * (a migration that fails, a port in use) stops them all: starting it again would fail the same way.
 * SIGTERM and SIGINT stop the workers, then this process.
 */
function supervise(count) {
  let stopping = false;
  const serving = new Set();
  const stop = (code) => {
    if (!stopping) {
      stopping = true;
      process.exitCode = code;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    }
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
  };
  cluster.on("listening", (worker) => {
    serving.add(worker.id);
    if (serving.size === count && !stopping)
      console.log(`kubejam: serving http://${hostname}:${port} from ${count} processes`);
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return stop();
    if (!serving.has(worker.id)) {
      console.error(`kubejam: a server process exited (${signal ?? code}) before it served; stopping`);
      return stop(1);
    }
    serving.delete(worker.id);
    console.error(
      `kubejam: server process ${worker.process.pid} exited (${signal ?? code}); starting another`,
    );
    cluster.fork();
  });
  process.on("SIGTERM", () => stop(0));
  process.on("SIGINT", () => stop(0));
  for (let i = 0; i < count; i++) cluster.fork();
}

async function serve() {
  const app = next({ dev: false, dir: path.dirname(fileURLToPath(import.meta.url)), hostname, port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((request, response) => handle(request, response));
  server.on("error", (error) => {
    console.error(`kubejam: cannot serve on ${hostname}:${port}: ${error.message}`);
    process.exit(1);
  });
  server.listen(port, hostname, () => {
    if (cluster.isPrimary) console.log(`kubejam: serving http://${hostname}:${port}`);
  });
  // A worker whose supervisor is gone (killed with SIGKILL) must not go on serving alone.
  if (cluster.isWorker) process.on("disconnect", () => process.exit(1));
}
