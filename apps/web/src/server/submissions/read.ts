import { getProgressForUser, getSubmissionForUser, listSubmissionsForUser } from "@kubejam/db";
import type { CheckResult } from "@kubejam/grader";
import { type ApiResult, fail, ok } from "../http/api-error";
import type { SubmissionDeps } from "./submission-deps";
import type { SubmissionResult } from "./submission-result";

export type SubmissionDetailResponse = {
  readonly submissionId: string;
  readonly exerciseId: string;
  readonly lessonId: string;
  readonly contentHash: string;
  readonly createdAt: string;
  readonly files: readonly { readonly name: string; readonly content: string }[];
  readonly result: SubmissionResult;
};

export type SubmissionHistoryResponse = {
  readonly exerciseId: string;
  readonly attempts: number;
  /** The best score so far, null before the first attempt. */
  readonly bestScore: number | null;
  readonly passed: boolean;
  /** The latest attempts (at most 20), newest first. */
  readonly submissions: readonly {
    readonly submissionId: string;
    readonly score: number;
    readonly status: "pass" | "fail" | "error";
    readonly createdAt: string;
  }[];
};

const ID = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * `GET /api/submissions/:id`: one of the caller's own submissions. Another learner's id answers 404,
 * exactly like an id that does not exist, so ids cannot be probed.
 */
export async function readSubmission(
  request: Request,
  submissionId: string,
  deps: SubmissionDeps,
): Promise<ApiResult<SubmissionDetailResponse>> {
  const user = await deps.currentUser(request.headers);
  if (!user) return fail({ status: 401, code: "unauthenticated", message: "Sign in to read submissions." });
  const notFound = fail({ status: 404, code: "not_found", message: "There is no such submission of yours." });
  if (!ID.test(submissionId)) return notFound;
  const stored = await getSubmissionForUser(deps.db, user.id, submissionId);
  if (!stored) return notFound;
  return ok({
    submissionId: stored.id,
    exerciseId: stored.exerciseId,
    lessonId: stored.lessonId,
    contentHash: stored.contentHash,
    createdAt: stored.createdAt.toISOString(),
    files: Object.entries(stored.files).map(([name, content]) => ({ name, content })),
    result: { status: stored.status, score: stored.score, checks: stored.checks as unknown as CheckResult[] },
  });
}

const RECENT_LISTED = 20;

/**
 * `GET /api/exercises/:id/submissions`: the caller's standing on one exercise (attempts, best score,
 * passed) and their latest attempts, newest first.
 */
export async function listSubmissions(
  request: Request,
  exerciseId: string,
  deps: SubmissionDeps,
): Promise<ApiResult<SubmissionHistoryResponse>> {
  const user = await deps.currentUser(request.headers);
  if (!user) return fail({ status: 401, code: "unauthenticated", message: "Sign in to read submissions." });
  if (!deps.findExercise(exerciseId))
    return fail({ status: 404, code: "unknown_exercise", message: `There is no exercise "${exerciseId}".` });
  const [rows, progress] = await Promise.all([
    listSubmissionsForUser(deps.db, user.id, exerciseId, RECENT_LISTED),
    getProgressForUser(deps.db, user.id),
  ]);
  const standing = progress.exercises.find((e) => e.exerciseId === exerciseId);
  return ok({
    exerciseId,
    attempts: standing?.attempts ?? 0,
    bestScore: standing ? standing.bestScore : null,
    passed: standing?.isPassed ?? false,
    submissions: rows.map((r) => ({
      submissionId: r.id,
      score: r.score,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
    })),
  });
}
