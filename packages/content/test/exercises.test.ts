// Every exercise in content/ holds to its own answers on the real engine: the starter fails, the
// reference solution passes every check, and each known-wrong answer fails the checks it names.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic, loadExercise, verifyExercise } from "../src/index";

const root = join(import.meta.dirname, "..", "..", "..", "content");
const ids = readdirSync(join(root, "exercises"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe("the course's exercises", () => {
  it("exist", () => {
    expect(ids.length).toBeGreaterThanOrEqual(3);
  });

  it.each(ids)("%s: loads, its starter fails, its solution passes, its wrong answers fail", (id) => {
    const loaded = loadExercise(root, id);
    expect(loaded.diagnostics.map(formatDiagnostic)).toEqual([]);
    if (!loaded.exercise) throw new Error(`${id} did not load`);
    expect(loaded.exercise.wrong.length).toBeGreaterThanOrEqual(2);
    expect(verifyExercise(root, loaded.exercise).map(formatDiagnostic)).toEqual([]);
  });
});
