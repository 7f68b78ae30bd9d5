// The workspace's state on the page: files, the latest snapshot from the worker, what the panels show,
// and the notices a learner should read. Components read it with useSyncExternalStore; only this class
// talks to the worker and to IndexedDB.
import { ClientError, type ClientFailure, ClusterClient } from "./cluster-client";
import { loadWorkspace, saveWorkspace } from "./persistence";
import type {
  ApplyLine,
  EditorMarker,
  FilePosition,
  PracticeCluster,
  Snapshot,
  TraceView,
  WorkspaceFile,
} from "./protocol";

export type PanelId = "resources" | "why" | "events" | "diagram" | "terminal";

export type Notice =
  | { kind: "resumed" | "clusterReset" | "exerciseCluster" | "filesRestored" | "restarted" }
  | { kind: "advanced"; seconds: number }
  | { kind: "tooLarge"; size: string }
  | { kind: "timeout"; seconds: number }
  | { kind: "crashed"; message: string };

export interface WorkspaceState {
  phase: "starting" | "ready";
  files: WorkspaceFile[];
  active?: string;
  snapshot?: Snapshot;
  /** The JSON Schema for the editor, from the worker. */
  schema?: object;
  /** kubectl's commands and resource types, for completion. */
  commands: string[];
  resourceTypes: { kind: string; names: string[] }[];
  busy: boolean;
  /** Virtual time is being moved on (the toolbar's wait button). */
  advancing?: boolean;
  lastApply?: { lines: ApplyLine[]; ms: number; worker: { apply: number; snapshot: number } };
  /** Markers from the last apply, per file. */
  markers: Record<string, EditorMarker[]>;
  notice?: Notice;
  /** The exercise whose starting cluster the workspace runs; undefined: the lesson's cluster. */
  practising?: string;
  /** A request to show a line in the editor; `nonce` makes a repeat request a change. */
  reveal?: FilePosition & { nonce: number };
  panel: PanelId;
  /** On narrow screens only one of the two columns shows. */
  view: "lesson" | "practice";
  history: string[];
  /** The last traced request, drawn on the diagram until cleared or the cluster changes shape. */
  trace?: TraceView;
  /** Commands the lesson asked the terminal to run, oldest first. */
  commandQueue: { command: string; nonce: number }[];
}

const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*\.ya?ml$/;
export const isValidFileName = (name: string) => FILE_NAME.test(name);

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

function failureNotice(failure: ClientFailure): Notice {
  switch (failure.kind) {
    case "too-large":
      return { kind: "tooLarge", size: formatBytes(failure.bytes) };
    case "timeout":
      return { kind: "timeout", seconds: failure.seconds };
    case "crashed":
      return { kind: "crashed", message: failure.message };
  }
}

export interface LessonFiles {
  slug: string;
  /** Every manifest the lesson has, starters flagged. */
  manifests: { name: string; text: string; starter: boolean }[];
}

const MAX_HISTORY = 200;

export class WorkspaceStore {
  private state: WorkspaceState;
  private listeners = new Set<() => void>();
  private client: ClusterClient | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private nonce = 0;

  constructor(
    private readonly lesson: LessonFiles,
    private readonly createWorker: () => Worker,
  ) {
    this.state = {
      phase: "starting",
      files: this.starterFiles(),
      active: undefined,
      busy: false,
      markers: {},
      panel: "resources",
      view: "lesson",
      history: [],
      commandQueue: [],
      commands: [],
      resourceTypes: [],
    };
    this.state.active = this.state.files[0]?.name;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): WorkspaceState => this.state;

  private update(patch: Partial<WorkspaceState>, persist = false): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
    if (persist) this.scheduleSave();
  }

  private starterFiles(): WorkspaceFile[] {
    const starters = this.lesson.manifests
      .filter((m) => m.starter)
      .map((m) => ({ name: m.name, text: m.text }));
    return starters.length > 0 ? starters : [{ name: "manifest.yaml", text: "" }];
  }

  async start(): Promise<void> {
    if (this.client) return;
    const client = new ClusterClient({
      createWorker: this.createWorker,
      onRestart: (snapshot) => this.update({ snapshot, busy: false }),
    });
    this.client = client;
    const saved = await loadWorkspace(this.lesson.slug);
    if (this.client !== client) return; // disposed meanwhile (React's strict mode mounts twice)
    if (saved && saved.files.length > 0) {
      this.update({
        files: saved.files,
        active: saved.files.some((f) => f.name === saved.active) ? saved.active : saved.files[0]?.name,
        history: saved.history,
      });
    }
    const practising = saved?.exercise;
    try {
      const reply = await client.send({
        type: "init",
        ...(saved?.state !== undefined ? { state: saved.state as never } : {}),
      });
      this.update({
        phase: "ready",
        snapshot: reply.snapshot,
        schema: reply.schema,
        commands: reply.commands,
        resourceTypes: reply.resourceTypes,
        ...(saved && reply.restored ? { notice: { kind: "resumed" }, practising } : {}),
      });
    } catch (error) {
      this.fail(error);
    }
  }

  dispose(): void {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveNow();
    }
    this.client?.dispose();
    this.client = undefined;
  }

  private scheduleSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      this.saveNow();
    }, 300);
  }

  private saveNow(): void {
    void saveWorkspace(this.lesson.slug, {
      files: this.state.files,
      active: this.state.active,
      state: this.state.snapshot?.stateJson,
      history: this.state.history,
      ...(this.state.practising ? { exercise: this.state.practising } : {}),
    });
  }

  /** Waits for pending writes (for a page that is about to hide). */
  flush(): void {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
      this.saveNow();
    }
  }

  private fail(error: unknown): void {
    const notice: Notice =
      error instanceof ClientError
        ? failureNotice(error.failure)
        : { kind: "crashed", message: error instanceof Error ? error.message : String(error) };
    this.update({ busy: false, notice });
  }

  async apply(): Promise<void> {
    if (!this.client || this.state.busy) return;
    const started = performance.now();
    this.update({ busy: true, notice: undefined });
    try {
      const reply = await this.client.send({ type: "apply", files: this.state.files });
      this.update(
        {
          busy: false,
          snapshot: reply.snapshot,
          markers: reply.markers,
          lastApply: {
            lines: reply.lines,
            ms: Math.round(performance.now() - started),
            worker: reply.timing,
          },
        },
        true,
      );
    } catch (error) {
      this.fail(error);
    }
  }

  /** A new cluster: the lesson's, or with `cluster` the one an exercise is graded on. Files stay. */
  async resetCluster(cluster?: PracticeCluster): Promise<void> {
    if (!this.client) return;
    this.update({ busy: true, notice: undefined });
    try {
      const reply = await this.client.send({
        type: "reset",
        files: this.state.files,
        ...(cluster ? { cluster } : {}),
      });
      this.update(
        {
          busy: false,
          snapshot: reply.snapshot,
          markers: {},
          lastApply: undefined,
          trace: undefined,
          practising: cluster?.exercise,
          notice: { kind: cluster ? "exerciseCluster" : "clusterReset" },
        },
        true,
      );
    } catch (error) {
      this.fail(error);
    }
  }

  restoreFiles(): void {
    const files = this.starterFiles();
    this.update({ files, active: files[0]?.name, markers: {}, notice: { kind: "filesRestored" } }, true);
  }

  /** Runs one kubectl command line (already split into words) against the same cluster. */
  async kubectl(argv: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
    if (!this.client) return { stdout: "", stderr: "error: the cluster is not running\n", exitCode: 1 };
    try {
      const reply = await this.client.send({ type: "kubectl", argv, files: this.state.files });
      if (reply.snapshot) this.update({ snapshot: reply.snapshot }, true);
      return { stdout: reply.stdout, stderr: reply.stderr, exitCode: reply.exitCode };
    } catch (error) {
      this.fail(error);
      return { stdout: "", stderr: "", exitCode: 1 };
    }
  }

  /** Runs one of the simulator's own commands (`trace`, `why`, `advance`); a trace is kept for the diagram. */
  async kj(argv: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
    if (!this.client) return { stdout: "", stderr: "error: the cluster is not running\n", exitCode: 1 };
    try {
      const reply = await this.client.send({ type: "kj", argv, files: this.state.files });
      const patch: Partial<WorkspaceState> = {};
      if (reply.snapshot) patch.snapshot = reply.snapshot;
      if (reply.trace) patch.trace = reply.trace;
      this.update(patch, reply.snapshot !== undefined);
      return { stdout: reply.stdout, stderr: reply.stderr, exitCode: reply.exitCode };
    } catch (error) {
      this.fail(error);
      return { stdout: "", stderr: "", exitCode: 1 };
    }
  }

  /** Lets virtual time pass (a load balancer's address, a disk being made): the toolbar's "wait" button. */
  async advanceTime(seconds: number): Promise<void> {
    if (!this.client || this.state.busy || this.state.advancing) return;
    this.update({ advancing: true, notice: undefined });
    const result = await this.kj(["advance", `${seconds}s`]);
    this.update({
      advancing: false,
      ...(result.exitCode === 0 ? { notice: { kind: "advanced", seconds } } : {}),
    });
  }

  clearTrace(): void {
    this.update({ trace: undefined });
  }

  setText(name: string, text: string): void {
    const files = this.state.files.map((f) => (f.name === name ? { ...f, text } : f));
    this.update({ files }, true);
  }

  setActive(name: string): void {
    if (this.state.files.some((f) => f.name === name)) this.update({ active: name }, true);
  }

  /** Adds a file, or replaces its text when it exists, and shows it (the lesson's "open in editor"). */
  openFile(name: string, text: string): void {
    const exists = this.state.files.some((f) => f.name === name);
    const files = exists
      ? this.state.files.map((f) => (f.name === name ? { name, text } : f))
      : [...this.state.files, { name, text }];
    this.update({ files, active: name, view: "practice" }, true);
  }

  addFile(name: string): "ok" | "invalid" | "duplicate" {
    if (!isValidFileName(name)) return "invalid";
    if (this.state.files.some((f) => f.name === name)) return "duplicate";
    this.update({ files: [...this.state.files, { name, text: "" }], active: name }, true);
    return "ok";
  }

  renameFile(from: string, to: string): "ok" | "invalid" | "duplicate" {
    if (from === to) return "ok";
    if (!isValidFileName(to)) return "invalid";
    if (this.state.files.some((f) => f.name === to)) return "duplicate";
    const files = this.state.files.map((f) => (f.name === from ? { ...f, name: to } : f));
    const { [from]: moved, ...markers } = this.state.markers;
    this.update(
      {
        files,
        active: this.state.active === from ? to : this.state.active,
        markers: moved ? { ...markers, [to]: moved } : markers,
      },
      true,
    );
    return "ok";
  }

  closeFile(name: string): void {
    const index = this.state.files.findIndex((f) => f.name === name);
    if (index === -1) return;
    const files = this.state.files.filter((f) => f.name !== name);
    const active =
      this.state.active === name
        ? (files[Math.min(index, files.length - 1)]?.name ?? undefined)
        : this.state.active;
    const { [name]: _dropped, ...markers } = this.state.markers;
    this.update({ files, active, markers }, true);
  }

  reveal(position: FilePosition): void {
    this.nonce++;
    this.update({ reveal: { ...position, nonce: this.nonce }, active: position.file, view: "practice" });
  }

  setPanel(panel: PanelId): void {
    this.update({ panel });
  }

  setView(view: "lesson" | "practice"): void {
    this.update({ view });
  }

  dismissNotice(): void {
    this.update({ notice: undefined });
  }

  pushHistory(line: string): void {
    const trimmed = line.trim();
    if (trimmed === "" || this.state.history.at(-1) === trimmed) return;
    this.update({ history: [...this.state.history, trimmed].slice(-MAX_HISTORY) }, true);
  }

  /** The lesson's "run" buttons: the terminal picks the command up and runs it as if typed. */
  queueCommand(command: string): void {
    this.nonce++;
    this.update({
      commandQueue: [...this.state.commandQueue, { command, nonce: this.nonce }],
      panel: "terminal",
      view: "practice",
    });
  }

  takeCommands(): { command: string; nonce: number }[] {
    const queue = this.state.commandQueue;
    if (queue.length > 0) this.update({ commandQueue: [] });
    return queue;
  }
}
