// `kubejam cluster EXERCISE_DIR`: the cluster an exercise is graded from, as a kjctl state file, so an
// author (or a learner at a terminal) can explore it with kjctl before writing an answer.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { buildStartingCluster, ExerciseError } from "@kubejam/grader";
import type { LoadedExercise } from "../load-exercise";

export type StartingClusterWrite = { ok: true } | { ok: false; message: string };

/** Writes `exercise`'s starting cluster to `statePath` as kjctl keeps state (the ClusterState as JSON). */
export function writeStartingCluster(exercise: LoadedExercise, statePath: string): StartingClusterWrite {
  let state: ReturnType<typeof buildStartingCluster>;
  try {
    state = buildStartingCluster(exercise.exercise.cluster);
  } catch (error) {
    if (error instanceof ExerciseError) return { ok: false, message: error.message };
    throw error;
  }
  mkdirSync(dirname(statePath), { recursive: true });
  writeFileSync(statePath, JSON.stringify(state));
  return { ok: true };
}
