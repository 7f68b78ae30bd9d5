import type { Course } from "@kubejam/content";
import type { CourseOutline } from "@kubejam/db";

/** The course's lessons and their exercises, as the progress queries take it. */
export function courseOutline(course: Course): CourseOutline {
  return { lessons: course.lessons.map((l) => ({ id: l.slug, exerciseIds: l.exercises })) };
}
