import type { Db } from "../client.ts";
import { UserIdSchema } from "../ids.ts";

/** A learner's standing on one exercise, derived from their submissions. */
export type ExerciseProgress = {
  readonly exerciseId: string;
  readonly attempts: number;
  readonly bestScore: number;
  readonly isPassed: boolean;
  readonly lastSubmittedAt: Date;
};

/** A learner's lesson, as stored by visits, submissions and "mark complete". */
export type LessonProgressEntry = {
  readonly lessonId: string;
  readonly firstVisitedAt: Date;
  readonly lastActivityAt: Date;
  readonly completedAt: Date | null;
};

export type UserProgress = {
  readonly exercises: readonly ExerciseProgress[];
  readonly lessons: readonly LessonProgressEntry[];
};

/**
 * Everything the course map needs for one learner: per exercise (attempts, best score, passed, last
 * attempt) computed from submissions in two grouped queries, and the stored lesson rows.
 */
export async function getProgressForUser(db: Db, userId: string): Promise<UserProgress> {
  const id = UserIdSchema.parse(userId);
  const [exercises, lessons] = await Promise.all([exerciseProgressFor(db, [id]), lessonProgressFor(db, id)]);
  return { exercises: exercises.get(id) ?? [], lessons };
}

/** Exercise progress of several users at once (a cohort), keyed by user id. */
export async function exerciseProgressFor(
  db: Db,
  userIds: readonly string[],
): Promise<Map<string, ExerciseProgress[]>> {
  const where = { userId: { in: [...userIds] } };
  const [totals, passes] = await Promise.all([
    db.submission.groupBy({
      by: ["userId", "exerciseId"],
      where,
      _count: { _all: true },
      _max: { score: true, createdAt: true },
      orderBy: [{ userId: "asc" }, { exerciseId: "asc" }],
    }),
    db.submission.groupBy({
      by: ["userId", "exerciseId"],
      where: { ...where, status: "pass" },
      orderBy: [{ userId: "asc" }, { exerciseId: "asc" }],
    }),
  ]);
  const passed = new Set(passes.map((row) => `${row.userId}\u0000${row.exerciseId}`));
  const byUser = new Map<string, ExerciseProgress[]>();
  for (const row of totals) {
    const list = byUser.get(row.userId) ?? [];
    list.push({
      exerciseId: row.exerciseId,
      attempts: row._count._all,
      bestScore: row._max.score ?? 0,
      isPassed: passed.has(`${row.userId}\u0000${row.exerciseId}`),
      lastSubmittedAt: row._max.createdAt ?? new Date(0),
    });
    byUser.set(row.userId, list);
  }
  return byUser;
}

async function lessonProgressFor(db: Db, userId: string): Promise<LessonProgressEntry[]> {
  return db.lessonProgress.findMany({
    where: { userId },
    orderBy: { lessonId: "asc" },
    select: { lessonId: true, firstVisitedAt: true, lastActivityAt: true, completedAt: true },
  });
}
