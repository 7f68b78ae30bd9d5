import type { Db } from "../client.ts";
import { ContentIdSchema, UserIdSchema } from "../ids.ts";
import type { LessonProgressEntry } from "./progress.ts";
import { touchLesson } from "./touch-lesson.ts";

/** The learner opened a lesson: first visit recorded once, last activity moved. */
export async function recordLessonVisit(db: Db, userId: string, lessonId: string): Promise<void> {
  await touchLesson(db, UserIdSchema.parse(userId), ContentIdSchema.parse(lessonId), new Date());
}

/**
 * The learner finished a lesson. The first completion time is kept; marking it again only moves the
 * last activity. Returns when it was (first) completed.
 */
export async function markLessonCompleted(db: Db, userId: string, lessonId: string): Promise<Date> {
  const key = { userId: UserIdSchema.parse(userId), lessonId: ContentIdSchema.parse(lessonId) };
  const now = new Date();
  const [, , row] = await db.$transaction([
    db.lessonProgress.upsert({
      where: { userId_lessonId: key },
      create: { ...key, firstVisitedAt: now, lastActivityAt: now, completedAt: now },
      update: { lastActivityAt: now },
      select: { userId: true },
    }),
    db.lessonProgress.updateMany({ where: { ...key, completedAt: null }, data: { completedAt: now } }),
    db.lessonProgress.findUniqueOrThrow({ where: { userId_lessonId: key }, select: { completedAt: true } }),
  ]);
  return row.completedAt ?? now;
}

/** The learner's row for one lesson (null before their first visit): one lookup by its key. */
export async function getLessonProgress(
  db: Db,
  userId: string,
  lessonId: string,
): Promise<LessonProgressEntry | null> {
  return db.lessonProgress.findUnique({
    where: {
      userId_lessonId: { userId: UserIdSchema.parse(userId), lessonId: ContentIdSchema.parse(lessonId) },
    },
    select: { lessonId: true, firstVisitedAt: true, lastActivityAt: true, completedAt: true },
  });
}
