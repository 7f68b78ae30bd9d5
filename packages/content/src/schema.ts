import { z } from "zod";

// What an author writes in content/course.yaml and content/lessons/<slug>/lesson.yaml.

export const LOCALES = ["ko", "en"] as const;
export type Locale = (typeof LOCALES)[number];

const text = z.string().trim().min(1, "must not be empty");
export const LocalizedSchema = z.strictObject({ ko: text, en: text });
export type Localized = z.infer<typeof LocalizedSchema>;

/** Lesson folders and module ids: lowercase words joined by dashes, as they appear in URLs. */
export const SlugSchema = z
  .string()
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    "must be lowercase letters and digits joined by '-' (it is part of a URL)",
  );

export const ModuleSchema = z.strictObject({
  id: SlugSchema,
  title: LocalizedSchema,
  summary: LocalizedSchema.optional(),
  lessons: z.array(SlugSchema).min(1, "a module needs at least one lesson"),
});
export type CourseModuleInput = z.infer<typeof ModuleSchema>;

export const CourseSchema = z.strictObject({
  id: SlugSchema,
  title: LocalizedSchema,
  summary: LocalizedSchema,
  modules: z.array(ModuleSchema).min(1, "a course needs at least one module"),
});
export type CourseInput = z.infer<typeof CourseSchema>;

export const ManifestEntrySchema = z.strictObject({
  /** A YAML file in the lesson's folder. */
  file: z.string().regex(/^[a-z0-9][a-z0-9._-]*\.ya?ml$/, "must be a .yaml file name in the lesson's folder"),
  /** Opened in the editor when the learner starts the lesson. */
  starter: z.boolean().default(false),
  /**
   * What `kubectl apply` does with it: `applies` (the default) or `rejected` for a file that shows an
   * error on purpose. The content test holds the file to it.
   */
  expect: z.enum(["applies", "rejected"]).default("applies"),
});
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;

export const LessonMetaSchema = z.strictObject({
  title: LocalizedSchema,
  summary: LocalizedSchema,
  /** Minutes a learner needs, roughly. */
  minutes: z.number().int().min(1).max(240),
  manifests: z.array(ManifestEntrySchema).default([]),
  /** Exercise folders (content/exercises/<id>/) the lesson ends with, in order. */
  exercises: z.array(SlugSchema).default([]),
});
export type LessonMeta = z.infer<typeof LessonMetaSchema>;
