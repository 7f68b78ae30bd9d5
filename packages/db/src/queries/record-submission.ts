import { z } from "zod";
import type { Db } from "../client.ts";
import { ContentIdSchema, UserIdSchema } from "../ids.ts";
import { FilesSchema, type JsonObject } from "../json.ts";
import { isUniqueViolation } from "../prisma-errors.ts";
import { type SubmissionStatus, SubmissionStatusSchema } from "../submission-status.ts";
import { TRANSACTION_OPTIONS } from "../transaction-options.ts";
import { touchLesson } from "./touch-lesson.ts";

export const RecordSubmissionInputSchema = z.object({
  userId: UserIdSchema,
  lessonId: ContentIdSchema,
  exerciseId: ContentIdSchema,
  /** The exercise's content hash the grader used. */
  contentHash: z.string().min(1).max(200),
  /** The client's key for this attempt; a retry sends the same key and stores nothing new. */
  idempotencyKey: z.string().min(8).max(200),
  files: FilesSchema,
  /** The server grader's result. Never taken from the request body. */
  result: z.object({
    status: SubmissionStatusSchema,
    score: z.number().int().min(0).max(100),
    /**
     * The grader's per-check results, stored as JSON: any objects (the grader's `CheckResult`
     * interface is accepted as it is); what JSON cannot hold (an `undefined` field) is dropped, as
     * `JSON.stringify` would. What `JSON.parse` returns is JSON by construction, so only its top
     * level is checked (an array of objects) instead of walking every value again with `z.json()`.
     */
    checks: z
      .array(z.unknown())
      .readonly()
      .transform((checks): unknown => JSON.parse(JSON.stringify(checks)))
      .pipe(z.array(z.custom<JsonObject>(isPlainObject, "a check result must be a JSON object"))),
  }),
});
export type RecordSubmissionInput = z.input<typeof RecordSubmissionInputSchema>;

export type RecordedSubmission = {
  readonly id: string;
  readonly exerciseId: string;
  readonly score: number;
  readonly status: SubmissionStatus;
  readonly createdAt: Date;
};

/** `isNew` is false when the key was seen before: the stored submission is returned unchanged. */
export type RecordSubmissionOutcome = { readonly submission: RecordedSubmission; readonly isNew: boolean };

/** The same idempotency key came back for another exercise: a client bug, never a retry. */
export class IdempotencyKeyReuseError extends Error {
  override readonly name = "IdempotencyKeyReuseError";
}

/**
 * Test seams (the crash and race tests pause a real process here; the app never passes any):
 * `beforeTransaction` runs once the input is checked, before anything is read or written;
 * `beforeCommit` runs inside the transaction after its writes.
 */
export type RecordSubmissionHooks = {
  readonly beforeTransaction?: () => Promise<void>;
  readonly beforeCommit?: () => Promise<void>;
};

const recordedSelect = { id: true, exerciseId: true, score: true, status: true, createdAt: true } as const;

/**
 * Stores a graded submission and marks the lesson active, in one transaction, at most once per
 * (user, idempotency key). The key is not looked up first: the unique index `(userId,
 * idempotencyKey)` refuses a second insert, and only then is the stored row read and returned (a
 * retry, or a concurrent request with the same key: PostgreSQL makes it wait for the winner's
 * commit; SQLite serialises writers). A first attempt, the common case, costs one transaction and
 * no extra query.
 */
export function recordSubmission(db: Db, input: RecordSubmissionInput): Promise<RecordSubmissionOutcome> {
  return recordSubmissionWithHooks(db, input, {});
}

export async function recordSubmissionWithHooks(
  db: Db,
  rawInput: RecordSubmissionInput,
  hooks: RecordSubmissionHooks,
): Promise<RecordSubmissionOutcome> {
  const input = RecordSubmissionInputSchema.parse(rawInput);
  await hooks.beforeTransaction?.();
  try {
    const submission = await db.$transaction(async (tx) => {
      const row = await tx.submission.create({
        data: {
          userId: input.userId,
          lessonId: input.lessonId,
          exerciseId: input.exerciseId,
          contentHash: input.contentHash,
          idempotencyKey: input.idempotencyKey,
          files: input.files,
          checks: input.result.checks,
          score: input.result.score,
          status: input.result.status,
        },
        select: recordedSelect,
      });
      await touchLesson(tx, input.userId, input.lessonId, row.createdAt);
      await hooks.beforeCommit?.();
      return row;
    }, TRANSACTION_OPTIONS);
    return { submission: toRecorded(submission), isNew: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await findByKey(db, input.userId, input.idempotencyKey);
    if (!winner) throw error;
    return { submission: sameExercise(winner, input.exerciseId), isNew: false };
  }
}

async function findByKey(db: Db, userId: string, idempotencyKey: string): Promise<RecordedSubmission | null> {
  const row = await db.submission.findUnique({
    where: { userId_idempotencyKey: { userId, idempotencyKey } },
    select: recordedSelect,
  });
  return row ? toRecorded(row) : null;
}

function sameExercise(submission: RecordedSubmission, exerciseId: string): RecordedSubmission {
  if (submission.exerciseId !== exerciseId) {
    throw new IdempotencyKeyReuseError(
      `idempotency key already used for exercise ${submission.exerciseId}, not ${exerciseId}`,
    );
  }
  return submission;
}

function toRecorded(row: {
  id: string;
  exerciseId: string;
  score: number;
  status: string;
  createdAt: Date;
}): RecordedSubmission {
  return { ...row, status: SubmissionStatusSchema.parse(row.status) };
}

/** A JSON object as `JSON.parse` makes it: not null, not an array. */
function isPlainObject(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
