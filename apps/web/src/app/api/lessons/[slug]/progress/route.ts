import { respond } from "../../../../../server/http/api-error";
import { appLessonDeps } from "../../../../../server/lessons/app-deps";
import { readLessonStanding, recordLessonEvent } from "../../../../../server/lessons/lesson-event";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

/** `{ "event": "visit" | "complete" }` for the signed-in learner; answers the lesson's standing. */
export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { slug } = await params;
  return respond(() => recordLessonEvent(request, slug, appLessonDeps()));
}

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { slug } = await params;
  return respond(() => readLessonStanding(request, slug, appLessonDeps()));
}
