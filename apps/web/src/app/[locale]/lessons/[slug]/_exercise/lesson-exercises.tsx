import type { Lesson, Locale } from "@kubejam/content";
import { getCourse } from "../../../../../lib/course";
import { LessonBody } from "../_components/lesson-body";
import { ExercisePanel } from "./exercise-panel";
import { LessonDone } from "./lesson-done";

/**
 * The lesson's exercises, each with its task rendered on the server and the panel that grades it,
 * then the learner's "done" button.
 */
export function LessonExercises({ lesson, locale }: { lesson: Lesson; locale: Locale }) {
  const exercises = lesson.exercises.flatMap((id) => getCourse().exercises.filter((e) => e.id === id));
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
            cluster: {
              exercise: e.id,
              seed: e.exercise.cluster.seed,
              ...(e.exercise.cluster.topology ? { topology: e.exercise.cluster.topology } : {}),
              setup: e.exercise.cluster.setup.map((f) => ({ name: f.name, text: f.text })),
            },
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
      <LessonDone slug={lesson.slug} />
    </div>
  );
}
