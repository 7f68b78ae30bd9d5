import type { Db } from "../client.ts";
import { UserIdSchema } from "../ids.ts";
import { type Files, FilesSchema, type JsonObject, JsonObjectSchema } from "../json.ts";
import { type SubmissionStatus, SubmissionStatusSchema } from "../submission-status.ts";

export type SubmissionDetail = {
  readonly id: string;
  readonly lessonId: string;
  readonly exerciseId: string;
  readonly contentHash: string;
  readonly files: Files;
  readonly checks: JsonObject[];
  readonly score: number;
  readonly status: SubmissionStatus;
  readonly createdAt: Date;
};

/** One of the user's own submissions with its files and check results; null if it is not theirs. */
export async function getSubmissionForUser(
  db: Db,
  userId: string,
  submissionId: string,
): Promise<SubmissionDetail | null> {
  const row = await db.submission.findFirst({
    where: { id: submissionId, userId: UserIdSchema.parse(userId) },
    select: {
      id: true,
      lessonId: true,
      exerciseId: true,
      contentHash: true,
      files: true,
      checks: true,
      score: true,
      status: true,
      createdAt: true,
    },
  });
  if (!row) return null;
  return {
    ...row,
    files: FilesSchema.parse(row.files),
    checks: JsonObjectSchema.array().parse(row.checks),
    status: SubmissionStatusSchema.parse(row.status),
  };
}
