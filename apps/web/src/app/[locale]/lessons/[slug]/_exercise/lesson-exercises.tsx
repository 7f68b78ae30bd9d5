import type { Lesson, Locale } from "@kubejam/content";
import { getCourse } from "../../../../../lib/course";
import { LessonBody } from "../_components/lesson-body";
import { ExercisePanel } from "./exercise-panel";

/** The lesson's exercises, each with its task rendered on the server and the panel that grades it. */
export function LessonExercises({ lesson, locale }: { lesson: Lesson; locale: Locale }) {
  const exercises = lesson.exercises.flatMap((id) => getCourse().exercises.filter((e) => e.id === id));
  if (exercises.length === 0) return null;
  return (
    <div className="lesson-exercises">
      {exercises.map((e) => (
        <ExercisePanel
          key={e.id}
          lessonSlug={lesson.slug}
          exercise={{
            id: e.id,
            title: e.title[locale],
            starter: e.starter.map((f) => ({ name: f.name, text: f.text })),
          }}
        >
          <LessonBody
            source={e.prompt[locale]}
            manifests={e.starter.map((f) => ({
              name: f.name,
              text: f.text,
              starter: true,
              expect: "applies",
            }))}
          />
        </ExercisePanel>
      ))}
    </div>
  );
}
