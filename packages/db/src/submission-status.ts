import { z } from "zod";

/** A grade's outcome (Exercism's runner interface): `error` means the grader could not grade. */
export const SUBMISSION_STATUSES = ["pass", "fail", "error"] as const;
export const SubmissionStatusSchema = z.enum(SUBMISSION_STATUSES);
export type SubmissionStatus = z.infer<typeof SubmissionStatusSchema>;
