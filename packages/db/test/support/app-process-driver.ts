// Starts test/support/app-process.ts as a real child process and talks to it.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { z } from "zod";
import type { DatabaseTarget } from "../../src/database-target.ts";
import type { RecordSubmissionHooks, RecordSubmissionInput } from "../../src/queries/record-submission.ts";

// What comes back over the pipe, as JSON (dates are strings): checked, not assumed.
const RecordedSchema = z.object({ isNew: z.boolean(), submission: z.object({ id: z.string() }) });
const ListedSchema = z.array(z.object({ id: z.string() }));
const MigratedSchema = z.object({ applied: z.array(z.string()), alreadyApplied: z.array(z.string()) });
export type Recorded = z.infer<typeof RecordedSchema>;

type Reply = { id?: number; ok?: boolean; value?: unknown; error?: string; paused?: string; ready?: boolean };

const packageDir = join(import.meta.dirname, "..", "..");

export type AppProcess = {
  /** recordSubmission in the child; rejects with the child's error message. */
  readonly record: (input: RecordSubmissionInput) => Promise<Recorded>;
  /** listSubmissionsForUser in the child. */
  readonly list: (userId: string, exerciseId: string) => Promise<{ id: string }[]>;
  /** migrate in the child; with `startAt` (epoch ms), not before that instant. */
  readonly migrate: (migrationsRoot?: string, startAt?: number) => Promise<z.infer<typeof MigratedSchema>>;
  /** Starts a record that stops at a pause point; `paused` resolves once the child is there. */
  readonly recordPaused: (
    input: RecordSubmissionInput,
    pauseAt: keyof RecordSubmissionHooks,
  ) => { paused: Promise<void>; done: Promise<Recorded>; resume: () => Promise<unknown> };
  readonly kill: (signal: NodeJS.Signals) => Promise<void>;
  readonly stop: () => Promise<void>;
  readonly child: ChildProcess;
};

export async function startAppProcess(target: DatabaseTarget): Promise<AppProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "test/support/app-process.ts", JSON.stringify(target)],
    {
      cwd: packageDir,
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  const pauses = new Map<number, () => void>();
  let nextId = 1;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const stdout = child.stdout;
  if (!stdout) throw new Error("child has no stdout");
  createInterface({ input: stdout }).on("line", (line) => {
    const reply = JSON.parse(line) as Reply;
    if (reply.ready) return markReady();
    if (reply.id === undefined) return;
    if (reply.paused !== undefined) return pauses.get(reply.id)?.();
    const pending = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.ok) pending?.resolve(reply.value);
    else pending?.reject(new Error(reply.error));
  });
  const exited = once(child, "exit");
  await Promise.race([
    ready,
    exited.then(() => Promise.reject(new Error("app process exited before it was ready"))),
  ]);

  function send(command: Record<string, unknown>): { id: number; result: Promise<unknown> } {
    const id = nextId++;
    const result = new Promise<unknown>((resolve, reject) => waiting.set(id, { resolve, reject }));
    child.stdin?.write(`${JSON.stringify({ ...command, id })}\n`);
    return { id, result };
  }

  return {
    child,
    record: async (input) => RecordedSchema.parse(await send({ op: "record", input }).result),
    list: async (userId, exerciseId) =>
      ListedSchema.parse(await send({ op: "list", userId, exerciseId }).result),
    migrate: async (migrationsRoot, startAt) =>
      MigratedSchema.parse(await send({ op: "migrate", migrationsRoot, startAt }).result),
    recordPaused(input, pauseAt) {
      const sent = send({ op: "record", input, pauseAt });
      // The reply comes through the event loop, after this registration.
      const paused = new Promise<void>((resolve) => pauses.set(sent.id, resolve));
      const done = sent.result.then((value) => RecordedSchema.parse(value));
      done.catch(() => {});
      return { paused, done, resume: () => send({ op: "resume", of: sent.id }).result };
    },
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin?.end();
      await exited;
    },
  };
}
