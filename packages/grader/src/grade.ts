import {
  advance,
  applyManifests,
  type ClusterState,
  createCluster,
  type Diagnostic,
  type ManifestFile,
} from "@kubejam/engine";
import { parseDuration, run, runKj, splitCommandLine } from "@kubejam/kubectl";
import type { Action, Check, Exercise, Locale } from "./exercise";
import { evaluate } from "./expectations";
import { type CheckLocation, FileLocator, targetsOf } from "./locate";

// Grading is a pure function of (exercise, learner files, locale): the same cluster, built from the
// exercise's seed and the operator's objects, then the learner's files, then each check on its own
// copy of that cluster (state is immutable, so a copy costs nothing).

/** Limits on what a learner may submit; past them the input is unusable (status `error`). */
export const MAX_FILES = 20;
export const MAX_FILE_BYTES = 256 * 1024;
export const MAX_TOTAL_BYTES = 1024 * 1024;

export interface CheckResult {
  id: string;
  status: "pass" | "fail";
  weight: number;
  title: string;
  /** The check's failure message (empty when it passed). */
  message: string;
  /** What the grader saw, in the cluster's own words (English, as kubectl is). */
  detail: string;
  /** The check's hint, when it failed. */
  hint: string;
  /** The engine's explanation of the object the check names (`kjctl why …`), when it failed. */
  why?: { object: string; text: string };
  /** Where in the learner's files the failure points (the documents of the objects it is about). */
  locations: CheckLocation[];
}

export interface GradeResult {
  status: "pass" | "fail" | "error";
  /** 0-100: the weight of the passed checks over the weight of all. */
  score: number;
  checks: CheckResult[];
  /** What the API server said about the learner's files (located: file, line, column, field path). */
  diagnostics: Diagnostic[];
  /** Why the input was unusable, for status `error`. */
  message?: string;
}

const bases = new WeakMap<Exercise, ClusterState>();

/**
 * What `buildStartingCluster` needs of an exercise's `cluster` block: the browser's workspace builds
 * the same cluster from it, so what a learner practises on is what the grader starts from.
 */
export type StartingClusterSpec = Pick<Exercise["cluster"], "seed" | "topology" | "setup">;

/** The cluster the learner starts from: created, the operator's objects applied, settled. */
export function buildStartingCluster(spec: StartingClusterSpec): ClusterState {
  const created = createCluster({ seed: spec.seed, topology: spec.topology as never });
  if (!created.ok)
    throw new ExerciseError(`the exercise's cluster cannot be created: ${created.errors.join("; ")}`);
  if (spec.setup.length === 0) return created.state;
  const applied = applyManifests(created.state, spec.setup);
  const bad = applied.results.find((r) => !r.ok);
  if (bad && !bad.ok) throw new ExerciseError(`the exercise's setup is invalid: ${bad.diagnostic.message}`);
  return applied.state;
}

/** `buildStartingCluster` once per loaded exercise: every submission starts from the same state. */
export function startingCluster(exercise: Exercise): ClusterState {
  const known = bases.get(exercise);
  if (known) return known;
  const state = buildStartingCluster(exercise.cluster);
  bases.set(exercise, state);
  return state;
}

/** An exercise that cannot be graded at all: an author's mistake, which `kubejam content check` reports. */
export class ExerciseError extends Error {}

export function grade(
  exercise: Exercise,
  files: readonly ManifestFile[],
  locale: Locale = "en",
): GradeResult {
  const unusable = checkInput(files);
  if (unusable) return { status: "error", score: 0, checks: [], diagnostics: [], message: unusable };
  const start = startingCluster(exercise);
  const applied = applyManifests(start, [...files]);
  const diagnostics = applied.results.flatMap((r) => (r.ok ? [] : [r.diagnostic]));
  const settled = advance(applied.state, durationMs(exercise.cluster.settle));
  const locator = new FileLocator(files);
  const checks = exercise.checks.map((c) => runCheck(c, settled, files, locator, locale));
  const total = checks.reduce((n, c) => n + c.weight, 0);
  const passed = checks.filter((c) => c.status === "pass").reduce((n, c) => n + c.weight, 0);
  return {
    status: checks.every((c) => c.status === "pass") ? "pass" : "fail",
    score: total === 0 ? 0 : Math.round((100 * passed) / total),
    checks,
    diagnostics,
  };
}

function checkInput(files: readonly ManifestFile[]): string | undefined {
  if (files.length === 0) return "no files were submitted";
  if (files.length > MAX_FILES) return `too many files: ${files.length} (at most ${MAX_FILES})`;
  let total = 0;
  for (const f of files) {
    if (f.text.length > MAX_FILE_BYTES)
      return `${f.name} is too large (at most ${MAX_FILE_BYTES / 1024} KiB)`;
    total += f.text.length;
  }
  if (total > MAX_TOTAL_BYTES)
    return `the files are too large together (at most ${MAX_TOTAL_BYTES / 1024} KiB)`;
  if (files.every((f) => f.text.trim() === "")) return "every file is empty";
  return undefined;
}

function runCheck(
  check: Check,
  start: ClusterState,
  files: readonly ManifestFile[],
  locator: FileLocator,
  locale: Locale,
): CheckResult {
  let state = start;
  const base = { id: check.id, weight: check.weight, title: check.title[locale] };
  const failed = (detail: string, at: ClusterState): CheckResult => ({
    ...base,
    status: "fail",
    message: check.failure[locale],
    detail,
    hint: check.hint[locale],
    ...explain(check, at),
    locations: locator.locate(targetsOf(check)),
  });
  for (const action of check.actions) {
    const done = act(state, action, files);
    if (!done.ok) return failed(done.detail, state);
    state = done.state;
  }
  const expectations = Array.isArray(check.expect) ? check.expect : [check.expect];
  const seen: string[] = [];
  for (const e of expectations) {
    const outcome = evaluate(state, e);
    if (!outcome.ok) return failed(outcome.detail, state);
    seen.push(outcome.detail);
  }
  return { ...base, status: "pass", message: "", detail: seen.join("; "), hint: "", locations: [] };
}

function act(
  state: ClusterState,
  action: Action,
  files: readonly ManifestFile[],
): { ok: true; state: ClusterState } | { ok: false; detail: string } {
  if ("advance" in action) return { ok: true, state: advance(state, durationMs(action.advance)) };
  if ("reapply" in action) return { ok: true, state: applyManifests(state, [...files]).state };
  const argv = splitCommandLine(action.kubectl);
  if (!argv) return { ok: false, detail: `cannot read the command "kubectl ${action.kubectl}"` };
  const r = run(state, argv);
  if (r.exitCode !== 0)
    return { ok: false, detail: `kubectl ${action.kubectl}: ${(r.stderr || r.stdout).trim()}` };
  return { ok: true, state: r.state };
}

function explain(check: Check, state: ClusterState): { why?: { object: string; text: string } } {
  if (!check.why) return {};
  const r = runKj(state, ["why", check.why]);
  return r.exitCode === 0 ? { why: { object: check.why, text: r.stdout } } : {};
}

/** An exercise's duration (`30s`, `2m`, `500ms`: DurationSchema) in ms, read as `kjctl advance` reads it. */
export function durationMs(text: string): number {
  return parseDuration(text) ?? 0;
}
