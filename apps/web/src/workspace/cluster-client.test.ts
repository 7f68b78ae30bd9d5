import { describe, expect, it, vi } from "vitest";
import { ClientError, ClusterClient } from "./cluster-client";
import { ClusterSession } from "./cluster-service";
import type { WorkerReply, WorkerRequest } from "./protocol";

/** A Worker stand-in that runs the real session, or hangs on the requests it is told to. */
class FakeWorker {
  static created: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  session = new ClusterSession();
  constructor(private readonly hangOn: (r: WorkerRequest) => boolean) {
    FakeWorker.created.push(this);
  }
  postMessage(request: WorkerRequest) {
    if (this.hangOn(request)) return;
    const reply = this.session.handle(request);
    queueMicrotask(() => this.onmessage?.({ data: reply } as MessageEvent<WorkerReply>));
  }
  terminate() {
    this.terminated = true;
  }
}

const POD =
  "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n";

describe("ClusterClient", () => {
  it("refuses more than 1 MB before sending anything", async () => {
    FakeWorker.created = [];
    const client = new ClusterClient({
      createWorker: () => new FakeWorker(() => false) as unknown as Worker,
    });
    const big = { name: "big.yaml", text: "x".repeat(1024 * 1024 + 1) };
    await expect(client.send({ type: "apply", files: [big] })).rejects.toMatchObject({
      failure: { kind: "too-large", bytes: 1024 * 1024 + 1 },
    });
  });

  it("replaces a worker that runs past the time limit and restarts it from the last good state", async () => {
    vi.useFakeTimers();
    FakeWorker.created = [];
    let hang = false;
    const restarted: number[] = [];
    const client = new ClusterClient({
      createWorker: () => new FakeWorker((r) => hang && r.type === "apply") as unknown as Worker,
      timeoutMs: 5000,
      onRestart: (snapshot) =>
        restarted.push(snapshot.tables.find((t) => t.kind === "Pod")?.rows.length ?? 0),
    });
    await client.send({ type: "init" });
    await client.send({ type: "apply", files: [{ name: "p.yaml", text: POD }] });
    hang = true;
    const stuck = client.send({
      type: "apply",
      files: [{ name: "p.yaml", text: POD.replace("web", "other") }],
    });
    const failure = stuck.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5001);
    const error = await failure;
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).failure).toEqual({ kind: "timeout", seconds: 5 });
    expect(FakeWorker.created[0]?.terminated).toBe(true);
    expect(FakeWorker.created).toHaveLength(2);
    await vi.runAllTimersAsync();
    // The new worker holds the pod applied before the stuck request, not the stuck one.
    expect(restarted).toEqual([1]);
    vi.useRealTimers();
  });
});
