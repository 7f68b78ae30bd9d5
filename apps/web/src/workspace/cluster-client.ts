import {
  MAX_REQUEST_BYTES,
  REQUEST_TIMEOUT_MS,
  type Snapshot,
  type WorkerReply,
  type WorkerRequest,
  type WorkspaceFile,
} from "./protocol";

type Body<T extends WorkerRequest["type"]> = Omit<Extract<WorkerRequest, { type: T }>, "id">;
type Reply<T extends WorkerRequest["type"]> = Extract<WorkerReply, { ok: true; type: T }>;

export type ClientFailure =
  | { kind: "too-large"; bytes: number }
  | { kind: "timeout"; seconds: number }
  | { kind: "crashed"; message: string };

export class ClientError extends Error {
  constructor(readonly failure: ClientFailure) {
    super(failure.kind);
  }
}

export function byteSize(files: readonly WorkspaceFile[]): number {
  let bytes = 0;
  const encoder = new TextEncoder();
  for (const f of files) bytes += encoder.encode(f.text).length;
  return bytes;
}

interface Pending {
  resolve: (reply: WorkerReply) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

export interface ClusterClientOptions {
  createWorker: () => Worker;
  timeoutMs?: number;
  /** Called after a replacement worker has restarted from the last good state. */
  onRestart?: (snapshot: Snapshot) => void;
}

export class ClusterClient {
  private worker: Worker;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  /** The state of the last successful reply: what a replacement worker starts from. */
  lastGood: string | undefined;

  constructor(private readonly options: ClusterClientOptions) {
    this.worker = this.spawn();
  }

  private spawn(): Worker {
    const worker = this.options.createWorker();
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      clearTimeout(p.timer);
      p.resolve(reply);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.replace({ kind: "crashed", message: event.message || "worker error" });
    };
    return worker;
  }

  /** Ends the stuck worker, fails what was waiting, and starts a new one from the last good state. */
  private replace(failure: ClientFailure): void {
    this.worker.terminate();
    for (const [, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new ClientError(failure));
    }
    this.pending.clear();
    this.worker = this.spawn();
    void this.send({ type: "init", ...(this.lastGood ? { state: this.lastGood } : {}) }).then(
      (reply) => this.options.onRestart?.(reply.snapshot),
      () => undefined,
    );
  }

  send<T extends WorkerRequest["type"]>(body: Body<T> & { type: T }): Promise<Reply<T>> {
    if ("files" in body) {
      const bytes = byteSize(body.files as WorkspaceFile[]);
      if (bytes > MAX_REQUEST_BYTES) return Promise.reject(new ClientError({ kind: "too-large", bytes }));
    }
    const id = this.nextId++;
    const timeoutMs = this.options.timeoutMs ?? REQUEST_TIMEOUT_MS;
    return new Promise<Reply<T>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new ClientError({ kind: "timeout", seconds: Math.round(timeoutMs / 1000) }));
        this.replace({ kind: "timeout", seconds: Math.round(timeoutMs / 1000) });
      }, timeoutMs);
      this.pending.set(id, {
        timer,
        reject,
        resolve: (reply) => {
          if (!reply.ok) {
            reject(new ClientError({ kind: "crashed", message: reply.message }));
            return;
          }
          if ("snapshot" in reply && reply.snapshot) this.lastGood = reply.snapshot.stateJson;
          resolve(reply as Reply<T>);
        },
      });
      this.worker.postMessage({ ...body, id } as WorkerRequest);
    });
  }

  dispose(): void {
    for (const [, p] of this.pending) clearTimeout(p.timer);
    this.pending.clear();
    this.worker.terminate();
  }
}
