// Every manifest a lesson shows is a real file that runs: each is applied, in the lesson's order, to the
// real engine, and what the lesson says happens is checked. A lesson whose kinds the engine does not serve
// yet (storage arrives in its own work) is skipped, judged from the engine's KINDS at test time.
import { join } from "node:path";
import {
  advance,
  applyManifests,
  type ClusterState,
  createCluster,
  getObject,
  KINDS,
  type Pod,
  parseManifests,
} from "@kubejam/engine";
import { run, splitCommandLine } from "@kubejam/kubectl";
import { describe, expect, it } from "vitest";
import { type Lesson, loadCourse } from "../src/index";

const root = join(import.meta.dirname, "..", "..", "..", "content");
const { course, diagnostics } = loadCourse(root);
const lessons = course?.lessons ?? [];

/** The kinds each lesson needs; kept by hand so that a new kind in a lesson is a conscious change. */
const LESSON_KINDS: Record<string, string[]> = {
  "one-ip-per-pod": ["Pod"],
  volumes: ["Pod"],
  "pv-pvc-storageclass": ["PersistentVolume", "PersistentVolumeClaim", "Pod", "StorageClass"],
};

const served = new Set(KINDS.map((k) => k.kind));
const missingKinds = (slug: string) => (LESSON_KINDS[slug] ?? []).filter((k) => !served.has(k));

function kindsIn(lesson: Lesson): string[] {
  const kinds = new Set<string>();
  for (const m of lesson.manifests) {
    const parsed = parseManifests(m.name, m.text);
    if (parsed.ok)
      for (const d of parsed.documents) if (typeof d.value.kind === "string") kinds.add(d.value.kind);
  }
  return [...kinds].sort();
}

function cluster(): ClusterState {
  const created = createCluster({ seed: 1 });
  if (!created.ok) throw new Error(created.errors.join("\n"));
  return created.state;
}

/** Applies a lesson's files in order as a learner would, holding each to its `expect`. */
function applyLesson(lesson: Lesson, upTo?: string): ClusterState {
  let state = cluster();
  for (const m of lesson.manifests) {
    const applied = applyManifests(state, [{ name: m.name, text: m.text }]);
    state = applied.state;
    const failures = applied.results.filter((r) => !r.ok).map((r) => (r.ok ? "" : r.diagnostic.message));
    if (m.expect === "applies") expect(failures, `${lesson.slug}/${m.name}`).toEqual([]);
    else expect(failures.length, `${lesson.slug}/${m.name} should be rejected`).toBeGreaterThan(0);
    if (m.name === upTo) break;
  }
  return state;
}

const kubectl = (state: ClusterState, line: string) => run(state, line.split(" "));

/** Runs a command line exactly as a lesson prints it (`kubectl …`, quotes and all), checking that both bodies show it. */
function shown(l: Lesson, state: ClusterState, line: string) {
  for (const locale of ["ko", "en"] as const)
    expect(l.body[locale], `${l.slug} (${locale}) shows \`${line}\``).toContain(`\n${line}\n`);
  const argv = splitCommandLine(line);
  if (!argv) throw new Error(`cannot split ${line}`);
  // `kubectl apply -f NAME` reads the lesson's own file, as the learner's editor holds it.
  return run(state, argv, {
    readManifests: (path) => {
      const m = l.manifests.find((f) => f.name === path);
      return m ? { ok: true, files: [{ name: m.name, text: m.text }] } : { ok: false, message: `no ${path}` };
    },
  });
}

/** The text a learner sees for a command: stdout, then stderr, as the terminal prints them. */
const screen = (r: { stdout: string; stderr: string }) => r.stdout + r.stderr;

/** Checks that both bodies show `text` (an output listing) verbatim. */
function showsOutput(l: Lesson, text: string) {
  for (const locale of ["ko", "en"] as const) expect(l.body[locale], `${l.slug} (${locale})`).toContain(text);
}
const lesson = (slug: string) => lessons.find((l) => l.slug === slug);

describe("content/", () => {
  it("loads without errors", () => {
    expect(diagnostics.filter((d) => d.level === "error")).toEqual([]);
    expect(lessons.length).toBeGreaterThan(0);
  });

  it("declares the kinds of every lesson in LESSON_KINDS", () => {
    expect(Object.fromEntries(lessons.map((l) => [l.slug, kindsIn(l)]))).toEqual(LESSON_KINDS);
  });

  for (const l of lessons) {
    it.skipIf(missingKinds(l.slug).length > 0)(
      `${l.slug}: every manifest applies as the lesson expects`,
      () => {
        applyLesson(l);
      },
    );
  }
});

describe("one-ip-per-pod says what the cluster does", () => {
  const l = lesson("one-ip-per-pod");
  it.skipIf(!l || missingKinds("one-ip-per-pod").length > 0)("two containers, one IP, one localhost", () => {
    if (!l) return;
    const state = applyLesson(l, "web-sidecar.yaml");
    const ip = getObject<Pod>(state, "Pod", "default", "web")?.status.podIP;
    expect(ip).toMatch(/^10\.8\./);
    expect(kubectl(state, "exec web -c nginx -- hostname -i").stdout.trim()).toBe(ip);
    expect(kubectl(state, "exec web -c sidecar -- hostname -i").stdout.trim()).toBe(ip);
    expect(kubectl(state, "exec web -c sidecar -- wget -qO- localhost").stdout).toContain(
      "Welcome to nginx!",
    );
    const refused = kubectl(state, "exec web -c sidecar -- wget -qO- localhost:8080");
    expect(refused.exitCode).not.toBe(0);
    expect(refused.stderr).toContain("Connection refused");
    expect(kubectl(state, "get pod web").stdout).toMatch(/web\s+2\/2\s+Running/);
  });
});

describe("pv-pvc-storageclass says what the cluster does", () => {
  const l = lesson("pv-pvc-storageclass");
  const skip = !l || missingKinds("pv-pvc-storageclass").length > 0;
  type Claim = { spec: { volumeName?: string }; status: { phase?: string; capacity?: { storage?: string } } };

  it.skipIf(skip)("a 3Gi claim binds the whole 5Gi NFS volume", () => {
    if (!l) return;
    const state = applyLesson(l, "claim-static.yaml");
    const claim = getObject(state, "PersistentVolumeClaim", "default", "web-content") as unknown as
      | Claim
      | undefined;
    expect(claim?.status.phase).toBe("Bound");
    expect(claim?.spec.volumeName).toBe("pv-nfs");
    expect(claim?.status.capacity?.storage).toBe("5Gi");
  });

  it.skipIf(skip)("a WaitForFirstConsumer claim waits for its pod, then binds a provisioned volume", () => {
    if (!l) return;
    const waiting = applyLesson(l, "claim-ssd.yaml");
    const before = getObject(waiting, "PersistentVolumeClaim", "default", "db-data") as unknown as
      | Claim
      | undefined;
    expect(before?.status.phase).toBe("Pending");
    expect(kubectl(waiting, "describe pvc db-data").stdout).toContain(
      "waiting for first consumer to be created before binding",
    );
    const state = applyLesson(l);
    const after = getObject(state, "PersistentVolumeClaim", "default", "db-data") as unknown as
      | Claim
      | undefined;
    expect(after?.status.phase).toBe("Bound");
    expect(after?.spec.volumeName).toMatch(/^pvc-/);
  });
});

describe("volumes says what the cluster does", () => {
  const l = lesson("volumes");
  const skip = !l || missingKinds("volumes").length > 0;
  const podFile = (name: string) => l?.manifests.find((m) => m.name === name);
  const applyFile = (state: ClusterState, name: string, text = podFile(name)?.text ?? "") => {
    const applied = applyManifests(state, [{ name, text }]);
    expect(applied.results.every((r) => r.ok)).toBe(true);
    return applied.state;
  };

  it.skipIf(skip)("a volume is seen only by the containers that mount it, each at its own path", () => {
    if (!l) return;
    let state = applyLesson(l, "scratch.yaml");
    expect(kubectl(state, "get pod scratch").stdout).toMatch(/scratch\s+3\/3\s+Running/);
    const wrote = shown(l, state, "kubectl exec scratch -c writer -- sh -c 'echo hello > /cache/greeting'");
    expect(wrote.exitCode).toBe(0);
    state = wrote.state;
    expect(shown(l, state, "kubectl exec scratch -c reader -- cat /in/greeting").stdout).toBe("hello\n");
    const bystander = shown(l, state, "kubectl exec scratch -c bystander -- ls /cache");
    expect(bystander.exitCode).toBe(1);
    showsOutput(l, `\`\`\`text\n${screen(bystander)}\`\`\``);
    const described = kubectl(state, "describe pod scratch").stdout;
    expect(described).toContain("/cache from cache (rw)");
    expect(described).toContain("/in from cache (rw)");
    expect(described).toContain("Type:       EmptyDir (a temporary directory that shares a pod's lifetime)");
  });

  it.skipIf(skip)("a mount naming no volume of the pod is refused with the message the lesson prints", () => {
    if (!l) return;
    const typo = podFile("mount-typo.yaml");
    const applied = applyManifests(cluster(), [{ name: "mount-typo.yaml", text: typo?.text ?? "" }]);
    const result = applied.results[0];
    expect(result?.ok).toBe(false);
    const message = result && !result.ok ? result.diagnostic.message : "";
    expect(message).toBe(
      'The Pod "typo" is invalid: spec.containers[0].volumeMounts[0].name: Not found: "cahce"',
    );
    showsOutput(l, `\`${message}\``);
  });

  it.skipIf(skip)("an emptyDir goes with its pod: the same manifest applied again starts empty", () => {
    if (!l) return;
    let state = applyLesson(l, "scratch.yaml");
    state = shown(l, state, "kubectl exec scratch -c writer -- sh -c 'echo hello > /cache/greeting'").state;
    state = shown(l, state, "kubectl delete pod scratch").state;
    expect(getObject<Pod>(state, "Pod", "default", "scratch")).toBeUndefined();
    state = shown(l, state, "kubectl apply -f scratch.yaml").state;
    const read = shown(l, state, "kubectl exec scratch -c reader -- cat /in/greeting");
    expect(read.exitCode).toBe(1);
    showsOutput(l, `\`\`\`text\n${screen(read)}\`\`\``);
  });

  it.skipIf(skip)("a container that crashes and restarts finds the emptyDir's files where they were", () => {
    if (!l) return;
    const crashing = (podFile("scratch.yaml")?.text ?? "").replace(
      'command: ["sleep", "3600"]',
      'command: ["sh", "-c", "date >> /cache/starts; sleep 20; exit 1"]',
    );
    let state = applyFile(cluster(), "scratch.yaml", crashing);
    for (let i = 0; i < 20; i++) {
      state = advance(state, 10_000);
      const pod = getObject<Pod>(state, "Pod", "default", "scratch");
      const writer = pod?.status.containerStatuses?.find((c) => c.name === "writer");
      if ((writer?.restartCount ?? 0) >= 2 && writer?.state && "running" in writer.state) break;
    }
    const writer = getObject<Pod>(state, "Pod", "default", "scratch")?.status.containerStatuses?.find(
      (c) => c.name === "writer",
    );
    expect(writer?.restartCount).toBeGreaterThanOrEqual(2);
    const starts = kubectl(state, "exec scratch -c reader -- cat /in/starts").stdout.trim().split("\n");
    expect(starts.length).toBe((writer?.restartCount ?? 0) + 1);
  });

  it.skipIf(skip)("an NFS volume's data outlives the pod, and another pod on another node sees it", () => {
    if (!l) return;
    let state = applyLesson(l);
    state = shown(l, state, `kubectl exec notes -- sh -c 'echo "buy milk" > /data/todo'`).state;
    state = shown(l, state, "kubectl delete pod notes").state;
    expect(getObject<Pod>(state, "Pod", "default", "notes")).toBeUndefined();
    state = shown(l, state, "kubectl apply -f notes-nfs.yaml").state;
    expect(shown(l, state, "kubectl exec notes -- cat /data/todo").stdout).toBe("buy milk\n");
    expect(kubectl(state, "describe pod notes").stdout).toContain(
      "Type:      NFS (an NFS mount that lasts the lifetime of a pod)",
    );
    const notesNode = getObject<Pod>(state, "Pod", "default", "notes")?.spec.nodeName;
    const nodes = kubectl(state, "get nodes -o name")
      .stdout.trim()
      .split("\n")
      .map((n) => n.replace("node/", ""));
    const other = nodes.find((n) => n !== notesNode);
    expect(other).toBeDefined();
    const elsewhere = (podFile("notes-nfs.yaml")?.text ?? "").replace(
      "name: notes\nspec:",
      `name: elsewhere\nspec:\n  nodeName: ${other}`,
    );
    state = applyFile(state, "elsewhere.yaml", elsewhere);
    expect(getObject<Pod>(state, "Pod", "default", "elsewhere")?.spec.nodeName).toBe(other);
    expect(kubectl(state, "exec elsewhere -- cat /data/todo").stdout).toBe("buy milk\n");
    state = shown(l, state, "kubectl delete pod scratch notes").state;
    expect(kubectl(state, "exec elsewhere -- cat /data/todo").stdout).toBe("buy milk\n");
  });
});
