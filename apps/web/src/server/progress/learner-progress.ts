import "server-only";
import type { Course } from "@kubejam/content";
import { type CourseProgress, type Db, getProgressForUser, summarizeCourseProgress } from "@kubejam/db";
import { courseOutline } from "./course-outline";

export type LearnerProgress = CourseProgress & {
  /** Last activity per lesson (a visit or a submission). */
  readonly lastActivity: ReadonlyMap<string, Date>;
  /** Lessons counted as done: marked complete, or every exercise of theirs passed. */
  readonly doneLessons: ReadonlySet<string>;
};

/** One learner's standing over the whole course, in two grouped queries. */
export async function learnerProgress(db: Db, userId: string, course: Course): Promise<LearnerProgress> {
  const progress = await getProgressForUser(db, userId);
  const summary = summarizeCourseProgress(courseOutline(course), progress);
  const done = summary.lessons.filter(
    (l) => l.isCompleted || (l.exercises.length > 0 && l.passedExercises === l.exercises.length),
  );
  return {
    ...summary,
    lastActivity: new Map(progress.lessons.map((l) => [l.lessonId, l.lastActivityAt])),
    doneLessons: new Set(done.map((l) => l.lessonId)),
  };
}
