// On SQLite, a client that must wait for another connection's write lock (another app process on the
// same file) waits on a timer, not inside SQLite's busy handler: its process goes on serving
// meanwhile. Two clients in this one process stand for the two processes: with SQLite's own busy
// timeout, the second client's wait would block this process's event loop, so the first could never
// commit and the wait would end in SQLITE_BUSY.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../src/client.ts";
import { recordSubmission, recordSubmissionWithHooks } from "../src/queries/record-submission.ts";
import { createUser, submissionInput } from "./support/fixtures.ts";
import { createTestDatabase, type TestDatabase } from "./support/test-database.ts";

describe("sqlite: waiting for another connection's write lock", () => {
  let database: TestDatabase;
  let other: Db;
  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    if (database.target.provider !== "sqlite") throw new Error("expected a SQLite database");
    other = createDb(database.target);
  });
  afterAll(async () => {
    await other.$disconnect();
    await database.drop();
  });

  /** Starts a submission on the first client and holds its transaction (and the write lock) open. */
  async function holdWriteLock(userId: string): Promise<{ release: () => Promise<void> }> {
    let resume: () => void = () => {};
    let done: Promise<unknown> = Promise.resolve();
    await new Promise<void>((paused) => {
      done = recordSubmissionWithHooks(database.db, submissionInput(userId), {
        beforeCommit: () =>
          new Promise<void>((resolve) => {
            resume = resolve;
            paused();
          }),
      });
    });
    return {
      // Commits the held transaction (once, however often it is called).
      release: async () => {
        resume();
        await done;
      },
    };
  }

  it("keeps the event loop turning, then writes once the lock is free", async () => {
    const userId = await createUser(database.db);
    const holder = await holdWriteLock(userId);
    let ticks = 0;
    try {
      const waiter = recordSubmission(other, submissionInput(userId));
      const ticking = setInterval(() => ticks++, 5);
      await new Promise((resolve) => setTimeout(resolve, 100));
      clearInterval(ticking);
      await holder.release();
      expect((await waiter).isNew).toBe(true);
    } finally {
      await holder.release();
    }
    // The timers ran while the waiter waited (about 20 times on an idle machine). SQLite's own busy
    // handler would have blocked the loop until its timeout: one tick at most.
    expect(ticks).toBeGreaterThanOrEqual(3);
    expect(await database.db.submission.count({ where: { userId } })).toBe(2);
  });

  it("answers the waiting client's reads meanwhile", async () => {
    const userId = await createUser(database.db);
    const holder = await holdWriteLock(userId);
    try {
      const waiter = recordSubmission(other, submissionInput(userId));
      const read = await other.user.findUnique({ where: { id: userId }, select: { id: true } });
      expect(read?.id).toBe(userId);
      await holder.release();
      expect((await waiter).isNew).toBe(true);
    } finally {
      await holder.release();
    }
  });

  it("hands the lock over between its own transactions once it knows another client writes", async () => {
    const userId = await createUser(database.db);
    // `other` is refused the lock once: from then on it knows another client writes.
    const holder = await holdWriteLock(userId);
    const refused = recordSubmission(other, submissionInput(userId));
    await new Promise((resolve) => setTimeout(resolve, 10));
    await holder.release();
    await refused;

    const finished: string[] = [];
    const track = (label: string, outcome: Promise<unknown>) =>
      outcome.then(() => {
        finished.push(label);
      });
    // `other` holds the lock in its first transaction while `database.db` tries and is refused,
    // and four more of `other`'s queue behind the first.
    let resume: () => void = () => {};
    const paused = new Promise<void>((onPaused) => {
      void track(
        "other 1",
        recordSubmissionWithHooks(other, submissionInput(userId), {
          beforeCommit: () =>
            new Promise<void>((resolve) => {
              resume = resolve;
              onPaused();
            }),
        }),
      );
    });
    await paused;
    const queued = [2, 3, 4, 5].map((i) =>
      track(`other ${i}`, recordSubmission(other, submissionInput(userId))),
    );
    const contender = track("db", recordSubmission(database.db, submissionInput(userId)));
    await new Promise((resolve) => setTimeout(resolve, 30));
    // `other` pauses after each transaction, and the contender's next try gets in; without the pause,
    // `other`'s queue would take the lock back at once, four times over.
    resume();
    await Promise.all([contender, ...queued]);
    expect(finished.indexOf("db")).toBeLessThan(finished.indexOf("other 5"));
  });
});
