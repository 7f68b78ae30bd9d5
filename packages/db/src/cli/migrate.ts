// `pnpm --filter @kubejam/db migrate`: brings the database DATABASE_URL names (default: the SQLite
// file .data/kubejam.db at the repository root) up to date. `npm start` runs it before the app.
import { describeTarget } from "../database-target.ts";
import { currentDatabaseTarget } from "../db.ts";
import { migrate } from "../migrate/migrate.ts";

async function main(): Promise<void> {
  const target = currentDatabaseTarget();
  const report = await migrate(target);
  const applied = report.applied.length > 0 ? `applied ${report.applied.join(", ")}` : "already up to date";
  console.log(`migrate: ${describeTarget(target)}: ${applied}`);
  if (report.unknown.length > 0) {
    console.warn(
      `migrate: the database has migrations this code does not know: ${report.unknown.join(", ")}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(`migrate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
