// Progress: exercise standing derived from submissions, lessons visited and completed, the course
// laid over an outline.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCourseProgress, summarizeCourseProgress } from "../src/queries/course-progress.ts";
import { getLessonProgress, markLessonCompleted, recordLessonVisit } from "../src/queries/lesson-progress.ts";
import { getProgressForUser } from "../src/queries/progress.ts";
import { recordSubmission } from "../src/queries/record-submission.ts";
import { createUser, submissionInput } from "./support/fixtures.ts";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "./support/test-database.ts";

const outline = {
  lessons: [
    { id: "01-pods", exerciseIds: ["pod-sidecar"] },
    { id: "03-pv-pvc", exerciseIds: ["pvc-bind", "pv-reclaim"] },
    { id: "04-storageclass", exerciseIds: ["sc-default"] },
  ],
};

describe.each(PROVIDERS)("%s: progress", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(() => database.drop());

  it("derives attempts, best score, passed and last attempt per exercise from submissions", async () => {
    const userId = await createUser(database.db);
    const other = await createUser(database.db);
    await recordSubmission(database.db, submissionInput(userId, { score: 40, status: "fail" }));
    await recordSubmission(database.db, submissionInput(userId, { score: 100, status: "pass" }));
    const last = await recordSubmission(database.db, submissionInput(userId, { score: 70, status: "fail" }));
    await recordSubmission(
      database.db,
      submissionInput(userId, { exerciseId: "pv-reclaim", score: 0, status: "error" }),
    );
    await recordSubmission(database.db, submissionInput(other, { score: 100 }));

    const progress = await getProgressForUser(database.db, userId);
    expect(progress.exercises).toEqual([
      {
        exerciseId: "pv-reclaim",
        attempts: 1,
        bestScore: 0,
        isPassed: false,
        lastSubmittedAt: expect.any(Date),
      },
      {
        exerciseId: "pvc-bind",
        attempts: 3,
        bestScore: 100,
        isPassed: true,
        lastSubmittedAt: last.submission.createdAt,
      },
    ]);
    expect(progress.lessons.map((lesson) => lesson.lessonId)).toEqual(["03-pv-pvc"]);
  });

  it("records the first visit once and moves the last activity", async () => {
    const userId = await createUser(database.db);
    await recordLessonVisit(database.db, userId, "01-pods");
    const [first] = (await getProgressForUser(database.db, userId)).lessons;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await recordLessonVisit(database.db, userId, "01-pods");
    const [second] = (await getProgressForUser(database.db, userId)).lessons;
    expect(second?.firstVisitedAt).toEqual(first?.firstVisitedAt);
    expect(second?.lastActivityAt.getTime()).toBeGreaterThan(
      first?.lastActivityAt.getTime() ?? Number.POSITIVE_INFINITY,
    );
    expect(second?.completedAt).toBeNull();
  });

  it("keeps the first completion time when a lesson is marked complete again", async () => {
    const userId = await createUser(database.db);
    const completedAt = await markLessonCompleted(database.db, userId, "04-storageclass");
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await markLessonCompleted(database.db, userId, "04-storageclass")).toEqual(completedAt);
    const [lesson] = (await getProgressForUser(database.db, userId)).lessons;
    expect(lesson).toMatchObject({ lessonId: "04-storageclass", completedAt, firstVisitedAt: completedAt });
    expect(await getLessonProgress(database.db, userId, "04-storageclass")).toEqual(lesson);
    expect(await getLessonProgress(database.db, userId, "01-pods")).toBeNull();
  });

  it("lays a learner's progress over the course outline", async () => {
    const userId = await createUser(database.db);
    await recordSubmission(database.db, submissionInput(userId, { score: 100, status: "pass" }));
    await recordSubmission(database.db, submissionInput(userId, { exerciseId: "gone-exercise", score: 100 }));
    await markLessonCompleted(database.db, userId, "01-pods");
    const course = await getCourseProgress(database.db, userId, outline);
    expect(course).toMatchObject({ completedLessons: 1, passedExercises: 1, totalExercises: 4 });
    expect(
      course.lessons.map((lesson) => [
        lesson.lessonId,
        lesson.isVisited,
        lesson.isCompleted,
        lesson.passedExercises,
      ]),
    ).toEqual([
      ["01-pods", true, true, 0],
      ["03-pv-pvc", true, false, 1],
      ["04-storageclass", false, false, 0],
    ]);
    expect(course.lessons[1]?.exercises[1]).toEqual({ exerciseId: "pv-reclaim", attempts: 0 });
  });
});

describe("summarizeCourseProgress", () => {
  it("shows an empty course for a learner who did nothing", () => {
    expect(summarizeCourseProgress(outline, { exercises: [], lessons: [] })).toMatchObject({
      completedLessons: 0,
      passedExercises: 0,
      totalExercises: 4,
    });
  });
});
