import { getSubmissionForUser, IdempotencyKeyReuseError, recordSubmission } from "@kubejam/db";
import { type CheckResult, grade } from "@kubejam/grader";
import { type ApiResult, fail, ok } from "../http/api-error";
import { readBodyText } from "../http/read-body";
import { requestLocale } from "./request-locale";
import type { SubmissionDeps } from "./submission-deps";
import { MAX_BODY_BYTES, parseIdempotencyKey, parseSubmissionBody } from "./submission-request";
import type { SubmissionResponse } from "./submission-result";

/**
 * `POST /api/exercises/:id/submissions`: grades the learner's files on the server and stores the
 * attempt once per Idempotency-Key. Only the files are read from the request; the score, status and
 * checks are the server grader's. Refused requests store nothing.
 */
export async function submitExercise(
  request: Request,
  exerciseId: string,
  deps: SubmissionDeps,
): Promise<ApiResult<SubmissionResponse>> {
  const user = await deps.currentUser(request.headers);
  if (!user) return fail({ status: 401, code: "unauthenticated", message: "Sign in to submit an exercise." });
  const loaded = deps.findExercise(exerciseId);
  if (!loaded || loaded.lesson === "")
    return fail({ status: 404, code: "unknown_exercise", message: `There is no exercise "${exerciseId}".` });
  const key = parseIdempotencyKey(request.headers.get("idempotency-key"));
  if (!key.ok) return key;
  const text = await readBodyText(request, MAX_BODY_BYTES);
  if (!text.ok) return text;
  const body = parseSubmissionBody(text.body);
  if (!body.ok) return body;

  const files = body.body.files.map((f) => ({ name: f.name, text: f.content }));
  const result = grade(loaded.exercise, files, requestLocale(request));
  if (result.status === "error")
    return fail({
      status: 400,
      code: "unusable_submission",
      message: result.message ?? "The files cannot be graded.",
    });

  try {
    const { submission, isNew } = await recordSubmission(deps.db, {
      userId: user.id,
      lessonId: loaded.lesson,
      exerciseId: loaded.id,
      contentHash: loaded.version,
      idempotencyKey: key.body,
      files: Object.fromEntries(files.map((f) => [f.name, f.text])),
      result,
    });
    if (isNew)
      return ok(
        {
          submissionId: submission.id,
          exerciseId: submission.exerciseId,
          createdAt: submission.createdAt.toISOString(),
          replayed: false,
          result: { status: result.status, score: result.score, checks: result.checks },
        },
        201,
      );
    // A retry: answer with what was stored the first time, not with this request's grade.
    const stored = await getSubmissionForUser(deps.db, user.id, submission.id);
    if (!stored) throw new Error(`submission ${submission.id} vanished after its retry was matched`);
    return ok({
      submissionId: stored.id,
      exerciseId: stored.exerciseId,
      createdAt: stored.createdAt.toISOString(),
      replayed: true,
      result: {
        status: stored.status,
        score: stored.score,
        checks: stored.checks as unknown as CheckResult[],
      },
    });
  } catch (error) {
    if (error instanceof IdempotencyKeyReuseError)
      return fail({
        status: 409,
        code: "idempotency_key_reused",
        message: "This Idempotency-Key was already used for another exercise; send a new key.",
      });
    throw error;
  }
}
