// An exercise proves itself: its starter fails, its reference solution passes every check, and each
// known-wrong answer fails the checks it is meant to fail. `kubejam content check` and the content
// test run this over every exercise, on the real engine through the grader.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type CheckResult, grade } from "@kubejam/grader";
import type { ContentDiagnostic } from "./diagnostic";
import type { LoadedExercise } from "./load-exercise";
import { positionOf } from "./yaml-file";

const failing = (checks: readonly CheckResult[]) =>
  checks
    .filter((c) => c.status === "fail")
    .map((c) => `${c.id} (${c.detail})`)
    .join("; ");

/** What is wrong with an exercise's own answers; empty when it holds. `root` is the content folder. */
export function verifyExercise(root: string, loaded: LoadedExercise): ContentDiagnostic[] {
  const file = `${loaded.dir}/exercise.yaml`;
  const text = readFileSync(join(root, file), "utf8");
  const problem = (path: string, message: string): ContentDiagnostic => ({
    level: "error",
    code: "exercise-verify",
    file,
    path,
    ...positionOf(text, path),
    message,
  });
  const out: ContentDiagnostic[] = [];

  const starter = grade(loaded.exercise, loaded.starter);
  if (starter.status === "pass")
    out.push(problem("starter", "the starter files already pass every check: there is nothing to do"));

  const solution = grade(loaded.exercise, loaded.solution);
  if (solution.status !== "pass")
    out.push(
      problem(
        "solution",
        solution.status === "error"
          ? `the solution cannot be graded: ${solution.message ?? ""}`
          : `the solution fails ${failing(solution.checks)}`,
      ),
    );
  for (const d of solution.diagnostics)
    out.push(problem("solution", `the solution is refused by the API server: ${d.message}`));

  loaded.wrong.forEach((w, i) => {
    const r = grade(loaded.exercise, w.files);
    w.fails.forEach((id, j) => {
      const check = r.checks.find((c) => c.id === id);
      if (check?.status !== "fail")
        out.push(
          problem(
            `wrong[${i}].fails[${j}]`,
            `the wrong answer "${w.id}" passes the check "${id}" it should fail`,
          ),
        );
    });
  });
  return out;
}
