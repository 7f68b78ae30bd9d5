// pnpm --filter @kubejam/db create-admin --email admin@example.com --password-stdin [--name "Ada"]
// pnpm --filter @kubejam/db create-admin --email admin@example.com --password 'at least 8 chars'
// Migrates first, so it works on a fresh database too.
import { text } from "node:stream/consumers";
import { parseArgs } from "node:util";
import { createDb } from "../client.ts";
import { describeTarget } from "../database-target.ts";
import { currentDatabaseTarget } from "../db.ts";
import { migrate } from "../migrate/migrate.ts";
import { createAdmin } from "../queries/users.ts";

const USAGE =
  "usage: create-admin --email EMAIL (--password PASSWORD | --password-stdin) [--name NAME]\n" +
  "  --password-stdin reads the password from standard input (keeps it out of shell history)";

async function readPassword(values: { password?: string; "password-stdin"?: boolean }): Promise<string> {
  if (values["password-stdin"]) return (await text(process.stdin)).replace(/\r?\n$/, "");
  if (values.password !== undefined) return values.password;
  throw new Error(USAGE);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      password: { type: "string" },
      "password-stdin": { type: "boolean" },
      name: { type: "string" },
    },
    strict: true,
  });
  if (values.email === undefined) throw new Error(USAGE);
  const password = await readPassword(values);
  const target = currentDatabaseTarget();
  await migrate(target);
  const db = createDb(target);
  try {
    const outcome = await createAdmin(db, { email: values.email, password, name: values.name });
    const what =
      outcome.kind === "created" ? "created admin" : "promoted existing user to admin (password unchanged)";
    console.log(
      `create-admin: ${describeTarget(target)}: ${what} ${values.email.toLowerCase()} (${outcome.userId})`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`create-admin: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
