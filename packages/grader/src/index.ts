// @kubejam/grader: exercises graded on the simulated cluster's outcome. Pure: no I/O, no clock.
export {
  type Action,
  ActionSchema,
  AtSchema,
  type Check,
  CheckSchema,
  DurationSchema,
  type Exercise,
  type ExerciseFile,
  type ExerciseInput,
  ExerciseSchema,
  type Expectation,
  ExpectationSchema,
  LOCALES,
  type Locale,
  type Localized,
  LocalizedSchema,
} from "./exercise";
export { formatGrade } from "./format";
export {
  buildStartingCluster,
  type CheckResult,
  durationMs,
  ExerciseError,
  type GradeResult,
  grade,
  MAX_FILE_BYTES,
  MAX_FILES,
  MAX_TOTAL_BYTES,
  type StartingClusterSpec,
  startingCluster,
} from "./grade";
export { type CheckLocation, type Target, targetsOf } from "./locate";
