// Which database DATABASE_URL means.
import { describe, expect, it } from "vitest";
import { redactUrl, resolveDatabaseTarget } from "../src/database-target.ts";
import { readEnv } from "../src/env.ts";
import { findRepositoryRoot } from "../src/repository-root.ts";

const root = "/srv/kubejam";

describe("resolveDatabaseTarget", () => {
  it.each([
    [undefined, { provider: "sqlite", file: "/srv/kubejam/.data/kubejam.db" }],
    ["file:.data/other.db", { provider: "sqlite", file: "/srv/kubejam/.data/other.db" }],
    ["file:./e2e.db?mode=rwc", { provider: "sqlite", file: "/srv/kubejam/e2e.db" }],
    ["file:/var/lib/kubejam/app.db", { provider: "sqlite", file: "/var/lib/kubejam/app.db" }],
    ["file:///var/lib/kubejam/app.db", { provider: "sqlite", file: "/var/lib/kubejam/app.db" }],
    ["postgres://app:pw@db:5432/app", { provider: "postgresql", url: "postgres://app:pw@db:5432/app" }],
    [
      "postgresql://app@db/app?sslmode=require",
      { provider: "postgresql", url: "postgresql://app@db/app?sslmode=require" },
    ],
  ])("%s", (url, expected) => {
    expect(resolveDatabaseTarget(url, root)).toEqual(expected);
  });

  it("refuses other URLs without echoing their password", () => {
    expect(() => resolveDatabaseTarget("mysql://app:secret@db/app", root)).toThrow(
      'DATABASE_URL must start with file:, postgres:// or postgresql:// (got "mysql://app:***@db/app")',
    );
    expect(() => resolveDatabaseTarget("file:", root)).toThrow(/needs a path/);
  });

  it("redacts passwords", () => {
    expect(redactUrl("postgresql://app:s3cr3t@db:5432/app")).toBe("postgresql://app:***@db:5432/app");
    expect(redactUrl("postgresql://db/app")).toBe("postgresql://db/app");
  });
});

describe("readEnv", () => {
  it("treats an empty DATABASE_URL as unset", () => {
    expect(readEnv({ DATABASE_URL: "  " }).DATABASE_URL).toBeUndefined();
    expect(readEnv({}).DATABASE_URL).toBeUndefined();
    expect(readEnv({ DATABASE_URL: "file:x.db" }).DATABASE_URL).toBe("file:x.db");
  });
});

describe("findRepositoryRoot", () => {
  it("finds the workspace root from inside a package", () => {
    const fromPackage = findRepositoryRoot(import.meta.dirname);
    expect(findRepositoryRoot(`${fromPackage}/apps/web`)).toBe(fromPackage);
    expect(fromPackage.endsWith("packages/db")).toBe(false);
  });
});
