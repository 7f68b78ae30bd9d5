import type { Db } from "../client.ts";
import { type ExerciseProgress, getProgressForUser, type UserProgress } from "./progress.ts";

/** The course's shape as `packages/content` knows it; this package never reads content/. */
export type CourseOutline = {
  readonly lessons: readonly { readonly id: string; readonly exerciseIds: readonly string[] }[];
};

export type LessonSummary = {
  readonly lessonId: string;
  readonly isVisited: boolean;
  readonly isCompleted: boolean;
  readonly exercises: readonly (ExerciseProgress | { readonly exerciseId: string; readonly attempts: 0 })[];
  readonly passedExercises: number;
};

export type CourseProgress = {
  readonly lessons: readonly LessonSummary[];
  readonly completedLessons: number;
  readonly passedExercises: number;
  readonly totalExercises: number;
};

/** One learner's progress through the course, lesson by lesson, in the outline's order. */
export async function getCourseProgress(
  db: Db,
  userId: string,
  outline: CourseOutline,
): Promise<CourseProgress> {
  return summarizeCourseProgress(outline, await getProgressForUser(db, userId));
}

/**
 * Lays a learner's progress over the outline. Exercises and lessons the outline no longer lists are
 * left out; ones the learner never touched show as not attempted.
 */
export function summarizeCourseProgress(outline: CourseOutline, progress: UserProgress): CourseProgress {
  const exercises = new Map(progress.exercises.map((entry) => [entry.exerciseId, entry]));
  const lessons = new Map(progress.lessons.map((entry) => [entry.lessonId, entry]));
  const summaries = outline.lessons.map((lesson): LessonSummary => {
    const stored = lessons.get(lesson.id);
    const lessonExercises = lesson.exerciseIds.map(
      (exerciseId) => exercises.get(exerciseId) ?? { exerciseId, attempts: 0 as const },
    );
    return {
      lessonId: lesson.id,
      isVisited: stored !== undefined,
      isCompleted: stored?.completedAt != null,
      exercises: lessonExercises,
      passedExercises: lessonExercises.filter((entry) => "isPassed" in entry && entry.isPassed).length,
    };
  });
  return {
    lessons: summaries,
    completedLessons: summaries.filter((lesson) => lesson.isCompleted).length,
    passedExercises: summaries.reduce((sum, lesson) => sum + lesson.passedExercises, 0),
    totalExercises: summaries.reduce((sum, lesson) => sum + lesson.exercises.length, 0),
  };
}
