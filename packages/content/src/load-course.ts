// Loads content/: course.yaml, then each lesson folder it names (lesson.yaml, index.ko.mdx, index.en.mdx
// and the manifests). Collects every diagnostic and keeps going, so an author sees all problems at once.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { kindInfo, parseManifests } from "@kubejam/engine";
import type { ContentDiagnostic } from "./diagnostic";
import { sortDiagnostics } from "./diagnostic";
import { type LoadedExercise, loadExercise } from "./load-exercise";
import { checkMdx } from "./mdx-check";
import { CourseSchema, LessonMetaSchema, LOCALES, type Locale, type Localized } from "./schema";
import { positionOf, readYaml } from "./yaml-file";

export interface LessonManifest {
  name: string;
  text: string;
  starter: boolean;
  expect: "applies" | "rejected";
}

export interface Lesson {
  slug: string;
  moduleId: string;
  title: Localized;
  summary: Localized;
  minutes: number;
  manifests: LessonManifest[];
  /** The MDX source per language. */
  body: Record<Locale, string>;
  /** Ids of the lesson's exercises (in `Course.exercises`), in order. */
  exercises: string[];
}

export interface CourseModule {
  id: string;
  title: Localized;
  summary?: Localized;
  lessons: string[];
}

export interface Course {
  id: string;
  title: Localized;
  summary: Localized;
  modules: CourseModule[];
  /** Every lesson, in course order. */
  lessons: Lesson[];
  /** Every exercise, in course order. */
  exercises: LoadedExercise[];
}

export interface LoadResult {
  /** Present when course.yaml itself could be read; lessons with errors are left out. */
  course?: Course;
  diagnostics: ContentDiagnostic[];
}

const read = (path: string): string | undefined =>
  existsSync(path) ? readFileSync(path, "utf8") : undefined;

function loadLesson(
  root: string,
  slug: string,
  moduleId: string,
  diagnostics: ContentDiagnostic[],
): Lesson | undefined {
  const dir = join(root, "lessons", slug);
  const rel = (name: string) => `lessons/${slug}/${name}`;
  const metaText = read(join(dir, "lesson.yaml"));
  if (metaText === undefined) {
    diagnostics.push({
      level: "error",
      code: "missing-file",
      file: rel("lesson.yaml"),
      message: `lesson "${slug}" has no lesson.yaml (expected ${rel("lesson.yaml")})`,
    });
    return undefined;
  }
  const meta = readYaml(rel("lesson.yaml"), metaText, LessonMetaSchema);
  if (!meta.ok) {
    diagnostics.push(...meta.diagnostics);
    return undefined;
  }
  let failed = false;
  const manifests: LessonManifest[] = [];
  const seen = new Set<string>();
  meta.value.manifests.forEach((entry, i) => {
    if (seen.has(entry.file)) {
      diagnostics.push({
        level: "error",
        code: "duplicate-id",
        file: rel("lesson.yaml"),
        path: `manifests[${i}].file`,
        message: `"${entry.file}" is listed twice`,
      });
      failed = true;
      return;
    }
    seen.add(entry.file);
    const text = read(join(dir, entry.file));
    if (text === undefined) {
      diagnostics.push({
        level: "error",
        code: "missing-file",
        file: rel("lesson.yaml"),
        path: `manifests[${i}].file`,
        message: `${rel(entry.file)} does not exist`,
      });
      failed = true;
      return;
    }
    const parsed = parseManifests(entry.file, text);
    if (!parsed.ok) {
      for (const d of parsed.diagnostics)
        diagnostics.push({
          level: "error",
          code: "manifest-syntax",
          file: rel(entry.file),
          ...(d.line !== undefined ? { line: d.line, column: d.column } : {}),
          message: d.message,
        });
      failed = true;
      return;
    }
    for (const doc of parsed.documents) {
      const kind = doc.value.kind;
      if (typeof kind === "string" && !kindInfo(kind)) {
        const pos = doc.locate("kind");
        diagnostics.push({
          level: "warning",
          code: "manifest-kind",
          file: rel(entry.file),
          ...(pos ? { line: pos.line, column: pos.column } : {}),
          path: "kind",
          message: `the simulated cluster does not serve kind "${kind}" yet: learners will see kubectl's "no matches for kind" error`,
        });
      }
    }
    manifests.push({ name: entry.file, text, starter: entry.starter, expect: entry.expect });
  });
  const available = new Set(meta.value.manifests.map((m) => m.file));
  const body = {} as Record<Locale, string>;
  const checks = new Map<Locale, ReturnType<typeof checkMdx>>();
  for (const locale of LOCALES) {
    const name = `index.${locale}.mdx`;
    const text = read(join(dir, name));
    if (text === undefined) {
      diagnostics.push({
        level: "error",
        code: "missing-file",
        file: rel(name),
        message: `the ${locale} body is missing`,
      });
      failed = true;
      continue;
    }
    const check = checkMdx(rel(name), text, available);
    diagnostics.push(...check.diagnostics);
    if (check.diagnostics.some((d) => d.level === "error")) failed = true;
    checks.set(locale, check);
    body[locale] = text;
  }
  const ko = checks.get("ko");
  const en = checks.get("en");
  if (ko && en) {
    // glossary-ko.md, style rule 12: the ko and en files break lines at the same places.
    if (ko.lines !== en.lines)
      diagnostics.push({
        level: "warning",
        code: "parallel-lines",
        file: rel("index.ko.mdx"),
        message: `index.ko.mdx has ${ko.lines} lines and index.en.mdx ${en.lines}: keep them parallel, line for line`,
      });
    if (ko.manifests.join(",") !== en.manifests.join(","))
      diagnostics.push({
        level: "warning",
        code: "parallel-manifests",
        file: rel("index.ko.mdx"),
        message: `the two languages embed different manifests (ko: ${ko.manifests.join(", ") || "none"}; en: ${en.manifests.join(", ") || "none"})`,
      });
  }
  if (failed) return undefined;
  return {
    slug,
    moduleId,
    title: meta.value.title,
    summary: meta.value.summary,
    minutes: meta.value.minutes,
    manifests,
    body,
    exercises: meta.value.exercises,
  };
}

/** Loads and checks the course under `root` (the content/ folder). */
export function loadCourse(root: string): LoadResult {
  const diagnostics: ContentDiagnostic[] = [];
  const text = read(join(root, "course.yaml"));
  if (text === undefined) {
    diagnostics.push({
      level: "error",
      code: "missing-file",
      file: "course.yaml",
      message: `no course.yaml in ${root}`,
    });
    return { diagnostics };
  }
  const course = readYaml("course.yaml", text, CourseSchema);
  if (!course.ok) return { diagnostics: sortDiagnostics(course.diagnostics) };

  const lessons: Lesson[] = [];
  const listed = new Set<string>();
  const moduleIds = new Set<string>();
  course.value.modules.forEach((mod, m) => {
    if (moduleIds.has(mod.id))
      diagnostics.push({
        level: "error",
        code: "duplicate-id",
        file: "course.yaml",
        path: `modules[${m}].id`,
        message: `module id "${mod.id}" is used twice`,
      });
    moduleIds.add(mod.id);
    mod.lessons.forEach((slug, l) => {
      if (listed.has(slug)) {
        diagnostics.push({
          level: "error",
          code: "duplicate-id",
          file: "course.yaml",
          path: `modules[${m}].lessons[${l}]`,
          message: `lesson "${slug}" is listed twice`,
        });
        return;
      }
      listed.add(slug);
      if (!existsSync(join(root, "lessons", slug))) {
        diagnostics.push({
          level: "error",
          code: "unknown-lesson",
          file: "course.yaml",
          path: `modules[${m}].lessons[${l}]`,
          message: `there is no folder lessons/${slug}`,
        });
        return;
      }
      const lesson = loadLesson(root, slug, mod.id, diagnostics);
      if (lesson) lessons.push(lesson);
    });
  });
  const exercises = loadLessonExercises(root, lessons, diagnostics);
  const lessonsDir = join(root, "lessons");
  if (existsSync(lessonsDir)) {
    for (const entry of readdirSync(lessonsDir).sort()) {
      if (!listed.has(entry) && statSync(join(lessonsDir, entry)).isDirectory())
        diagnostics.push({
          level: "warning",
          code: "orphan-lesson",
          file: `lessons/${entry}`,
          message: `lessons/${entry} is not listed in course.yaml, so learners never see it`,
        });
    }
  }
  // Point course.yaml diagnostics that carry only a path at their line.
  const located = diagnostics.map((d) =>
    d.file === "course.yaml" && d.path && d.line === undefined ? locateIn(text, d) : d,
  );
  const loaded = new Set(lessons.map((l) => l.slug));
  return {
    course: {
      id: course.value.id,
      title: course.value.title,
      summary: course.value.summary,
      modules: course.value.modules.map((m) => ({ ...m, lessons: m.lessons.filter((s) => loaded.has(s)) })),
      lessons,
      exercises,
    },
    diagnostics: sortDiagnostics(
      located.map((d) =>
        d.file.endsWith("lesson.yaml") && d.path && d.line === undefined ? locateLessonYaml(root, d) : d,
      ),
    ),
  };
}

function locateIn(text: string, d: ContentDiagnostic): ContentDiagnostic {
  const pos = positionOf(text, d.path ?? "");
  return pos ? { ...d, ...pos } : d;
}

function locateLessonYaml(root: string, d: ContentDiagnostic): ContentDiagnostic {
  const text = read(join(root, d.file));
  return text === undefined ? d : locateIn(text, d);
}

/** Each lesson's exercises, in course order; a lesson keeps only the ids that loaded. */
function loadLessonExercises(
  root: string,
  lessons: Lesson[],
  diagnostics: ContentDiagnostic[],
): LoadedExercise[] {
  const out: LoadedExercise[] = [];
  const owner = new Map<string, string>();
  for (const lesson of lessons) {
    const kept: string[] = [];
    lesson.exercises.forEach((id, i) => {
      const where = { file: `lessons/${lesson.slug}/lesson.yaml`, path: `exercises[${i}]` };
      const other = owner.get(id);
      if (other !== undefined) {
        diagnostics.push({
          level: "error",
          code: "duplicate-id",
          ...where,
          message: `exercise "${id}" already belongs to lesson "${other}"`,
        });
        return;
      }
      owner.set(id, lesson.slug);
      if (!existsSync(join(root, "exercises", id))) {
        diagnostics.push({
          level: "error",
          code: "unknown-exercise",
          ...where,
          message: `there is no folder exercises/${id}`,
        });
        return;
      }
      const loaded = loadExercise(root, id, lesson.slug);
      diagnostics.push(...loaded.diagnostics);
      if (!loaded.exercise) return;
      out.push(loaded.exercise);
      kept.push(id);
    });
    lesson.exercises = kept;
  }
  const dir = join(root, "exercises");
  if (existsSync(dir))
    for (const entry of readdirSync(dir).sort())
      if (!owner.has(entry) && statSync(join(dir, entry)).isDirectory())
        diagnostics.push({
          level: "warning",
          code: "orphan-exercise",
          file: `exercises/${entry}`,
          message: `exercises/${entry} is not listed in any lesson.yaml, so learners never see it`,
        });
  return out;
}
