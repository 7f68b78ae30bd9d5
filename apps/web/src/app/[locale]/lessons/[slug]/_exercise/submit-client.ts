import type { CheckResult } from "@kubejam/grader";

// The browser's side of the submission API (see src/server/submissions/): the files go out, the
// server's grade comes back. A network failure is retried once with the same Idempotency-Key, so a
// request that reached the server is never stored twice.

export type GradedSubmission = {
  submissionId: string;
  replayed: boolean;
  result: { status: "pass" | "fail" | "error"; score: number; checks: CheckResult[] };
};

export type History = { attempts: number; bestScore: number | null; passed: boolean };

export type SubmitOutcome =
  | { ok: true; submission: GradedSubmission }
  | { ok: false; code: string; message: string };

export async function submitFiles(
  exerciseId: string,
  files: readonly { name: string; text: string }[],
  locale: string,
  idempotencyKey: string,
): Promise<SubmitOutcome> {
  const request = () =>
    fetch(`/api/exercises/${encodeURIComponent(exerciseId)}/submissions?locale=${locale}`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": idempotencyKey },
      body: JSON.stringify({ files: files.map((f) => ({ name: f.name, content: f.text })) }),
    });
  let response: Response;
  try {
    response = await request().catch(request);
  } catch {
    return { ok: false, code: "network", message: "" };
  }
  const body = (await response.json().catch(() => undefined)) as
    | GradedSubmission
    | { error?: { code?: string; message?: string } }
    | undefined;
  if (response.ok && body && "submissionId" in body) return { ok: true, submission: body };
  const error = body && "error" in body ? body.error : undefined;
  return { ok: false, code: error?.code ?? `http_${response.status}`, message: error?.message ?? "" };
}

/** The learner's attempts at the exercise, or undefined when signed out or unreachable. */
export async function fetchHistory(exerciseId: string): Promise<History | undefined> {
  try {
    const response = await fetch(`/api/exercises/${encodeURIComponent(exerciseId)}/submissions`);
    return response.ok ? ((await response.json()) as History) : undefined;
  } catch {
    return undefined;
  }
}
