// Runs once when a server process starts, before it serves a request: brings the database up to
// date (a fresh clone gets .data/kubejam.db here), so `next start` needs no other step. Several
// processes starting together are safe: the migration runner takes a lock.
export async function register(): Promise<void> {
  // Next sets NEXT_RUNTIME for each runtime; the database is for Node only (not the edge proxy).
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { currentDatabaseTarget, describeTarget, migrate } = await import("@kubejam/db");
  const target = currentDatabaseTarget();
  const report = await migrate(target);
  if (report.applied.length > 0)
    console.log(`kubejam: ${describeTarget(target)}: applied ${report.applied.join(", ")}`);
}
