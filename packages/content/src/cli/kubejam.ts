// kubejam: the author CLI.
//   kubejam content check [--root DIR]            every diagnostic of content/; exit 1 on errors
//   kubejam grade EXERCISE_DIR FILE... [--json]     grade files against one exercise; exit 0 pass, 1 fail, 2 unusable
//   kubejam cluster EXERCISE_DIR [--state FILE]     the exercise's starting cluster, for kjctl
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { formatGrade, type GradeResult, grade } from "@kubejam/grader";
import { formatDiagnostic, sortDiagnostics } from "../diagnostic";
import { findContentRoot } from "../find-root";
import { loadCourse } from "../load-course";
import { type LoadedExercise, loadExerciseDir } from "../load-exercise";
import { verifyExercise } from "../verify-exercise";
import { writeStartingCluster } from "./starting-cluster-file";

const USAGE = `usage: kubejam content check [--root DIR]
       kubejam grade EXERCISE_DIR FILE... [--json]
       kubejam cluster EXERCISE_DIR [--state FILE]

  content check   load content/ (course.yaml, every lesson's lesson.yaml, MDX bodies, manifests and
                  exercises), grade each exercise's starter, solution and wrong answers, and print
                  every problem as file:line:column; exit 1 if any is an error
  --root DIR      the content folder (default: the nearest content/ with a course.yaml, upwards from here)

  grade           grade manifest files against the exercise in EXERCISE_DIR (content/exercises/<id>)
                  and print the result per check; exit 0 when every check passes, 1 when one fails,
                  2 when the exercise or the files cannot be used
  --json          print { status, score, checks: [{ id, status, message, hint, why, ... }] } instead

  cluster         write the cluster the exercise is graded from (its seed, topology and the operator's
                  setup files) where kjctl keeps its cluster, to explore it with kjctl
  --state FILE    where to write it (default: .kubejam/state.json here, kjctl's own default)
`;

function contentCheck(rest: string[]): number {
  let root: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === "--root") root = rest[++i];
    else if (arg?.startsWith("--root=")) root = arg.slice("--root=".length);
    else {
      process.stderr.write(`kubejam: unknown argument "${arg}"\n\n${USAGE}`);
      return 2;
    }
  }
  const dir = root ?? findContentRoot(process.cwd());
  if (!dir) {
    process.stderr.write("kubejam: no content/course.yaml here or in any parent folder; pass --root DIR\n");
    return 2;
  }
  const { course, diagnostics } = loadCourse(dir);
  const verified = (course?.exercises ?? []).flatMap((e) => verifyExercise(dir, e));
  const all = sortDiagnostics([...diagnostics, ...verified]);
  for (const d of all) process.stdout.write(`${formatDiagnostic(d)}\n`);
  const errors = all.filter((d) => d.level === "error").length;
  const warnings = all.length - errors;
  const lessons = course?.lessons.length ?? 0;
  const exercises = course?.exercises.length ?? 0;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  process.stdout.write(
    `${errors === 0 ? "ok" : "failed"}: ${plural(lessons, "lesson")} and ${plural(exercises, "exercise")} loaded, ${plural(errors, "error")}, ${plural(warnings, "warning")}\n`,
  );
  return errors > 0 ? 1 : 0;
}

function gradeCommand(rest: string[]): number {
  const json = rest.includes("--json");
  const args = rest.filter((a) => a !== "--json");
  const unknown = args.find((a) => a.startsWith("-"));
  if (unknown) {
    process.stderr.write(`kubejam: unknown flag "${unknown}"\n\n${USAGE}`);
    return 2;
  }
  const [dirArg, ...paths] = args;
  if (!dirArg || paths.length === 0) {
    process.stderr.write(`kubejam grade: give an exercise folder and at least one file\n\n${USAGE}`);
    return 2;
  }
  const exercise = loadForCommand("grade", dirArg);
  if (!exercise) return 2;
  const files: { name: string; text: string }[] = [];
  for (const p of paths) {
    if (!existsSync(p) || statSync(p).isDirectory()) {
      process.stderr.write(`kubejam grade: ${p} is not a file\n`);
      return 2;
    }
    files.push({ name: p, text: readFileSync(p, "utf8") });
  }
  const result: GradeResult = grade(exercise.exercise, files);
  process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : formatGrade(result));
  return result.status === "pass" ? 0 : result.status === "fail" ? 1 : 2;
}

/** The exercise in `dirArg`, or undefined after saying on stderr why it cannot be used. */
function loadForCommand(command: string, dirArg: string): LoadedExercise | undefined {
  const dir = resolve(dirArg);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    process.stderr.write(`kubejam ${command}: ${dirArg} is not a folder\n`);
    return undefined;
  }
  const loaded = loadExerciseDir(dir, dirArg.replace(/\/+$/, ""), basename(dir));
  const errors = loaded.diagnostics.filter((d) => d.level === "error");
  if (!loaded.exercise || errors.length > 0) {
    for (const d of loaded.diagnostics) process.stderr.write(`${formatDiagnostic(d)}\n`);
    process.stderr.write(`kubejam ${command}: the exercise in ${dirArg} cannot be used\n`);
    return undefined;
  }
  return loaded.exercise;
}

function clusterCommand(rest: string[]): number {
  let statePath = join(process.cwd(), ".kubejam", "state.json");
  const dirs: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? "";
    if (arg === "--state") statePath = resolve(rest[++i] ?? "");
    else if (arg.startsWith("--state=")) statePath = resolve(arg.slice("--state=".length));
    else if (arg.startsWith("-")) {
      process.stderr.write(`kubejam: unknown flag "${arg}"\n\n${USAGE}`);
      return 2;
    } else dirs.push(arg);
  }
  const [dirArg] = dirs;
  if (!dirArg || dirs.length > 1) {
    process.stderr.write(`kubejam cluster: give one exercise folder\n\n${USAGE}`);
    return 2;
  }
  const exercise = loadForCommand("cluster", dirArg);
  if (!exercise) return 2;
  const written = writeStartingCluster(exercise, statePath);
  if (!written.ok) {
    process.stderr.write(`kubejam cluster: ${written.message}\n`);
    return 2;
  }
  process.stdout.write(
    `the cluster exercise ${exercise.id} is graded from is in ${statePath}: kjctl --state ${statePath} get pods,svc,pvc,pv,sc\n`,
  );
  return 0;
}

function main(argv: string[]): number {
  const [group, command, ...rest] = argv;
  if (group === "--help" || group === "-h" || group === "help") {
    process.stdout.write(USAGE);
    return 0;
  }
  if (group === "content" && command === "check") return contentCheck(rest);
  if (group === "grade") return gradeCommand(argv.slice(1));
  if (group === "cluster") return clusterCommand(argv.slice(1));
  process.stderr.write(USAGE);
  return 2;
}

process.exitCode = main(process.argv.slice(2));
