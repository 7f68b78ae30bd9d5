import { respond } from "../../../../../server/http/api-error";
import { appSubmissionDeps } from "../../../../../server/submissions/app-deps";
import { listSubmissions } from "../../../../../server/submissions/read";
import { submitExercise } from "../../../../../server/submissions/submit";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** Grades and stores a submission: body `{ files: [{ name, content }] }`, header `Idempotency-Key`. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return respond(() => submitExercise(request, id, appSubmissionDeps()));
}

/** The caller's standing on the exercise and their latest attempts. */
export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { id } = await params;
  return respond(() => listSubmissions(request, id, appSubmissionDeps()));
}
