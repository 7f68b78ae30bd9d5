// Messages between the lesson page and the Web Worker that runs the engine and kubectl.
// Everything here is plain JSON (structured-clone safe).
import type { ClusterGraph, ClusterState, DiagnosticCode, TraceResult, WhyRecord } from "@kubejam/engine";
import type { ResourceTable } from "@kubejam/kubectl";

export interface WorkspaceFile {
  name: string;
  text: string;
}

export interface FilePosition {
  file: string;
  line: number;
  column: number;
}

/** A why record with, where the workspace holds the object's manifest, the line its field path is on. */
export interface LocatedWhy extends WhyRecord {
  locations: (FilePosition | undefined)[];
}

export interface EditorMarker {
  line: number;
  column: number;
  message: string;
  severity: "error" | "warning";
}

/** What the panels show after every change: all derived from the state by the engine and kubectl. */
export interface Snapshot {
  /**
   * The cluster state as JSON text. The page only keeps it (IndexedDB, a replacement worker's start), never
   * reads it: a string crosses the worker boundary as one copy, where the object graph (hundreds of KB of
   * objects, file systems, kubelet records) would be cloned object by object on the page's main thread.
   */
  stateJson: string;
  tables: ResourceTable[];
  events?: ResourceTable;
  why: LocatedWhy[];
  graph: ClusterGraph;
  /** kubectl's STATUS cell per pod id (`Pod/ns/name`). */
  podStatus: Record<string, string>;
  /** Object names per resource type, for the terminal's completion. */
  names: Record<string, string[]>;
  /** Container names per pod name, for `-c` completion. */
  containers: Record<string, string[]>;
  /** Warnings from why records, per file, for the editor. */
  whyMarkers: Record<string, EditorMarker[]>;
}

type TraceOk = Extract<TraceResult, { ok: true }>;

/** A traced request as the diagram draws it: the engine's hops, and the diagram ids they pass, in order. */
export interface TraceView {
  command: string;
  from: TraceOk["from"];
  url: string;
  outcome: TraceOk["outcome"];
  reason?: string;
  status?: string;
  hops: TraceOk["hops"];
  /** Graph ids (`Pod/ns/name`, `Service/ns/name`) the request passes, consecutive repeats removed. */
  path: string[];
}

/**
 * An exercise's starting cluster (its `cluster` block: seed, topology, the operator's objects): the
 * workspace can practise on the very cluster the grader starts from.
 */
export interface PracticeCluster {
  exercise: string;
  seed: number;
  topology?: Record<string, unknown>;
  setup: WorkspaceFile[];
}

export type ApplyLine =
  | { ok: true; text: string }
  | { ok: false; text: string; code: DiagnosticCode; position?: FilePosition };

export type WorkerRequest =
  /** `state`: a saved state, as JSON text (what snapshots carry) or, from older saves, as the object. */
  | { id: number; type: "init"; state?: ClusterState | string }
  | { id: number; type: "apply"; files: WorkspaceFile[] }
  | { id: number; type: "kubectl"; argv: string[]; files: WorkspaceFile[] }
  /** The simulator's own commands: `trace`, `why`, `advance` (kjctl's, without the `kjctl`). */
  | { id: number; type: "kj"; argv: string[]; files: WorkspaceFile[] }
  /** A new cluster: the lesson's (no `cluster`) or an exercise's starting cluster. */
  | { id: number; type: "reset"; files: WorkspaceFile[]; cluster?: PracticeCluster };

export type WorkerReply =
  | {
      id: number;
      ok: true;
      type: "init";
      snapshot: Snapshot;
      restored: boolean;
      /** The editor's JSON Schema for manifests. */
      schema: object;
      /** What the terminal completes: kubectl's commands and the resource types it accepts. */
      commands: string[];
      resourceTypes: { kind: string; names: string[] }[];
    }
  | {
      id: number;
      ok: true;
      type: "apply";
      snapshot: Snapshot;
      lines: ApplyLine[];
      markers: Record<string, EditorMarker[]>;
      /** Time spent in the worker: the engine's apply, then building the snapshot (ms). */
      timing: { apply: number; snapshot: number };
    }
  | {
      id: number;
      ok: true;
      type: "kubectl";
      stdout: string;
      stderr: string;
      exitCode: number;
      snapshot?: Snapshot;
    }
  | {
      id: number;
      ok: true;
      type: "kj";
      stdout: string;
      stderr: string;
      exitCode: number;
      snapshot?: Snapshot;
      trace?: TraceView;
    }
  | { id: number; ok: true; type: "reset"; snapshot: Snapshot }
  | { id: number; ok: false; message: string };

/** The most the page sends in one request (the engine itself allows 3 MiB, as the API server does). */
export const MAX_REQUEST_BYTES = 1024 * 1024;
/** How long one request may run before the worker is replaced. */
export const REQUEST_TIMEOUT_MS = 5000;
