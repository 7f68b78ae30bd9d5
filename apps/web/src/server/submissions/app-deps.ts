import "server-only";
import { getDb } from "@kubejam/db";
import { getCourse } from "../../lib/course";
import { getAuth } from "../auth/auth";
import { sessionUser } from "../auth/session-user";
import type { SubmissionDeps } from "./submission-deps";

/** The running app's database, auth and course, for the route handlers. */
export function appSubmissionDeps(): SubmissionDeps {
  return {
    db: getDb(),
    currentUser: (headers) => sessionUser(getAuth(), headers),
    findExercise: (id) => getCourse().exercises.find((e) => e.id === id),
  };
}
