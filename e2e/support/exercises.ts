// The course's exercises as the server loads them (content/), with their reference solution and
// known-wrong answers: real files to submit, and the exercise to re-grade stored submissions with.
import { type Course, findContentRoot, type LoadedExercise, loadCourse } from "@kubejam/content";
import { repoRoot } from "./app-server";

export type SubmitBody = { readonly files: readonly { readonly name: string; readonly content: string }[] };

let course: Course | undefined;

export function courseExercises(): readonly LoadedExercise[] {
  if (!course) {
    const root = findContentRoot(repoRoot);
    if (!root) throw new Error("content/ not found");
    const loaded = loadCourse(root);
    if (!loaded.course) throw new Error("content/ does not load: run `kubejam content check`");
    course = loaded.course;
  }
  return course.exercises.filter((e) => e.lesson !== "");
}

/** Every solution and wrong answer of every exercise, as request bodies for its submit endpoint. */
export function submittableAnswers(): { exerciseId: string; kind: string; body: SubmitBody }[] {
  return courseExercises().flatMap((e) => [
    { exerciseId: e.id, kind: "solution", body: toBody(e.solution) },
    ...e.wrong.map((w) => ({ exerciseId: e.id, kind: `wrong/${w.id}`, body: toBody(w.files) })),
  ]);
}

const toBody = (files: readonly { name: string; text: string }[]): SubmitBody => ({
  files: files.map((f) => ({ name: f.name, content: f.text })),
});
