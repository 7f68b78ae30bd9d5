// recordSubmission stores a graded attempt once per idempotency key, atomically, on both databases,
// including when its process dies mid-transaction (races between processes: multi-process.test.ts).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IdempotencyKeyReuseError, recordSubmission } from "../src/queries/record-submission.ts";
import { startAppProcess } from "./support/app-process-driver.ts";
import { createUser, submissionInput } from "./support/fixtures.ts";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "./support/test-database.ts";

describe.each(PROVIDERS)("%s: recordSubmission", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(() => database.drop());

  const countByKey = (userId: string, idempotencyKey: string) =>
    database.db.submission.count({ where: { userId, idempotencyKey } });

  it("stores a submission and marks its lesson active in the same transaction", async () => {
    const userId = await createUser(database.db);
    const input = submissionInput(userId, { score: 67, status: "fail" });
    const { submission, isNew } = await recordSubmission(database.db, input);
    expect(isNew).toBe(true);
    expect(submission).toMatchObject({ exerciseId: "pvc-bind", score: 67, status: "fail" });
    const stored = await database.db.submission.findUniqueOrThrow({ where: { id: submission.id } });
    expect(stored).toMatchObject({
      userId,
      lessonId: input.lessonId,
      contentHash: input.contentHash,
      files: input.files,
      checks: input.result.checks,
    });
    const lesson = await database.db.lessonProgress.findUniqueOrThrow({
      where: { userId_lessonId: { userId, lessonId: input.lessonId } },
    });
    expect(lesson.lastActivityAt).toEqual(submission.createdAt);
  });

  it("stores a retried request once and returns the first result", async () => {
    const userId = await createUser(database.db);
    const input = submissionInput(userId);
    const first = await recordSubmission(database.db, input);
    const retried = await recordSubmission(database.db, {
      ...input,
      result: { status: "fail", score: 0, checks: [] },
    });
    expect(retried).toEqual({ submission: first.submission, isNew: false });
    expect(await countByKey(userId, input.idempotencyKey)).toBe(1);
  });

  it("keeps keys per user: two users may send the same key", async () => {
    const [alice, bob] = [await createUser(database.db), await createUser(database.db)];
    const idempotencyKey = randomUUID();
    const a = await recordSubmission(database.db, submissionInput(alice, { idempotencyKey }));
    const b = await recordSubmission(database.db, submissionInput(bob, { idempotencyKey }));
    expect([a.isNew, b.isNew]).toEqual([true, true]);
    expect(a.submission.id).not.toBe(b.submission.id);
  });

  it("refuses a key already used for another exercise", async () => {
    const userId = await createUser(database.db);
    const input = submissionInput(userId);
    await recordSubmission(database.db, input);
    await expect(
      recordSubmission(database.db, { ...input, exerciseId: "pv-reclaim" }),
    ).rejects.toBeInstanceOf(IdempotencyKeyReuseError);
  });

  it("stores the grader's checks as JSON: an undefined field is dropped, a bigint is refused", async () => {
    const userId = await createUser(database.db);
    const check = { id: "claim-bound", status: "pass", weight: 1, message: "", why: undefined };
    const { submission } = await recordSubmission(
      database.db,
      submissionInput(userId, { result: { status: "pass", score: 100, checks: [check] } }),
    );
    const stored = await database.db.submission.findUniqueOrThrow({ where: { id: submission.id } });
    expect(stored.checks).toEqual([{ id: "claim-bound", status: "pass", weight: 1, message: "" }]);
    const notJson = { id: "x", weight: 1n };
    await expect(
      recordSubmission(
        database.db,
        submissionInput(userId, { result: { status: "pass", score: 1, checks: [notJson] } }),
      ),
    ).rejects.toThrow();
  });

  it("refuses malformed input before touching the database", async () => {
    const userId = await createUser(database.db);
    await expect(recordSubmission(database.db, submissionInput(userId, { score: 101 }))).rejects.toThrow();
    await expect(recordSubmission(database.db, submissionInput("", {}))).rejects.toThrow();
    await expect(
      recordSubmission(database.db, submissionInput(userId, { idempotencyKey: "short" })),
    ).rejects.toThrow();
    expect(await database.db.submission.count({ where: { userId } })).toBe(0);
  });

  it("leaves nothing behind when the process is killed (SIGKILL) between its writes and the commit", async () => {
    const userId = await createUser(database.db);
    const input = submissionInput(userId, { lessonId: "killed-lesson" });
    const doomed = await startAppProcess(database.target);
    const holder = doomed.recordPaused(input, "beforeCommit");
    await holder.paused;
    // Written but not committed: invisible to everyone else.
    expect(await countByKey(userId, input.idempotencyKey)).toBe(0);
    await doomed.kill("SIGKILL");
    expect(doomed.child.signalCode).toBe("SIGKILL");

    expect(await countByKey(userId, input.idempotencyKey)).toBe(0);
    expect(await database.db.lessonProgress.count({ where: { userId, lessonId: "killed-lesson" } })).toBe(0);
    // The dead process's locks are gone: the same request now stores normally, as new.
    const retried = await recordSubmission(database.db, input);
    expect(retried.isNew).toBe(true);
    expect(await countByKey(userId, input.idempotencyKey)).toBe(1);
  });
});
