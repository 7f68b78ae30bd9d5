import { type Db, getLessonProgress, markLessonCompleted, recordLessonVisit } from "@kubejam/db";
import { z } from "zod";
import { type ApiResult, fail, ok } from "../http/api-error";
import { readBodyText } from "../http/read-body";

export type LessonEventDeps = {
  readonly db: Db;
  readonly currentUser: (headers: Headers) => Promise<{ readonly id: string } | null>;
  readonly lessonExists: (slug: string) => boolean;
};

export type LessonStanding = {
  readonly lessonId: string;
  readonly firstVisitedAt: string | null;
  readonly lastActivityAt: string | null;
  readonly completedAt: string | null;
};

const EventSchema = z.object({ event: z.enum(["visit", "complete"]) });

/**
 * `POST /api/lessons/:slug/progress` with `{ "event": "visit" | "complete" }`: a signed-in learner
 * opened the lesson, or marked it done (the first completion time is kept). Answers the lesson's
 * standing; `GET` answers it without changing anything.
 */
export async function recordLessonEvent(
  request: Request,
  slug: string,
  deps: LessonEventDeps,
): Promise<ApiResult<LessonStanding>> {
  const user = await signedInOnLesson(request, slug, deps);
  if (!user.ok) return user;
  const text = await readBodyText(request, 1024);
  if (!text.ok) return text;
  let json: unknown;
  try {
    json = JSON.parse(text.body);
  } catch {
    return fail({ status: 400, code: "invalid_json", message: "The request body is not valid JSON." });
  }
  const parsed = EventSchema.safeParse(json);
  if (!parsed.success)
    return fail({
      status: 400,
      code: "invalid_event",
      message: 'Send { "event": "visit" } or { "event": "complete" }.',
    });
  if (parsed.data.event === "visit") await recordLessonVisit(deps.db, user.body.id, slug);
  else await markLessonCompleted(deps.db, user.body.id, slug);
  return ok(await standing(deps.db, user.body.id, slug));
}

export async function readLessonStanding(
  request: Request,
  slug: string,
  deps: LessonEventDeps,
): Promise<ApiResult<LessonStanding>> {
  const user = await signedInOnLesson(request, slug, deps);
  if (!user.ok) return user;
  return ok(await standing(deps.db, user.body.id, slug));
}

/** The signed-in learner, on a lesson that exists: what both the read and the write need first. */
async function signedInOnLesson(
  request: Request,
  slug: string,
  deps: LessonEventDeps,
): Promise<ApiResult<{ readonly id: string }>> {
  const user = await deps.currentUser(request.headers);
  if (!user) return fail({ status: 401, code: "unauthenticated", message: "Sign in to keep your progress." });
  if (!deps.lessonExists(slug))
    return fail({ status: 404, code: "unknown_lesson", message: `There is no lesson "${slug}".` });
  return ok(user);
}

async function standing(db: Db, userId: string, lessonId: string): Promise<LessonStanding> {
  const entry = await getLessonProgress(db, userId, lessonId);
  return {
    lessonId,
    firstVisitedAt: entry?.firstVisitedAt.toISOString() ?? null,
    lastActivityAt: entry?.lastActivityAt.toISOString() ?? null,
    completedAt: entry?.completedAt?.toISOString() ?? null,
  };
}
