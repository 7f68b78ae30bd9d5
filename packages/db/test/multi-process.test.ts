// Growing past one machine: several app processes (each its own Prisma client and connections)
// share one PostgreSQL, or on one machine one SQLite file. What one stores, the others read, and
// racing on one idempotency key still stores once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppProcess, startAppProcess } from "./support/app-process-driver.ts";
import { createUser, submissionInput } from "./support/fixtures.ts";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "./support/test-database.ts";

describe.each(PROVIDERS)("%s: two app processes on one database", (provider) => {
  let database: TestDatabase;
  let processes: [AppProcess, AppProcess];
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    processes = await Promise.all([startAppProcess(database.target), startAppProcess(database.target)]);
  });
  afterAll(async () => {
    await Promise.all(processes.map((process) => process.stop()));
    await database.drop();
  });

  const countByKey = (userId: string, idempotencyKey: string) =>
    database.db.submission.count({ where: { userId, idempotencyKey } });

  it("see each other's submissions", async () => {
    const [web1, web2] = processes;
    const userId = await createUser(database.db);
    const first = await web1.record(submissionInput(userId, { score: 30, status: "fail" }));
    const seenBy2 = await web2.list(userId, "pvc-bind");
    expect(seenBy2.map((submission) => submission.id)).toEqual([first.submission.id]);

    const second = await web2.record(submissionInput(userId));
    const seenBy1 = await web1.list(userId, "pvc-bind");
    expect(seenBy1.map((submission) => submission.id)).toEqual([second.submission.id, first.submission.id]);
  });

  it("stores once when two processes send one key at once, the loser returning the winner's row", async () => {
    const userId = await createUser(database.db);
    const input = submissionInput(userId);
    const [first, second] = processes;
    // `first` inserts and holds its transaction open; `second` gets ready to insert meanwhile
    // (nothing committed yet), then `first` commits and `second` inserts: the unique index refuses it.
    const holder = first.recordPaused(input, "beforeCommit");
    await holder.paused;
    const racer = second.recordPaused(input, "beforeTransaction");
    await racer.paused;
    await holder.resume();
    await racer.resume();
    const [won, lost] = await Promise.all([holder.done, racer.done]);
    expect(won?.isNew).toBe(true);
    expect(lost?.isNew).toBe(false);
    expect(lost?.submission.id).toBe(won?.submission.id);
    expect(await countByKey(userId, input.idempotencyKey)).toBe(1);
  });

  it("stores each key once when two processes submit the same 20 keys concurrently", async () => {
    const userId = await createUser(database.db);
    const inputs = Array.from({ length: 20 }, () => submissionInput(userId));
    const outcomes = await Promise.all(
      inputs.flatMap((input) => processes.map((process) => process.record(input))),
    );
    expect(outcomes.filter((outcome) => outcome.isNew)).toHaveLength(20);
    expect(await database.db.submission.count({ where: { userId } })).toBe(20);
  });
});
