// The package's two commands, run as the README says, against DATABASE_URL.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../src/client.ts";
import type { DatabaseTarget } from "../src/database-target.ts";
import { getUserRole } from "../src/queries/users.ts";
import { createEmptyDatabase, PROVIDERS } from "./support/test-database.ts";

const packageDir = new URL("..", import.meta.url).pathname;

function run(script: string, args: string[], databaseUrl: string, stdin = "") {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
      cwd: packageDir,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const urlOf = (target: DatabaseTarget) => (target.provider === "sqlite" ? `file:${target.file}` : target.url);

describe.each(PROVIDERS)("%s: commands", (provider) => {
  let target: DatabaseTarget;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ target, drop } = await createEmptyDatabase(provider));
  });
  afterAll(() => drop());

  it("migrate creates the tables and reports what it applied, without the password", async () => {
    const first = await run("src/cli/migrate.ts", [], urlOf(target));
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/migrate: (SQLite|PostgreSQL) .*: applied 0001_init\.sql/);
    expect(first.stdout).not.toContain("kubejam-test@");
  });

  it("create-admin reads the password from stdin and makes an admin", async () => {
    const created = await run(
      "src/cli/create-admin.ts",
      ["--email", "Admin@Example.test", "--password-stdin", "--name", "Ada"],
      urlOf(target),
      "a-long-enough-password\n",
    );
    expect(created.stderr).toBe("");
    expect(created.stdout).toContain("created admin admin@example.test");
    const db = createDb(target);
    try {
      const user = await db.user.findUniqueOrThrow({
        where: { email: "admin@example.test" },
        select: { id: true },
      });
      expect(await getUserRole(db, user.id)).toBe("admin");
    } finally {
      await db.$disconnect();
    }
  });
});

describe("create-admin", () => {
  it("exits non-zero with a message when the password is too short", async () => {
    const { target, drop } = await createEmptyDatabase("sqlite");
    try {
      const refused = await run(
        "src/cli/create-admin.ts",
        ["--email", "x@example.test", "--password", "short"],
        urlOf(target),
      );
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^create-admin: /);
    } finally {
      await drop();
    }
  });
});
