// What the storage exercises' checks rely on, proven on the real engine beyond the grader's own
// expectations: keep-the-ledger grades a Released, Retain volume after the claim is deleted; here the
// data on that volume's disk is read back, the way the operator of the lesson hands it back.
import { join } from "node:path";
import { advance, applyManifests, type ClusterState } from "@kubejam/engine";
import { durationMs, startingCluster } from "@kubejam/grader";
import { run, splitCommandLine } from "@kubejam/kubectl";
import { describe, expect, it } from "vitest";
import { type LoadedExercise, loadExercise } from "../src/index";

const root = join(import.meta.dirname, "..", "..", "..", "content");

function load(id: string): LoadedExercise {
  const loaded = loadExercise(root, id).exercise;
  if (!loaded) throw new Error(`the exercise ${id} does not load`);
  return loaded;
}

function kubectl(state: ClusterState, line: string) {
  const argv = splitCommandLine(line);
  if (!argv) throw new Error(`cannot split ${line}`);
  return run(state, argv);
}

/** The learner's files applied to the exercise's cluster, then one check's actions, as the grader runs them. */
function afterCheck(ex: LoadedExercise, files: LoadedExercise["solution"], checkId: string): ClusterState {
  let state = applyManifests(startingCluster(ex.exercise), files).state;
  state = advance(state, durationMs(ex.exercise.cluster.settle));
  const check = ex.exercise.checks.find((c) => c.id === checkId);
  if (!check) throw new Error(`no check ${checkId}`);
  for (const a of check.actions) {
    if ("kubectl" in a) state = kubectl(state, a.kubectl).state;
    else if ("advance" in a) state = advance(state, durationMs(a.advance));
    else state = applyManifests(state, files).state;
  }
  return state;
}

type Volume = {
  metadata: { name: string };
  spec: { claimRef?: { name: string } };
  status: { phase?: string };
};
const volumes = (s: ClusterState) =>
  (JSON.parse(run(s, ["get", "pv", "-o", "json"]).stdout) as { items: Volume[] }).items;

describe("keep-the-ledger", () => {
  const ex = load("keep-the-ledger");

  it("the Released volume the solution leaves behind still holds the ledger's entry", () => {
    let state = afterCheck(ex, ex.solution, "disk-outlives-claim");
    const kept = volumes(state).find((v) => v.spec.claimRef?.name === "ledger");
    expect(kept?.status.phase).toBe("Released");
    const name = kept?.metadata.name ?? "";
    state = kubectl(
      state,
      `patch pv ${name} --type json -p '[{"op":"remove","path":"/spec/claimRef"}]'`,
    ).state;
    const claim = ex.solution.find((f) => f.name === "claim.yaml")?.text ?? "";
    const reader = `apiVersion: v1
kind: Pod
metadata:
  name: reader
spec:
  volumes: [{ name: ledger, persistentVolumeClaim: { claimName: ledger } }]
  containers:
    - name: app
      image: busybox:1.36
      command: ["sleep", "3600"]
      volumeMounts: [{ name: ledger, mountPath: /var/ledger }]
`;
    const applied = applyManifests(state, [
      { name: "claim.yaml", text: claim.replace("spec:\n", `spec:\n  volumeName: ${name}\n`) },
      { name: "reader.yaml", text: reader },
    ]);
    expect(applied.results.every((r) => r.ok)).toBe(true);
    state = advance(applied.state, 30_000);
    expect(kubectl(state, "exec reader -- cat /var/ledger/entries").stdout).toBe("entry 1, 100 coins\n");
  });

  it("with the default class, deleting the claim deletes the volume: nothing is left to hand back", () => {
    const wrong = ex.wrong.find((w) => w.id === "default-class");
    if (!wrong) throw new Error("no wrong answer default-class");
    const state = afterCheck(ex, wrong.files, "disk-outlives-claim");
    expect(volumes(state)).toEqual([]);
  });
});

describe("notes-outlive-pod", () => {
  const ex = load("notes-outlive-pod");

  it("the solution's notes are on the share the backup pod reads, after the pod is re-created", () => {
    const state = afterCheck(ex, ex.solution, "outlives-pod");
    expect(kubectl(state, "exec notes -- cat /var/notes/marker").stdout).toBe("kept\n");
    expect(kubectl(state, "exec backup -- cat /backup/marker").stdout).toBe("kept\n");
    // Each start of the app appended a line: the first pod's and the re-created pod's.
    expect(kubectl(state, "exec backup -- cat /backup/journal").stdout.trim().split("\n")).toHaveLength(2);
  });
});
