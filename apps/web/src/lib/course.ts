import "server-only";
import { type Course, findContentRoot, formatDiagnostic, type Lesson, loadCourse } from "@kubejam/content";
import { env } from "../env";

let loaded: Course | undefined;

/** The course from content/, loaded once per server process. Errors in content fail loudly (and the build). */
export function getCourse(): Course {
  if (loaded) return loaded;
  const root = env.KUBEJAM_CONTENT_DIR ?? findContentRoot(process.cwd());
  if (!root)
    throw new Error("content/course.yaml not found above the app's directory; set KUBEJAM_CONTENT_DIR");
  const { course, diagnostics } = loadCourse(root);
  const errors = diagnostics.filter((d) => d.level === "error");
  if (!course || errors.length > 0)
    throw new Error(
      `content/ has errors (run \`kubejam content check\`):\n${errors.map(formatDiagnostic).join("\n")}`,
    );
  loaded = course;
  return course;
}

export function getLesson(slug: string): Lesson | undefined {
  return getCourse().lessons.find((l) => l.slug === slug);
}
