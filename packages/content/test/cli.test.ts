// The kubejam author CLI as an author runs it: the built bin, real content/, exit codes and messages.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findContentRoot } from "../src/find-root";

const bin = join(import.meta.dirname, "..", "bin", "kubejam.mjs");
const content = findContentRoot(process.cwd()) ?? "";
const exercise = join(content, "exercises", "claim-ssd");
const work = mkdtempSync(join(tmpdir(), "kubejam-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function kubejam(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: work, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("kubejam", () => {
  it("grade: 0 for the solution, 1 for a known-wrong answer, with the failing check named", () => {
    const pass = kubejam(
      "grade",
      exercise,
      join(exercise, "solution/claim.yaml"),
      join(exercise, "solution/web.yaml"),
    );
    expect(pass.code).toBe(0);
    const fail = kubejam(
      "grade",
      exercise,
      join(exercise, "wrong/standard-class/claim.yaml"),
      join(exercise, "solution/web.yaml"),
      "--json",
    );
    expect(fail.code).toBe(1);
    const result = JSON.parse(fail.stdout) as { checks: { id: string; status: string }[] };
    expect(result.checks.find((c) => c.id === "claim-bound-ssd")?.status).toBe("fail");
  });

  it("cluster: writes the exercise's starting cluster where kjctl looks, and says how to use it", () => {
    const r = kubejam("cluster", exercise);
    const statePath = join(work, ".kubejam", "state.json");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`kjctl --state ${statePath} get`);
    expect(JSON.parse(readFileSync(statePath, "utf8")).objects["StorageClass//ssd"]).toBeTruthy();
  });

  it.each([
    [["cluster"], "kubejam cluster: give one exercise folder"],
    [["cluster", "no-such-folder"], "kubejam cluster: no-such-folder is not a folder"],
    [["cluster", exercise, "--nope"], 'kubejam: unknown flag "--nope"'],
  ])("cluster %j: exit 2 and says why", (args, message) => {
    const r = kubejam(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
