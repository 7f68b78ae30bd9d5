// Reading submissions never crosses users: every read is scoped by the caller's user id.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSubmissionForUser } from "../src/queries/get-submission.ts";
import { listSubmissionsForUser } from "../src/queries/list-submissions.ts";
import { recordSubmission } from "../src/queries/record-submission.ts";
import { createUser, submissionInput } from "./support/fixtures.ts";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "./support/test-database.ts";

describe.each(PROVIDERS)("%s: reading submissions", (provider) => {
  let database: TestDatabase;
  let alice: string;
  let bob: string;
  const aliceIds: string[] = [];
  let bobId = "";

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    alice = await createUser(database.db, { name: "Alice" });
    bob = await createUser(database.db, { name: "Bob" });
    for (const score of [10, 60, 100]) {
      const { submission } = await recordSubmission(
        database.db,
        submissionInput(alice, { score, status: score === 100 ? "pass" : "fail" }),
      );
      aliceIds.push(submission.id);
    }
    await recordSubmission(database.db, submissionInput(alice, { exerciseId: "pv-reclaim" }));
    bobId = (await recordSubmission(database.db, submissionInput(bob, { score: 0, status: "error" })))
      .submission.id;
  });
  afterAll(() => database.drop());

  it("lists one user's submissions for one exercise, newest first, with summary fields only", async () => {
    const listed = await listSubmissionsForUser(database.db, alice, "pvc-bind");
    expect(listed.map((submission) => submission.id)).toEqual([...aliceIds].reverse());
    expect(Object.keys(listed[0] ?? {}).sort()).toEqual(
      ["contentHash", "createdAt", "exerciseId", "id", "score", "status"].sort(),
    );
    expect(listed.map((submission) => submission.score)).toEqual([100, 60, 10]);
  });

  it("never lists another user's submissions", async () => {
    const forBob = await listSubmissionsForUser(database.db, bob, "pvc-bind");
    expect(forBob.map((submission) => submission.id)).toEqual([bobId]);
    const forAlice = await listSubmissionsForUser(database.db, alice, "pvc-bind");
    expect(forAlice.map((submission) => submission.id)).not.toContain(bobId);
  });

  it("refuses an empty user id instead of matching everyone", async () => {
    await expect(listSubmissionsForUser(database.db, "", "pvc-bind")).rejects.toThrow();
    await expect(getSubmissionForUser(database.db, "", bobId)).rejects.toThrow();
  });

  it("limits how many it lists", async () => {
    expect(await listSubmissionsForUser(database.db, alice, "pvc-bind", 2)).toHaveLength(2);
  });

  it("returns a user's own submission with its files and checks, and null for anyone else's", async () => {
    const own = await getSubmissionForUser(database.db, bob, bobId);
    expect(own).toMatchObject({ id: bobId, status: "error", score: 0, exerciseId: "pvc-bind" });
    expect(own?.files).toEqual(submissionInput(bob).files);
    expect(await getSubmissionForUser(database.db, alice, bobId)).toBeNull();
  });
});
