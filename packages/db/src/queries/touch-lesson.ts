import type { Prisma } from "../generated/sqlite/client.ts";

/**
 * Records activity in a lesson: the first call creates its progress row (visited now), later calls
 * move `lastActivityAt`. One `INSERT … ON CONFLICT DO UPDATE` (Prisma's native upsert: the `where`
 * is the row's key and `create` holds the same key), so concurrent calls cannot collide.
 */
export async function touchLesson(
  tx: Prisma.TransactionClient,
  userId: string,
  lessonId: string,
  at: Date,
): Promise<void> {
  await tx.lessonProgress.upsert({
    where: { userId_lessonId: { userId, lessonId } },
    create: { userId, lessonId, firstVisitedAt: at, lastActivityAt: at },
    update: { lastActivityAt: at },
    select: { userId: true },
  });
}
