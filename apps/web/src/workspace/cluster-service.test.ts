import { findContentRoot, loadCourse } from "@kubejam/content";
import { startingCluster } from "@kubejam/grader";
import { describe, expect, it } from "vitest";
import { ClusterSession } from "./cluster-service";
import type { WorkerReply } from "./protocol";

const WEB = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
  - name: sidecar
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
`;
const STUCK = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: picky
spec:
  replicas: 1
  selector:
    matchLabels: { app: picky }
  template:
    metadata:
      labels: { app: picky }
    spec:
      nodeSelector:
        disktype: ssd
      containers:
      - name: app
        image: nginx:1.27
`;

type Type = Extract<WorkerReply, { ok: true }>["type"];

function ok<T extends Type>(reply: WorkerReply, type: T) {
  if (!reply.ok || reply.type !== type) throw new Error(JSON.stringify(reply));
  return reply as Extract<WorkerReply, { ok: true; type: T }>;
}

describe("ClusterSession", () => {
  it("applies files and reports kubectl's lines, tables and the graph", () => {
    const s = new ClusterSession();
    const init = ok(s.handle({ id: 1, type: "init" }), "init");
    expect(init.resourceTypes.find((r) => r.kind === "Pod")?.names).toContain("po");
    expect(JSON.stringify(init.schema)).toContain('"const":"Pod"');
    const reply = ok(s.handle({ id: 2, type: "apply", files: [{ name: "web.yaml", text: WEB }] }), "apply");
    expect(reply.lines).toEqual([{ ok: true, text: "pod/web created" }]);
    const pods = reply.snapshot.tables.find((t) => t.kind === "Pod");
    expect(pods?.rows.map((r) => r.name)).toEqual(["web"]);
    expect(reply.snapshot.podStatus["Pod/default/web"]).toBe("Running");
    expect(reply.snapshot.graph.pods[0]?.ip).toMatch(/^10\.8\./);
    expect(reply.snapshot.containers.web).toEqual(["nginx", "sidecar"]);
  });

  it("puts an engine diagnostic where kubectl says it is", () => {
    const s = new ClusterSession();
    const text = WEB.replace("image: nginx:1.27", "imagee: nginx:1.27");
    const reply = ok(s.handle({ id: 1, type: "apply", files: [{ name: "web.yaml", text }] }), "apply");
    expect(reply.lines[0]).toMatchObject({
      ok: false,
      code: "decode",
      position: { file: "web.yaml", line: 8 },
    });
    expect(reply.markers["web.yaml"]?.[0]?.message).toContain('unknown field "spec.containers[0].imagee"');
  });

  it("traces a Deployment's pending pod to the nodeSelector line of the template", () => {
    const s = new ClusterSession();
    const reply = ok(
      s.handle({ id: 1, type: "apply", files: [{ name: "picky.yaml", text: STUCK }] }),
      "apply",
    );
    const why = reply.snapshot.why[0];
    expect(why?.reasons[0]?.code).toBe("node-selector-mismatch");
    expect(why?.locations[0]).toEqual({ file: "picky.yaml", line: 14, column: 9 });
    expect(reply.snapshot.whyMarkers["picky.yaml"]?.[0]?.line).toBe(14);
  });

  it.each([
    {
      story: "a claim for a class that does not exist points at storageClassName",
      file: "claim.yaml",
      text: "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n  storageClassName: fast\n",
      id: "PersistentVolumeClaim/default/data",
      code: "class-not-found",
      at: { line: 10, column: 3 },
    },
    {
      story: "a Service whose selector has a typo points at the selector's key",
      file: "svc.yaml",
      text: `${WEB.replace("  name: web\n", "  name: web\n  labels: {app: web}\n")}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: wbe\n  ports:\n  - port: 80\n`,
      id: "Service/default/web",
      code: "selector-mismatch",
      at: { line: 20, column: 5 },
    },
  ])("$story", ({ file, text, id, code, at }) => {
    const s = new ClusterSession();
    const reply = ok(s.handle({ id: 1, type: "apply", files: [{ name: file, text }] }), "apply");
    const why = reply.snapshot.why.find((w) => w.id === id);
    expect(why?.reasons[0]?.code).toBe(code);
    expect(why?.locations[0]).toEqual({ file, ...at });
    expect(reply.snapshot.whyMarkers[file]?.[0]).toMatchObject(at);
  });

  it("runs kubectl on the same cluster, reading -f from the workspace files", () => {
    const s = new ClusterSession();
    const files = [{ name: "web.yaml", text: WEB }];
    const applied = ok(
      s.handle({ id: 1, type: "kubectl", argv: ["apply", "-f", "web.yaml"], files }),
      "kubectl",
    );
    expect(applied.stdout).toBe("pod/web created\n");
    expect(applied.snapshot).toBeDefined();
    const got = ok(s.handle({ id: 2, type: "kubectl", argv: ["get", "pods"], files }), "kubectl");
    expect(got.stdout).toMatch(/^NAME\s+READY/);
    expect(got.snapshot).toBeUndefined();
    const exec = ok(
      s.handle({ id: 3, type: "kubectl", argv: ["exec", "web", "-c", "sidecar", "--", "hostname"], files }),
      "kubectl",
    );
    expect(exec.stdout).toBe("web\n");
  });

  it("makes a ConfigMap from the workspace files: one by name, or all of them with .", () => {
    const s = new ClusterSession();
    const files = [
      { name: "web.yaml", text: WEB },
      { name: "index.html", text: "<h1>hi</h1>\n" },
    ];
    const one = ok(
      s.handle({
        id: 1,
        type: "kubectl",
        argv: ["create", "configmap", "site", "--from-file=index.html"],
        files,
      }),
      "kubectl",
    );
    expect(one.stdout).toBe("configmap/site created\n");
    const all = ok(
      s.handle({
        id: 2,
        type: "kubectl",
        argv: ["create", "cm", "all", "--from-file=.", "--dry-run=client", "-o", "jsonpath={.data}"],
        files,
      }),
      "kubectl",
    );
    expect(Object.keys(JSON.parse(all.stdout))).toEqual(["index.html", "web.yaml"]);
    const missing = s.handle({
      id: 3,
      type: "kubectl",
      argv: ["create", "cm", "x", "--from-file=nope.txt"],
      files,
    });
    expect(missing).toMatchObject({
      stderr: "error: error reading nope.txt: no such file or directory\n",
      exitCode: 1,
    });
  });

  it("restores a saved state, and starts afresh from one it cannot use", () => {
    const s = new ClusterSession();
    const applied = ok(s.handle({ id: 1, type: "apply", files: [{ name: "web.yaml", text: WEB }] }), "apply");
    const again = new ClusterSession();
    const restored = ok(again.handle({ id: 1, type: "init", state: applied.snapshot.stateJson }), "init");
    expect(restored.restored).toBe(true);
    // Saves from before the state travelled as text hold the object itself.
    const older = new ClusterSession().handle({
      id: 1,
      type: "init",
      state: JSON.parse(applied.snapshot.stateJson),
    });
    expect(ok(older, "init").restored).toBe(true);
    expect(restored.restored).toBe(true);
    expect(restored.snapshot.tables.find((t) => t.kind === "Pod")?.rows).toHaveLength(1);
    const broken = ok(again.handle({ id: 2, type: "init", state: { schemaVersion: 99 } as never }), "init");
    expect(broken.restored).toBe(false);
    expect(ok(again.handle({ id: 3, type: "init", state: "{not json" }), "init").restored).toBe(false);
  });
});

describe("an exercise's cluster in the workspace", () => {
  const root = findContentRoot(process.cwd());
  const exercises = (root ? loadCourse(root).course?.exercises : undefined)?.filter((e) => e.lesson !== "");
  if (!exercises?.length) throw new Error("content/ does not load: run `kubejam content check`");

  it.each(exercises.map((e) => [e.id, e] as const))(
    "%s: the workspace runs the very cluster the grader starts from",
    (_id, e) => {
      const s = new ClusterSession();
      ok(s.handle({ id: 1, type: "init" }), "init");
      const cluster = {
        exercise: e.id,
        seed: e.exercise.cluster.seed,
        ...(e.exercise.cluster.topology ? { topology: e.exercise.cluster.topology } : {}),
        setup: e.exercise.cluster.setup,
      };
      const reply = ok(s.handle({ id: 2, type: "reset", files: [], cluster }), "reset");
      expect(reply.snapshot.stateJson).toBe(JSON.stringify(startingCluster(e.exercise)));
    },
  );

  it("has the operator's objects and topology, and a plain reset goes back to the lesson's cluster", () => {
    const s = new ClusterSession();
    ok(s.handle({ id: 1, type: "init" }), "init");
    const setup = [
      {
        name: "ssd.yaml",
        text: "apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata: { name: ssd }\nprovisioner: pd.csi.storage.gke.io\nparameters: { type: pd-ssd }\n",
      },
    ];
    const cluster = { exercise: "x", seed: 7, topology: { nodeCount: 2 }, setup };
    const onExercise = ok(s.handle({ id: 2, type: "reset", files: [], cluster }), "reset").snapshot;
    const names = (snap: typeof onExercise, kind: string) =>
      snap.tables.find((t) => t.kind === kind)?.rows.map((r) => r.name) ?? [];
    expect(names(onExercise, "StorageClass")).toContain("ssd");
    expect(names(onExercise, "Node")).toHaveLength(2);
    const back = ok(s.handle({ id: 3, type: "reset", files: [] }), "reset").snapshot;
    expect(names(back, "StorageClass")).not.toContain("ssd");
    expect(names(back, "Node")).toHaveLength(3);
  });

  it("refuses a setup the API server refuses, and keeps the cluster it had", () => {
    const s = new ClusterSession();
    ok(s.handle({ id: 1, type: "init" }), "init");
    ok(s.handle({ id: 2, type: "apply", files: [{ name: "web.yaml", text: WEB }] }), "apply");
    const setup = [
      { name: "bad.yaml", text: "apiVersion: v1\nkind: Pod\nmetadata: { name: x }\nspec: {}\n" },
    ];
    expect(() =>
      s.handle({ id: 3, type: "reset", files: [], cluster: { exercise: "x", seed: 1, setup } }),
    ).toThrow(/the exercise's setup is invalid/);
    const after = ok(s.handle({ id: 4, type: "kubectl", argv: ["get", "pods"], files: [] }), "kubectl");
    expect(after.stdout).toMatch(/^web\s+2\/2\s+Running/m);
  });
});
