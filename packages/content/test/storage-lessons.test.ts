// The storage lessons hold to what they say: each runs as the script a learner follows (every output a
// body shows is what the engine prints) and the lifetimes it teaches are checked on the real engine.
// Kept apart from lessons.test.ts (which holds LESSON_KINDS and the networking lessons) so the two
// course modules grow without touching each other's tests.
import { join } from "node:path";
import {
  advance,
  applyManifests,
  type ClusterState,
  createCluster,
  getObject,
  type Pod,
} from "@kubejam/engine";
import { run } from "@kubejam/kubectl";
import { describe, expect, it } from "vitest";
import { loadCourse } from "../src/index";
import type { ScriptRun } from "./lesson-script";
import { scriptOf } from "./lesson-script-expect";

const root = join(import.meta.dirname, "..", "..", "..", "content");
const { course } = loadCourse(root);
const lesson = (slug: string) => course?.lessons.find((l) => l.slug === slug);

function cluster(): ClusterState {
  const created = createCluster({ seed: 1 });
  if (!created.ok) throw new Error(created.errors.join("\n"));
  return created.state;
}

const kubectl = (state: ClusterState, line: string) => run(state, line.split(" "));

/** The step of a lesson's script that ran `command` (the nth time it appears). */
function step(run: ScriptRun, command: string, nth = 0) {
  const found = run.steps.filter((s) => s.command === command)[nth];
  if (!found) throw new Error(`the lesson does not run "${command}" ${nth + 1} times`);
  return found;
}

function applyText(state: ClusterState, name: string, text: string): ClusterState {
  const applied = applyManifests(state, [{ name, text }]);
  expect(
    applied.results.every((r) => r.ok),
    name,
  ).toBe(true);
  return applied.state;
}

describe("volumes says what the cluster does", () => {
  const l = lesson("volumes");
  const file = (name: string) => l?.manifests.find((m) => m.name === name)?.text ?? "";

  it("every command runs and every output shown is what the engine prints", () => {
    if (!l) throw new Error("the course has no lesson volumes");
    scriptOf(l);
  });

  it("a volume is seen only by the containers that mount it, each at its own path", () => {
    if (!l) throw new Error("the course has no lesson volumes");
    const run = scriptOf(l);
    const read = step(run, "kubectl exec scratch -c reader -- cat /in/greeting");
    expect(read.printed).toBe("hello\n");
    expect(step(run, "kubectl exec scratch -c bystander -- ls /cache").printed).toContain(
      "ls: /cache: No such file or directory",
    );
    const described = kubectl(read.state, "describe pod scratch").stdout;
    expect(described).toContain("/cache from cache (rw)");
    expect(described).toContain("/in from cache (rw)");
    expect(described).toContain("Type:       EmptyDir (a temporary directory that shares a pod's lifetime)");
  });

  it("a mount naming no volume of the pod is refused with the message the lesson prints", () => {
    if (!l) throw new Error("the course has no lesson volumes");
    const applied = applyManifests(cluster(), [{ name: "mount-typo.yaml", text: file("mount-typo.yaml") }]);
    const result = applied.results[0];
    const message = result && !result.ok ? result.diagnostic.message : "";
    expect(message).toBe(
      'The Pod "typo" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "cahce"',
    );
    expect(applied.state.objects).toEqual(cluster().objects);
    for (const locale of ["ko", "en"] as const) expect(l.body[locale]).toContain(`\`${message}\``);
  });

  it("an emptyDir goes with its pod: the same manifest applied again is a new pod, empty", () => {
    if (!l) throw new Error("the course has no lesson volumes");
    const run = scriptOf(l);
    const uid = (s: ClusterState) => getObject<Pod>(s, "Pod", "default", "scratch")?.metadata.uid;
    const before = step(run, "kubectl exec scratch -c reader -- cat /in/greeting", 0);
    const after = step(run, "kubectl exec scratch -c reader -- cat /in/greeting", 1);
    expect(uid(after.state)).toBeDefined();
    expect(uid(after.state)).not.toBe(uid(before.state));
    expect(after.printed).toContain("can't open '/in/greeting'");
  });

  it("a container that crashes and restarts finds the emptyDir's files where they were", () => {
    if (!l) throw new Error("the course has no lesson volumes");
    const crashing = file("scratch.yaml").replace(
      'command: ["sleep", "3600"]',
      'command: ["sh", "-c", "date >> /cache/starts; sleep 20; exit 1"]',
    );
    let state = applyText(cluster(), "scratch.yaml", crashing);
    const writer = () =>
      getObject<Pod>(state, "Pod", "default", "scratch")?.status.containerStatuses?.find(
        (c) => c.name === "writer",
      );
    for (let i = 0; i < 20; i++) {
      const w = writer();
      if ((w?.restartCount ?? 0) >= 2 && w?.state && "running" in w.state) break;
      state = advance(state, 10_000);
    }
    expect(writer()?.restartCount).toBeGreaterThanOrEqual(2);
    const starts = kubectl(state, "exec scratch -c reader -- cat /in/starts").stdout.trim().split("\n");
    expect(starts.length).toBe((writer()?.restartCount ?? 0) + 1);
  });

  it("an NFS volume's data outlives the pod, and a pod on another node sees it", () => {
    if (!l) throw new Error("the course has no lesson volumes");
    const run = scriptOf(l);
    const read = step(run, "kubectl exec notes -- cat /data/todo");
    expect(read.printed).toBe("buy milk\n");
    expect(kubectl(read.state, "describe pod notes").stdout).toContain(
      "Type:      NFS (an NFS mount that lasts the lifetime of a pod)",
    );
    // After the cleanup no pod is left; the file is still on the server, for a pod on another node.
    const notesNode = getObject<Pod>(read.state, "Pod", "default", "notes")?.spec.nodeName;
    const other = kubectl(run.state, "get nodes -o name")
      .stdout.trim()
      .split("\n")
      .map((n) => n.replace("node/", ""))
      .find((n) => n !== notesNode);
    expect(getObject<Pod>(run.state, "Pod", "default", "notes")).toBeUndefined();
    const elsewhere = file("notes-nfs.yaml").replace(
      "name: notes\nspec:",
      `name: elsewhere\nspec:\n  nodeName: ${other}`,
    );
    const state = applyText(run.state, "elsewhere.yaml", elsewhere);
    expect(getObject<Pod>(state, "Pod", "default", "elsewhere")?.spec.nodeName).toBe(other);
    expect(kubectl(state, "exec elsewhere -- cat /data/todo").stdout).toBe("buy milk\n");
  });
});

describe("operator-and-developer says what the cluster does", () => {
  const l = lesson("operator-and-developer");
  const need = () => {
    if (!l) throw new Error("the course has no lesson operator-and-developer");
    return l;
  };
  const file = (name: string) => l?.manifests.find((m) => m.name === name)?.text ?? "";
  type Claim = { spec: { volumeName?: string }; status: { phase?: string } };
  type Volume = {
    metadata: { name: string };
    spec: { claimRef?: { name: string } };
    status: { phase?: string };
  };
  const claim = (s: ClusterState, name: string) =>
    getObject(s, "PersistentVolumeClaim", "default", name) as unknown as Claim | undefined;
  const volumes = (s: ClusterState) =>
    (JSON.parse(run(s, ["get", "pv", "-o", "json"]).stdout) as { items: Volume[] }).items;

  it("every command runs and every output shown is what the engine prints", () => {
    scriptOf(need());
  });

  it("the default class is filled in, and WaitForFirstConsumer claims wait while an Immediate one binds", () => {
    const run = scriptOf(need());
    const waiting = step(run, "kubectl get pvc", 0).state;
    expect(kubectl(waiting, "describe pvc orders").stdout).toContain(
      "waiting for first consumer to be created before binding",
    );
    const cacheDoc = file("claims.yaml").split("---")[1] ?? "";
    expect(cacheDoc).toContain("name: cache");
    expect(cacheDoc).not.toMatch(/^\s+storageClassName:/m);
    const cache = getObject(waiting, "PersistentVolumeClaim", "default", "cache") as unknown as
      | { spec: { storageClassName?: string } }
      | undefined;
    expect(cache?.spec.storageClassName).toBe("standard-rwo");
    const legacy = step(run, "kubectl get pvc", 1).state;
    expect(claim(legacy, "legacy")?.status.phase).toBe("Bound");
    expect(claim(legacy, "orders")?.status.phase).toBe("Pending");
    expect(claim(legacy, "cache")?.status.phase).toBe("Pending");
  });

  it("a StorageClass's reclaimPolicy and volumeBindingMode cannot be changed", () => {
    const sc = file("storageclass-ssd-retain.yaml");
    const state = applyText(cluster(), "sc.yaml", sc);
    for (const [from, to, message] of [
      ["reclaimPolicy: Retain", "reclaimPolicy: Delete", "reclaimPolicy: Forbidden"],
      [
        "volumeBindingMode: WaitForFirstConsumer",
        "volumeBindingMode: Immediate",
        "volumeBindingMode: Forbidden",
      ],
      ["type: pd-ssd", "type: pd-balanced", "parameters: Forbidden"],
    ] as const) {
      const applied = applyManifests(state, [{ name: "sc.yaml", text: sc.replace(from, to) }]);
      const r = applied.results[0];
      expect(r && !r.ok ? r.diagnostic.message : "").toContain(message);
    }
  });

  it("a persistent disk class never provisions ReadWriteMany: ProvisioningFailed, Pending", () => {
    let state = applyText(cluster(), "sc.yaml", file("storageclass-ssd-retain.yaml"));
    const rwx = file("claims.yaml").split("---")[0]?.replace("- ReadWriteOnce", "- ReadWriteMany") ?? "";
    const pod = file("pod-shop.yaml")
      .replace(/ {4}- name: cache\n(?: {6}.*\n)+/, "")
      .replace(/ {8}- name: cache\n(?: {10}.*\n)+/, "");
    state = applyText(state, "rwx.yaml", `${rwx}\n---\n${pod}`);
    state = advance(state, 60_000);
    expect(claim(state, "orders")?.status.phase).toBe("Pending");
    expect(kubectl(state, "describe pvc orders").stdout).toMatch(/Warning\s+ProvisioningFailed/);
  });

  it("a claim still used by a pod stays Terminating until the pod is gone", () => {
    const run = scriptOf(need());
    const bound = step(run, "kubectl get pv", 0).state;
    const deleting = kubectl(bound, "delete pvc orders --wait=false").state;
    expect(kubectl(deleting, "get pvc orders").stdout).toMatch(/orders\s+Terminating/);
    const gone = kubectl(deleting, "delete pod shop").state;
    expect(claim(gone, "orders")).toBeUndefined();
  });

  it("Delete takes the volume and its disk; Retain leaves it Released, with the data, for the operator to hand back", () => {
    const run = scriptOf(need());
    const after = step(run, "kubectl get pv", 1).state;
    const left = volumes(after);
    expect(left.map((v) => [v.spec.claimRef?.name, v.status.phase])).toEqual([["orders", "Released"]]);
    const retained = left[0]?.metadata.name ?? "";
    const deleted = volumes(step(run, "kubectl get pv", 0).state)
      .map((v) => v.metadata.name)
      .filter((n) => n !== retained);
    for (const name of deleted) expect(Object.keys(after.fs)).not.toContain(`disk/pd/${name}`);
    expect(Object.keys(after.fs)).toContain(`disk/pd/${retained}`);
    // The lesson's own way back names this very volume, and each step of it works.
    expect(file("claim-restore.yaml")).toContain(`volumeName: ${retained}`);
    const patched = run.steps.find((s) => s.command.startsWith(`kubectl patch pv ${retained} `));
    expect(patched?.printed).toBe(`persistentvolume/${retained} patched\n`);
    expect(step(run, "kubectl exec reader -- cat /var/orders/book").printed).toBe("order 1001\n");

    // A new claim of the same name gets a new, empty disk: the Released volume is not bound again by itself.
    const orders = file("claims.yaml").split("---")[0] ?? "";
    const again = applyText(after, "orders.yaml", orders);
    expect(claim(again, "orders")?.status.phase).toBe("Pending"); // WaitForFirstConsumer: no pod yet
    const withPod = applyText(
      again,
      "reader.yaml",
      file("pod-shop.yaml")
        .replace("name: shop", "name: reader")
        .replace(/ {4}- name: cache\n(?: {6}.*\n)+/, "")
        .replace(/ {8}- name: cache\n(?: {10}.*\n)+/, ""),
    );
    expect(claim(withPod, "orders")?.spec.volumeName).not.toBe(retained);
    expect(kubectl(withPod, "exec reader -- ls /var/orders").stdout).not.toContain("book");

    // The operator's way back: remove the claimRef, then a claim names the volume.
    let back = kubectl(
      after,
      `patch pv ${retained} --type json -p [{"op":"remove","path":"/spec/claimRef"}]`,
    ).state;
    expect(volumes(back).find((v) => v.metadata.name === retained)?.status.phase).toBe("Available");
    back = applyText(back, "orders.yaml", orders.replace("spec:\n", `spec:\n  volumeName: ${retained}\n`));
    expect(claim(back, "orders")?.spec.volumeName).toBe(retained);
    back = applyText(
      back,
      "reader.yaml",
      file("pod-shop.yaml")
        .replace("name: shop", "name: reader")
        .replace(/ {4}- name: cache\n(?: {6}.*\n)+/, "")
        .replace(/ {8}- name: cache\n(?: {10}.*\n)+/, ""),
    );
    expect(kubectl(back, "exec reader -- cat /var/orders/book").stdout).toBe("order 1001\n");
  });

  it("the cleanup leaves no PersistentVolume and no ssd-retain class", () => {
    const run = scriptOf(need());
    expect(volumes(run.state)).toEqual([]);
    expect(kubectl(run.state, "get storageclass").stdout).not.toContain("ssd-retain");
  });
});
