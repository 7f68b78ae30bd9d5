import type { CheckResult } from "@kubejam/grader";

/** What the API answers for a graded submission, the same for the first request and its retries. */
export type SubmissionResult = {
  readonly status: "pass" | "fail" | "error";
  /** 0–100, computed by the server's grader. */
  readonly score: number;
  readonly checks: readonly CheckResult[];
};

export type SubmissionResponse = {
  readonly submissionId: string;
  readonly exerciseId: string;
  readonly createdAt: string;
  /** True when the Idempotency-Key was seen before and this is the stored submission. */
  readonly replayed: boolean;
  readonly result: SubmissionResult;
};
