// The real app server (`npm start`'s apps/web/server.mjs, serving the production build) as a child
// process the test or bench owns: its own port, database and session secret, killed by its pid
// (SIGKILL for the crash tests). One process unless `processes` says more (node:cluster workers).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.join(here, "..", "..");
const web = path.join(repoRoot, "apps", "web");

export type AppServer = {
  readonly origin: string;
  readonly process: ChildProcess;
  /** Everything the server printed (for a failing test's message). */
  readonly output: () => string;
  /** SIGTERM, or SIGKILL for a crash; resolves once the process is gone. */
  readonly stop: (signal?: NodeJS.Signals) => Promise<void>;
};

export type AppServerOptions = {
  readonly port: number;
  /** `file:/abs/path.db` or `postgresql://…` */
  readonly databaseUrl: string;
  /** BETTER_AUTH_SECRET: processes that share sessions share it. */
  readonly authSecret: string;
  /** WEB_CONCURRENCY: server processes on the one port (default 1, `next start`'s one process). */
  readonly processes?: number;
  readonly env?: Record<string, string>;
};

/** Starts `next start` and waits until it answers (the database is migrated by then). */
export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  if (!existsSync(path.join(web, ".next", "BUILD_ID")))
    throw new Error("build the app first: pnpm --filter @kubejam/web build");
  const origin = `http://127.0.0.1:${options.port}`;
  // One process serves from the very process spawned (its pid is the server's); several are that
  // process's cluster workers, which exit with it.
  const server = path.join(web, "server.mjs");
  const child = spawn(process.execPath, [server, "-p", String(options.port), "-H", "127.0.0.1"], {
    cwd: web,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      BETTER_AUTH_SECRET: options.authSecret,
      WEB_CONCURRENCY: String(options.processes ?? 1),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on("data", (chunk) => {
    output += String(chunk);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}) at start:\n${output}`);
    try {
      // better-auth's health route: answered by the app's route handler once the server is up.
      if ((await fetch(`${origin}/api/auth/ok`)).ok)
        return { origin, process: child, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  await stop("SIGKILL");
  throw new Error(`the app did not answer within 60 s:\n${output}`);
}
