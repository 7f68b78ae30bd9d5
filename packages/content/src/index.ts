// @kubejam/content: loads and validates the course in content/. This file is the package's public contract.

export {
  CONTENT_CODES,
  type ContentCode,
  type ContentDiagnostic,
  formatDiagnostic,
  sortDiagnostics,
} from "./diagnostic";
export { findContentRoot } from "./find-root";
export {
  type Course,
  type CourseModule,
  type Lesson,
  type LessonManifest,
  type LoadResult,
  loadCourse,
} from "./load-course";
export { CALLOUT_TYPES, type CalloutType, checkMdx, LESSON_COMPONENTS } from "./mdx-check";
export { LOCALES, type Locale, type Localized } from "./schema";
