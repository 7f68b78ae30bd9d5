import "server-only";
import type { LoadedExercise } from "@kubejam/content";
import { getDb } from "@kubejam/db";
import { getCourse } from "../../lib/course";
import { getAuth } from "../auth/auth";
import { sessionUser } from "../auth/session-user";
import type { SubmissionDeps } from "./submission-deps";

let deps: SubmissionDeps | undefined;

/** The running app's database, auth and course, for the route handlers: built once per process. */
export function appSubmissionDeps(): SubmissionDeps {
  deps ??= createDeps();
  return deps;
}

function createDeps(): SubmissionDeps {
  let exercises: ReadonlyMap<string, LoadedExercise> | undefined;
  return {
    db: getDb(),
    currentUser: (headers) => sessionUser(getAuth(), headers),
    findExercise: (id) => {
      exercises ??= new Map(getCourse().exercises.map((e) => [e.id, e]));
      return exercises.get(id);
    },
  };
}
