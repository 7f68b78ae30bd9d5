// @kubejam/db: the database. Server-only; everything outside this package imports from here.

export { authUserAdditionalFields } from "./auth-schema.ts";
export { createDb, type Db } from "./client.ts";
export {
  type DatabaseTarget,
  DEFAULT_SQLITE_FILE,
  describeTarget,
  type Provider,
  redactUrl,
  resolveDatabaseTarget,
} from "./database-target.ts";
export { currentDatabaseTarget, getDb } from "./db.ts";
export type { Files, JsonObject } from "./json.ts";
export type { MigrationReport } from "./migrate/applied-migrations.ts";
export { type MigrateOptions, migrate } from "./migrate/migrate.ts";
export { MigrationChecksumError, MigrationFailedError } from "./migrate/migration-errors.ts";
export {
  addCohortMember,
  type CohortMemberProgress,
  type CohortSummary,
  createCohort,
  getCohortProgress,
  listCohortsForInstructor,
  NotAllowedError,
} from "./queries/cohorts.ts";
export {
  type CourseOutline,
  type CourseProgress,
  getCourseProgress,
  type LessonSummary,
  summarizeCourseProgress,
} from "./queries/course-progress.ts";
export { getSubmissionForUser, type SubmissionDetail } from "./queries/get-submission.ts";
export { getLessonProgress, markLessonCompleted, recordLessonVisit } from "./queries/lesson-progress.ts";
export { listSubmissionsForUser, type SubmissionSummary } from "./queries/list-submissions.ts";
export {
  type ExerciseProgress,
  getProgressForUser,
  type LessonProgressEntry,
  type UserProgress,
} from "./queries/progress.ts";
export {
  IdempotencyKeyReuseError,
  type RecordedSubmission,
  type RecordSubmissionInput,
  type RecordSubmissionOutcome,
  recordSubmission,
} from "./queries/record-submission.ts";
export {
  type CreateAdminInput,
  type CreateAdminOutcome,
  createAdmin,
  findUserByEmail,
  getUserRole,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  setUserRole,
} from "./queries/users.ts";
export {
  type AnonymousWork,
  importAnonymousWork,
  loadWorkspace,
  type SavedWorkspace,
  saveWorkspace,
  type WorkspaceInput,
} from "./queries/workspace.ts";
export { findRepositoryRoot } from "./repository-root.ts";
export { DEFAULT_ROLE, ROLES, type Role } from "./roles.ts";
export { SUBMISSION_STATUSES, type SubmissionStatus } from "./submission-status.ts";
