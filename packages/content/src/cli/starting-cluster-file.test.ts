import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startingCluster } from "@kubejam/grader";
import { run } from "@kubejam/kubectl";
import { afterEach, describe, expect, it } from "vitest";
import { findContentRoot } from "../find-root";
import { loadCourse } from "../load-course";
import { writeStartingCluster } from "./starting-cluster-file";

// `kubejam cluster`: the file kjctl reads holds byte for byte the cluster the grader starts from.
describe("writeStartingCluster", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const root = findContentRoot(process.cwd());
  const exercise = (id: string) => {
    const found = (root ? loadCourse(root).course?.exercises : undefined)?.find((e) => e.id === id);
    if (!found) throw new Error(`exercise ${id} does not load`);
    return found;
  };

  it("writes the grader's starting cluster where kjctl keeps state, folders included", () => {
    const dir = mkdtempSync(join(tmpdir(), "kubejam-cluster-"));
    dirs.push(dir);
    const claimSsd = exercise("claim-ssd");
    const statePath = join(dir, ".kubejam", "state.json");
    expect(writeStartingCluster(claimSsd, statePath)).toEqual({ ok: true });
    const text = readFileSync(statePath, "utf8");
    expect(text).toBe(JSON.stringify(startingCluster(claimSsd.exercise)));
    const listed = run(JSON.parse(text), ["get", "storageclass", "ssd", "-o", "name"]);
    expect(listed.stdout).toBe("storageclass.storage.k8s.io/ssd\n");
  });

  it("says why an exercise's setup cannot make a cluster, and writes nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "kubejam-cluster-"));
    dirs.push(dir);
    const good = exercise("claim-ssd");
    const broken = {
      ...good,
      exercise: {
        ...good.exercise,
        cluster: { ...good.exercise.cluster, setup: [{ name: "bad.yaml", text: "kind: Pod\n" }] },
      },
    };
    const statePath = join(dir, "state.json");
    const written = writeStartingCluster(broken, statePath);
    expect(written).toMatchObject({ ok: false, message: expect.stringContaining("setup is invalid") });
    expect(() => readFileSync(statePath)).toThrow();
  });
});
