// Cohorts: an instructor's learners and their progress, readable only by that instructor or an admin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addCohortMember,
  createCohort,
  getCohortProgress,
  listCohortsForInstructor,
  NotAllowedError,
} from "../src/queries/cohorts.ts";
import { recordSubmission } from "../src/queries/record-submission.ts";
import { createUser, submissionInput } from "./support/fixtures.ts";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "./support/test-database.ts";

describe.each(PROVIDERS)("%s: cohorts", (provider) => {
  let database: TestDatabase;
  let instructor: string;
  let otherInstructor: string;
  let admin: string;
  let ada: string;
  let grace: string;
  let cohortId: string;

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    instructor = await createUser(database.db, { name: "Ines", role: "instructor" });
    otherInstructor = await createUser(database.db, { name: "Otto", role: "instructor" });
    admin = await createUser(database.db, { name: "Root", role: "admin" });
    ada = await createUser(database.db, { name: "Ada" });
    grace = await createUser(database.db, { name: "Grace" });
    ({ id: cohortId } = await createCohort(database.db, instructor, "Spring 2026"));
    await addCohortMember(database.db, instructor, cohortId, grace);
    await addCohortMember(database.db, instructor, cohortId, ada);
    await addCohortMember(database.db, instructor, cohortId, ada);
    await recordSubmission(database.db, submissionInput(ada, { score: 50, status: "fail" }));
    await recordSubmission(database.db, submissionInput(ada, { score: 100, status: "pass" }));
  });
  afterAll(() => database.drop());

  it("lists an instructor's cohorts with their sizes", async () => {
    expect(await listCohortsForInstructor(database.db, instructor)).toEqual([
      { id: cohortId, name: "Spring 2026", memberCount: 2 },
    ]);
    expect(await listCohortsForInstructor(database.db, otherInstructor)).toEqual([]);
  });

  it("shows the cohort's instructor each member's progress, by name", async () => {
    const progress = await getCohortProgress(database.db, instructor, cohortId);
    expect(
      progress.map((member) => [
        member.name,
        member.exercises.map((e) => [e.exerciseId, e.attempts, e.bestScore, e.isPassed]),
      ]),
    ).toEqual([
      ["Ada", [["pvc-bind", 2, 100, true]]],
      ["Grace", []],
    ]);
  });

  it("shows an admin any cohort", async () => {
    expect(await getCohortProgress(database.db, admin, cohortId)).toHaveLength(2);
  });

  it("refuses another instructor, a learner, and a learner creating a cohort", async () => {
    await expect(getCohortProgress(database.db, otherInstructor, cohortId)).rejects.toBeInstanceOf(
      NotAllowedError,
    );
    await expect(getCohortProgress(database.db, ada, cohortId)).rejects.toBeInstanceOf(NotAllowedError);
    await expect(
      addCohortMember(database.db, otherInstructor, cohortId, otherInstructor),
    ).rejects.toBeInstanceOf(NotAllowedError);
    await expect(createCohort(database.db, ada, "My own cohort")).rejects.toBeInstanceOf(NotAllowedError);
  });
});
