import type { Db } from "../client.ts";
import { ContentIdSchema, UserIdSchema } from "../ids.ts";
import { type SubmissionStatus, SubmissionStatusSchema } from "../submission-status.ts";

export type SubmissionSummary = {
  readonly id: string;
  readonly exerciseId: string;
  readonly contentHash: string;
  readonly score: number;
  readonly status: SubmissionStatus;
  readonly createdAt: Date;
};

export const MAX_SUBMISSIONS_LISTED = 100;

/**
 * One user's submissions for one exercise, newest first. The user id is part of every `where`, and
 * an empty id is refused, so nothing here can return another user's rows.
 */
export async function listSubmissionsForUser(
  db: Db,
  userId: string,
  exerciseId: string,
  limit = 20,
): Promise<SubmissionSummary[]> {
  const rows = await db.submission.findMany({
    where: { userId: UserIdSchema.parse(userId), exerciseId: ContentIdSchema.parse(exerciseId) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(1, Math.trunc(limit)), MAX_SUBMISSIONS_LISTED),
    select: { id: true, exerciseId: true, contentHash: true, score: true, status: true, createdAt: true },
  });
  return rows.map((row) => ({ ...row, status: SubmissionStatusSchema.parse(row.status) }));
}
