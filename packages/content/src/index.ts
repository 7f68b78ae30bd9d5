// @kubejam/content: loads and validates the course in content/. This file is the package's public contract.

export {
  CONTENT_CODES,
  type ContentCode,
  type ContentDiagnostic,
  formatDiagnostic,
  sortDiagnostics,
} from "./diagnostic";
export { type ExerciseFileInput, ExerciseFileSchema } from "./exercise-schema";
export { findContentRoot } from "./find-root";
export { impoliteSentences } from "./korean-register";
export {
  type Course,
  type CourseModule,
  type Lesson,
  type LessonManifest,
  type LoadResult,
  loadCourse,
} from "./load-course";
export {
  type ExerciseLoad,
  type LoadedExercise,
  loadExercise,
  loadExerciseDir,
  type WrongAnswer,
} from "./load-exercise";
export { CALLOUT_TYPES, type CalloutType, checkMdx, LESSON_COMPONENTS } from "./mdx-check";
export { LOCALES, type Locale, type Localized } from "./schema";
export { verifyExercise } from "./verify-exercise";
