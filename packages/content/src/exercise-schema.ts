import { CheckSchema, DurationSchema } from "@kubejam/grader";
import { z } from "zod";
import { LocalizedSchema } from "./schema";

// What an author writes in content/exercises/<id>/exercise.yaml. Files are paths relative to the
// exercise's folder; the loader reads them and hands the grader an `Exercise` with their text.

/** A manifest file in the exercise's folder, e.g. `starter/claim.yaml`. */
const FilePathSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*\.ya?ml$/,
    "must be a .yaml path inside the exercise's folder, e.g. starter/claim.yaml",
  );

const FileListSchema = z.array(FilePathSchema);

/** A known-wrong answer and the checks it must fail (the content test holds it to them). */
export const WrongAnswerSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "a lowercase id such as selector-typo"),
  files: FileListSchema.min(1),
  fails: z.array(z.string()).min(1, "name the check (or checks) this answer must fail"),
});

export const ExerciseFileSchema = z.strictObject({
  title: LocalizedSchema,
  summary: LocalizedSchema,
  cluster: z
    .strictObject({
      seed: z.number().int().min(0).default(1),
      /** Node count, ranges, max pods per node, default classes (see the engine's topology). */
      topology: z.record(z.string(), z.unknown()).optional(),
      /** The cluster operator's objects (StorageClasses, PersistentVolumes, ...), applied first. */
      setup: FileListSchema.default([]),
      /** Virtual time let pass after the learner's files are applied, before the checks. */
      settle: DurationSchema.default("30s"),
    })
    .default({ seed: 1, setup: [], settle: "30s" }),
  /** What the learner starts from, opened in the editor. */
  starter: FileListSchema.min(1),
  /** A reference solution: it must pass every check. */
  solution: FileListSchema.min(1),
  wrong: z.array(WrongAnswerSchema).default([]),
  checks: z.array(CheckSchema).min(1),
});
export type ExerciseFileInput = z.input<typeof ExerciseFileSchema>;
