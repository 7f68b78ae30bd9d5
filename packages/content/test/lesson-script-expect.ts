// The assertion every lesson's script test makes: both languages run, the same commands, and every
// output the lesson shows is what the engine printed.
import { expect } from "vitest";
import type { Lesson } from "../src/index";
import { runLessonScript, type ScriptRun } from "./lesson-script";

/** Runs a lesson's body as a script in both languages: same commands, every shown output as printed. */
export function scriptOf(l: Lesson): ScriptRun {
  const en = runLessonScript(l, "en");
  const ko = runLessonScript(l, "ko");
  expect(en.problems, `${l.slug} (en)`).toEqual([]);
  expect(ko.problems, `${l.slug} (ko)`).toEqual([]);
  expect(ko.commands, `${l.slug}: the ko body runs other commands than the en body`).toEqual(en.commands);
  for (const o of [...en.outputs, ...ko.outputs])
    expect(o.shown, `${l.slug}: $ ${o.command}`).toBe(o.printed);
  expect(ko.outputs.map((o) => o.shown)).toEqual(en.outputs.map((o) => o.shown));
  return en;
}
