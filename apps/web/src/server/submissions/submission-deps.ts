import type { LoadedExercise } from "@kubejam/content";
import type { Db } from "@kubejam/db";

/** What the submission handlers need from the app; tests pass a real database and real auth. */
export type SubmissionDeps = {
  readonly db: Db;
  /** The signed-in user of a request (its session cookie), or null. */
  readonly currentUser: (headers: Headers) => Promise<{ readonly id: string } | null>;
  /** An exercise of the course, by id (the course is loaded once per process). */
  readonly findExercise: (id: string) => LoadedExercise | undefined;
};
