// What the Web Worker does, as plain functions (so it runs and is tested in Node too): one simulated
// cluster, the learner's apply and kubectl requests against it, and a snapshot of everything the panels
// show, all computed by the engine and kubectl.
import {
  applyManifests,
  type ClusterState,
  clusterGraph,
  createCluster,
  explainCluster,
  KINDS,
  listObjects,
  type Pod,
  SYSTEM_NAMESPACES,
} from "@kubejam/engine";
import { buildStartingCluster } from "@kubejam/grader";
import {
  applyResultLine,
  COMMANDS,
  getTables,
  type KubectlIo,
  type ResourceTable,
  run,
  runKj,
} from "@kubejam/kubectl";
import { indexSources, locateField } from "./locate";
import { manifestSchema } from "./manifest-schema";
import type {
  ApplyLine,
  EditorMarker,
  LocatedWhy,
  Snapshot,
  TraceView,
  WorkerReply,
  WorkerRequest,
  WorkspaceFile,
} from "./protocol";

/** Every learner starts from the same cluster. */
export const CLUSTER_SEED = 1;

// The resource list: workloads first, then what they use, then the cluster's own objects.
const LIST_FIRST = ["Pod", "Deployment", "ReplicaSet", "Service", "Endpoints", "EndpointSlice"];
const LIST_LAST = ["StorageClass", "Node", "Namespace"];
const HIDDEN = new Set(["Event"]);

function listedKinds(): string[] {
  const served = KINDS.map((k) => k.kind).filter((k) => !HIDDEN.has(k));
  const middle = served.filter((k) => !LIST_FIRST.includes(k) && !LIST_LAST.includes(k));
  return [
    ...LIST_FIRST.filter((k) => served.includes(k)),
    ...middle,
    ...LIST_LAST.filter((k) => served.includes(k)),
  ];
}

export function newCluster(): ClusterState {
  const created = createCluster({ seed: CLUSTER_SEED });
  if (!created.ok) throw new Error(created.errors.join("\n"));
  return created.state;
}

/** A saved state (JSON text, or an object from older saves), if it is one this engine can use. */
function readState(saved: unknown): ClusterState | undefined {
  let value = saved;
  if (typeof saved === "string") {
    try {
      value = JSON.parse(saved);
    } catch {
      return undefined;
    }
  }
  return isUsableState(value) ? value : undefined;
}

/** A state read back from storage is used only if it still looks like one this engine wrote. */
export function isUsableState(value: unknown): value is ClusterState {
  if (typeof value !== "object" || value === null) return false;
  const s = value as Partial<ClusterState>;
  return (
    s.schemaVersion === 1 &&
    typeof s.clock === "number" &&
    typeof s.objects === "object" &&
    s.objects !== null &&
    typeof s.topology === "object"
  );
}

/** The learner's objects: what GKE runs in its own namespaces (kube-dns) stays out of the panels. */
function learnerRows(tables: ResourceTable[]): ResourceTable[] {
  return tables
    .map((t) => ({ ...t, rows: t.rows.filter((r) => !SYSTEM_NAMESPACES.includes(r.namespace ?? "")) }))
    .filter((t) => t.rows.length > 0);
}

export function buildSnapshot(state: ClusterState, files: readonly WorkspaceFile[]): Snapshot {
  const kinds = listedKinds();
  const tables = learnerRows(getTables(state, { kinds, wide: true }));
  const [events] = learnerRows(getTables(state, { kinds: ["Event"] }));
  const whyMarkers: Record<string, EditorMarker[]> = {};
  // GKE's own namespaces are not explained (nor is their cost paid); the learner's files are parsed only
  // when there is something to point at.
  const learners = explainCluster(state, { include: (ns) => !SYSTEM_NAMESPACES.includes(ns) });
  const index = learners.length > 0 ? indexSources(files) : undefined;
  const why: LocatedWhy[] = learners.map((record) => {
    const locations = record.reasons.map((r) =>
      index ? locateField(index, state, record.id, r.fieldPath) : undefined,
    );
    record.reasons.forEach((r, i) => {
      const at = locations[i];
      if (!at) return;
      const list = whyMarkers[at.file] ?? [];
      list.push({
        line: at.line,
        column: at.column,
        severity: "warning",
        message: `${record.kind} ${record.name}: ${r.text}`,
      });
      whyMarkers[at.file] = list;
    });
    return { ...record, locations };
  });
  const podStatus: Record<string, string> = {};
  const pods = tables.find((t) => t.kind === "Pod");
  const statusColumn = pods?.columns.indexOf("STATUS") ?? -1;
  for (const row of pods?.rows ?? [])
    podStatus[`Pod/${row.namespace ?? ""}/${row.name}`] = row.cells[statusColumn] ?? "";
  const names: Record<string, string[]> = {};
  for (const t of tables) names[t.kind] = [...new Set(t.rows.map((r) => r.name))];
  const containers: Record<string, string[]> = {};
  for (const pod of listObjects<Pod>(state, "Pod"))
    containers[pod.metadata.name] = pod.spec.containers.map((c) => c.name);
  return {
    stateJson: JSON.stringify(state),
    tables,
    ...(events ? { events } : {}),
    why,
    graph: clusterGraph(state),
    podStatus,
    names,
    containers,
    whyMarkers,
  };
}

/** The diagram ids a trace passes: pods by their network namespace, Services where kube-proxy acts. */
export function tracePath(hops: TraceView["hops"]): string[] {
  const path: string[] = [];
  for (const h of hops) {
    const id = h.service
      ? `Service/${h.service}`
      : h.pod && (h.kind === "pod-out" || h.kind === "pod-in" || h.kind === "loopback")
        ? `Pod/${h.pod}`
        : undefined;
    if (id && path.at(-1) !== id) path.push(id);
  }
  return path;
}

/** kubectl's `-f` reads the editor's files: a name, `.`, or `./name`. */
export function workspaceIo(files: readonly WorkspaceFile[]): KubectlIo {
  return {
    readManifests(path) {
      const clean = path.replace(/^\.\//, "").replace(/\/$/, "");
      if (clean === "." || clean === "") return { ok: true, files: files.map((f) => ({ ...f })) };
      const file = files.find((f) => f.name === clean);
      if (!file) return { ok: false, message: `error: the path "${path}" does not exist` };
      return { ok: true, files: [{ ...file }] };
    },
    // `create configmap|secret generic --from-file`: the editor's files, `.` for all of them.
    readSource(path) {
      const clean = path.replace(/^\.\//, "").replace(/\/$/, "");
      if (clean === "." || clean === "")
        return { ok: true, directory: [...files].sort((a, b) => (a.name < b.name ? -1 : 1)) };
      const file = files.find((f) => f.name === clean);
      return file ? { ok: true, file } : { ok: false, reason: "no such file or directory" };
    },
  };
}

const WARM_UP = Array.from(
  { length: 3 },
  (_, i) =>
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: warm-${i}\nspec:\n  nodeSelector:\n    pool: x${i}\n  containers:\n  - name: web\n    image: nginx:1.27\n`,
).join("---\n");

/** Runs apply and the snapshot once on a scratch cluster, so the JIT has compiled them before the learner applies. */
export function warmUp(): void {
  const files = [{ name: "warm-up.yaml", text: WARM_UP }];
  for (let i = 0; i < 3; i++) buildSnapshot(applyManifests(newCluster(), files).state, files);
}

export class ClusterSession {
  state: ClusterState;

  constructor(state?: ClusterState) {
    this.state = state ?? newCluster();
  }

  handle(request: WorkerRequest): WorkerReply {
    switch (request.type) {
      case "init": {
        const saved = readState(request.state);
        const restored = saved !== undefined;
        let snapshot: Snapshot;
        let resumed = restored;
        try {
          this.state = saved ?? newCluster();
          snapshot = buildSnapshot(this.state, []);
        } catch {
          // A state from an older engine that this one cannot read: start afresh.
          this.state = newCluster();
          snapshot = buildSnapshot(this.state, []);
          resumed = false;
        }
        return {
          id: request.id,
          ok: true,
          type: "init",
          snapshot,
          restored: resumed,
          schema: manifestSchema(),
          commands: [...COMMANDS],
          resourceTypes: KINDS.map((k) => ({
            kind: k.kind,
            names: [...new Set([k.plural, k.singular, ...k.shortNames])],
          })),
        };
      }
      case "apply": {
        const started = performance.now();
        const nonEmpty = request.files.filter((f) => f.text.trim() !== "");
        const { state, results } = applyManifests(this.state, nonEmpty);
        const applied = performance.now();
        this.state = state;
        const markers: Record<string, EditorMarker[]> = {};
        const lines: ApplyLine[] = results.flatMap((r): ApplyLine | ApplyLine[] => {
          if (r.ok)
            return [
              ...(r.warnings ?? []).map((w) => ({ ok: true as const, text: `Warning: ${w}` })),
              { ok: true, text: applyResultLine(r) },
            ];
          const d = r.diagnostic;
          const position = { file: d.file, line: d.line ?? 1, column: d.column ?? 1 };
          const list = markers[d.file] ?? [];
          list.push({ line: position.line, column: position.column, message: d.message, severity: "error" });
          markers[d.file] = list;
          return { ok: false, text: d.message, code: d.code, position };
        });
        const snapshot = buildSnapshot(state, request.files);
        return {
          id: request.id,
          ok: true,
          type: "apply",
          snapshot,
          lines,
          markers,
          timing: { apply: applied - started, snapshot: performance.now() - applied },
        };
      }
      case "kubectl": {
        const before = this.state;
        const result = run(before, request.argv, workspaceIo(request.files));
        this.state = result.state;
        return {
          id: request.id,
          ok: true,
          type: "kubectl",
          stdout: result.stdout,
          stderr: result.stderr,
          exitCode: result.exitCode,
          ...(result.state !== before ? { snapshot: buildSnapshot(result.state, request.files) } : {}),
        };
      }
      case "kj": {
        const before = this.state;
        const result = runKj(before, request.argv);
        this.state = result.state;
        const t = "trace" in result ? result.trace : undefined;
        return {
          id: request.id,
          ok: true,
          type: "kj",
          stdout: result.stdout,
          stderr: result.stderr,
          exitCode: result.exitCode,
          ...(result.state !== before ? { snapshot: buildSnapshot(result.state, request.files) } : {}),
          ...(t
            ? {
                trace: {
                  command: request.argv.join(" "),
                  from: t.from,
                  url: t.url,
                  outcome: t.outcome,
                  ...(t.reason ? { reason: t.reason } : {}),
                  ...(t.status ? { status: t.status } : {}),
                  hops: t.hops,
                  path: tracePath(t.hops),
                },
              }
            : {}),
        };
      }
      case "reset": {
        this.state = request.cluster ? buildStartingCluster(request.cluster) : newCluster();
        return {
          id: request.id,
          ok: true,
          type: "reset",
          snapshot: buildSnapshot(this.state, request.files),
        };
      }
    }
  }
}
