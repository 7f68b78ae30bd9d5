import { respond } from "../../../../server/http/api-error";
import { appSubmissionDeps } from "../../../../server/submissions/app-deps";
import { readSubmission } from "../../../../server/submissions/read";

export const dynamic = "force-dynamic";

/** One of the caller's own submissions (404 for anyone else's). */
export async function GET(
  request: Request,
  { params }: { params: Promise<{ id: string }> },
): Promise<Response> {
  const { id } = await params;
  return respond(() => readSubmission(request, id, appSubmissionDeps()));
}
