// Loads one exercise folder (content/exercises/<id>/): exercise.yaml, the files it names, and the
// prompt in each language. Every problem is a located diagnostic; nothing is thrown.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { type ManifestFile, parseManifests } from "@kubejam/engine";
import { type Exercise, ExerciseSchema } from "@kubejam/grader";
import type { ContentDiagnostic } from "./diagnostic";
import { ExerciseFileSchema } from "./exercise-schema";
import { impoliteSentences } from "./korean-register";
import { checkMdx } from "./mdx-check";
import { LOCALES, type Locale, type Localized } from "./schema";
import { positionOf, readYaml } from "./yaml-file";

export interface WrongAnswer {
  id: string;
  files: ManifestFile[];
  /** The checks this answer must fail. */
  fails: string[];
}

export interface LoadedExercise {
  id: string;
  /** The lesson that lists it (empty when the exercise was loaded on its own). */
  lesson: string;
  title: Localized;
  summary: Localized;
  /** The MDX source of the task, per language. */
  prompt: Record<Locale, string>;
  /** What the learner starts from; files are named by their base name, as the editor shows them. */
  starter: ManifestFile[];
  solution: ManifestFile[];
  wrong: WrongAnswer[];
  /** What the grader takes: checks, and the cluster with the operator's files read. */
  exercise: Exercise;
  /** sha256 of everything grading depends on in content/, stored with each submission. */
  version: string;
  /** The folder, relative to the content root. */
  dir: string;
}

export interface ExerciseLoad {
  exercise?: LoadedExercise;
  diagnostics: ContentDiagnostic[];
}

const read = (path: string): string | undefined =>
  existsSync(path) ? readFileSync(path, "utf8") : undefined;

/** Loads `<root>/exercises/<id>/` (or `dir` itself when given an absolute folder). */
export function loadExercise(root: string, id: string, lesson = ""): ExerciseLoad {
  return loadExerciseDir(join(root, "exercises", id), `exercises/${id}`, id, lesson);
}

/** Loads an exercise folder anywhere (`kubejam grade DIR`); `rel` names it in diagnostics. */
export function loadExerciseDir(dir: string, rel: string, id: string, lesson = ""): ExerciseLoad {
  const diagnostics: ContentDiagnostic[] = [];
  const yamlFile = `${rel}/exercise.yaml`;
  const text = read(join(dir, "exercise.yaml"));
  if (text === undefined) {
    diagnostics.push({
      level: "error",
      code: "missing-file",
      file: yamlFile,
      message: `exercise "${id}" has no exercise.yaml (expected ${yamlFile})`,
    });
    return { diagnostics };
  }
  const meta = readYaml(yamlFile, text, ExerciseFileSchema);
  if (!meta.ok) return { diagnostics: meta.diagnostics };
  const spec = meta.value;
  const at = (path: string) => positionOf(text, path);
  let failed = false;

  /** Reads the files a field lists; a missing or unreadable one is an error at that field. */
  const files = (paths: readonly string[], field: string, named: "base" | "path"): ManifestFile[] => {
    const out: ManifestFile[] = [];
    const names = new Set<string>();
    paths.forEach((path, i) => {
      const where = `${field}[${i}]`;
      const body = read(join(dir, path));
      if (body === undefined) {
        diagnostics.push({
          level: "error",
          code: "missing-file",
          file: yamlFile,
          path: where,
          ...at(where),
          message: `${rel}/${path} does not exist`,
        });
        failed = true;
        return;
      }
      const name = named === "base" ? basename(path) : path;
      if (names.has(name)) {
        diagnostics.push({
          level: "error",
          code: "duplicate-id",
          file: yamlFile,
          path: where,
          ...at(where),
          message: `two files are named ${name}: a learner's editor shows files by name, so each must be unique`,
        });
        failed = true;
        return;
      }
      names.add(name);
      const parsed = parseManifests(name, body);
      if (!parsed.ok) {
        for (const d of parsed.diagnostics)
          diagnostics.push({
            level: "error",
            code: "manifest-syntax",
            file: `${rel}/${path}`,
            ...(d.line !== undefined ? { line: d.line, column: d.column } : {}),
            message: d.message,
          });
        failed = true;
        return;
      }
      out.push({ name, text: body });
    });
    return out;
  };

  const setup = files(spec.cluster.setup, "cluster.setup", "path");
  const starter = files(spec.starter, "starter", "base");
  const solution = files(spec.solution, "solution", "base");
  const wrong = spec.wrong.map((w, i) => ({
    id: w.id,
    fails: w.fails,
    files: files(w.files, `wrong[${i}].files`, "base"),
  }));

  const checkIds = new Set<string>();
  spec.checks.forEach((c, i) => {
    if (checkIds.has(c.id)) {
      const where = `checks[${i}].id`;
      diagnostics.push({
        level: "error",
        code: "duplicate-id",
        file: yamlFile,
        path: where,
        ...at(where),
        message: `check id "${c.id}" is used twice`,
      });
      failed = true;
    }
    checkIds.add(c.id);
  });
  // What a learner reads in the grading panel (each check's title, failure and hint) speaks 합니다체
  // (the glossary's style rule 1).
  spec.checks.forEach((c, i) => {
    for (const field of ["title", "failure", "hint"] as const) {
      const where = `checks[${i}].${field}.ko`;
      for (const sentence of impoliteSentences(c[field].ko))
        diagnostics.push({
          level: "warning",
          code: "korean-register",
          file: yamlFile,
          path: where,
          ...at(where),
          message: `grading feedback speaks 합니다체 (-합니다, -하십시오), not "${sentence}"`,
        });
    }
  });
  const wrongIds = new Set<string>();
  spec.wrong.forEach((w, i) => {
    if (wrongIds.has(w.id)) {
      const where = `wrong[${i}].id`;
      diagnostics.push({
        level: "error",
        code: "duplicate-id",
        file: yamlFile,
        path: where,
        ...at(where),
        message: `wrong answer id "${w.id}" is used twice`,
      });
      failed = true;
    }
    wrongIds.add(w.id);
    w.fails.forEach((check, j) => {
      if (checkIds.has(check)) return;
      const where = `wrong[${i}].fails[${j}]`;
      diagnostics.push({
        level: "error",
        code: "unknown-check",
        file: yamlFile,
        path: where,
        ...at(where),
        message: `there is no check "${check}" (checks: ${[...checkIds].join(", ")})`,
      });
      failed = true;
    });
  });

  const prompt = {} as Record<Locale, string>;
  for (const locale of LOCALES) {
    const name = `prompt.${locale}.mdx`;
    const body = read(join(dir, name));
    if (body === undefined) {
      diagnostics.push({
        level: "error",
        code: "missing-file",
        file: `${rel}/${name}`,
        message: `the ${locale} prompt is missing`,
      });
      failed = true;
      continue;
    }
    const check = checkMdx(`${rel}/${name}`, body, new Set());
    diagnostics.push(...check.diagnostics);
    if (check.diagnostics.some((d) => d.level === "error")) failed = true;
    prompt[locale] = body;
  }

  const graded = ExerciseSchema.safeParse({
    id,
    title: spec.title,
    cluster: { ...spec.cluster, setup },
    checks: spec.checks,
  });
  if (!graded.success) {
    // The content schema embeds the grader's own check schema, so this only guards the seam.
    diagnostics.push({
      level: "error",
      code: "schema",
      file: yamlFile,
      message: graded.error.issues.map((i) => i.message).join("; "),
    });
    return { diagnostics };
  }
  if (failed) return { diagnostics };
  return {
    exercise: {
      id,
      lesson,
      title: spec.title,
      summary: spec.summary,
      prompt,
      starter,
      solution,
      wrong,
      exercise: graded.data,
      version: versionOf(graded.data),
      dir: rel,
    },
    diagnostics,
  };
}

/** A stable hash of what grading reads: the checks, the cluster and the operator's files. */
function versionOf(exercise: Exercise): string {
  return createHash("sha256").update(JSON.stringify(exercise)).digest("hex");
}
