import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveAuthSecret } from "./auth-secret";

const tempFile = () => join(mkdtempSync(join(tmpdir(), "kubejam-secret-")), ".data", "auth-secret");

describe("resolveAuthSecret", () => {
  it("generates a secret on first start, keeps it private, and reuses it", () => {
    const file = tempFile();
    const first = resolveAuthSecret(undefined, file);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveAuthSecret("", file)).toBe(first);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    // The draft it was linked from is gone.
    expect(readdirSync(dirname(file))).toEqual(["auth-secret"]);
  });

  it("prefers BETTER_AUTH_SECRET and writes nothing", () => {
    const file = tempFile();
    const secret = "s".repeat(40);
    expect(resolveAuthSecret(secret, file)).toBe(secret);
    expect(() => statSync(file)).toThrow();
  });

  it("refuses a short BETTER_AUTH_SECRET or a damaged file", () => {
    expect(() => resolveAuthSecret("short", tempFile())).toThrow(/at least 32/);
    const file = tempFile();
    resolveAuthSecret(undefined, file);
    writeFileSync(file, "x\n");
    expect(() => resolveAuthSecret(undefined, file)).toThrow(/delete it/);
  });
});
