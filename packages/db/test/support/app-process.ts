// A stand-in for one app server process: its own Prisma client (its own connections) on the database
// named by argv[2] (a DatabaseTarget as JSON). The test drives it with JSON lines on stdin:
//   { "id": 1, "op": "record", "input": {...}, "pauseAt": "beforeTransaction" | "beforeCommit" }
//   { "id": 2, "op": "resume", "of": 1 }
//   { "id": 3, "op": "list", "userId": "...", "exerciseId": "..." }
//   { "id": 4, "op": "migrate", "migrationsRoot"?: "<folder>", "startAt"?: <epoch ms> }
// and reads JSON lines back: { "id", "ok": true, "value" } | { "id", "ok": false, "error" }, plus
// { "id", "paused": "beforeCommit" } when a record reaches its pause point (it then waits for
// "resume", or for SIGKILL).
import { createInterface } from "node:readline";
import { createDb } from "../../src/client.ts";
import type { DatabaseTarget } from "../../src/database-target.ts";
import { migrate } from "../../src/migrate/migrate.ts";
import { listSubmissionsForUser } from "../../src/queries/list-submissions.ts";
import {
  type RecordSubmissionHooks,
  type RecordSubmissionInput,
  recordSubmissionWithHooks,
} from "../../src/queries/record-submission.ts";

type Command =
  | { id: number; op: "record"; input: RecordSubmissionInput; pauseAt?: keyof RecordSubmissionHooks }
  | { id: number; op: "resume"; of: number }
  | { id: number; op: "list"; userId: string; exerciseId: string }
  | { id: number; op: "migrate"; migrationsRoot?: string; startAt?: number };

const target = JSON.parse(process.argv[2] ?? "null") as DatabaseTarget;
const db = createDb(target);
const paused = new Map<number, () => void>();

function send(message: object): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

function pauseHooks(command: Extract<Command, { op: "record" }>): RecordSubmissionHooks {
  const pauseAt = command.pauseAt;
  if (pauseAt === undefined) return {};
  const pause = () =>
    new Promise<void>((resolve) => {
      paused.set(command.id, resolve);
      send({ id: command.id, paused: pauseAt });
    });
  return { [pauseAt]: pause };
}

async function run(command: Command): Promise<unknown> {
  switch (command.op) {
    case "record":
      return recordSubmissionWithHooks(db, command.input, pauseHooks(command));
    case "resume": {
      const resume = paused.get(command.of);
      if (!resume) throw new Error(`command ${command.of} is not paused`);
      paused.delete(command.of);
      resume();
      return null;
    }
    case "list":
      return listSubmissionsForUser(db, command.userId, command.exerciseId);
    case "migrate":
      // Spun, not slept: two processes given one instant start within microseconds of each other.
      while (command.startAt !== undefined && Date.now() < command.startAt) {}
      return migrate(target, { migrationsRoot: command.migrationsRoot });
  }
}

const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  if (line.trim() === "") return;
  const command = JSON.parse(line) as Command;
  run(command).then(
    (value) => send({ id: command.id, ok: true, value }),
    (error: unknown) =>
      send({ id: command.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
lines.on("close", () => {
  void db.$disconnect().then(() => process.exit(0));
});
send({ ready: true });
