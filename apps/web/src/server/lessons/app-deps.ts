import "server-only";
import { getDb } from "@kubejam/db";
import { getLesson } from "../../lib/course";
import { getAuth } from "../auth/auth";
import { sessionUser } from "../auth/session-user";
import type { LessonEventDeps } from "./lesson-event";

export function appLessonDeps(): LessonEventDeps {
  return {
    db: getDb(),
    currentUser: (headers) => sessionUser(getAuth(), headers),
    lessonExists: (slug) => getLesson(slug) !== undefined,
  };
}
