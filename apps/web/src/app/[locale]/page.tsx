import type { Locale } from "@kubejam/content";
import { getDb } from "@kubejam/db";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "../../i18n/navigation";
import { getCourse } from "../../lib/course";
import { currentUser } from "../../server/auth/auth";
import { type LearnerProgress, learnerProgress } from "../../server/progress/learner-progress";

// Rendered per request: a signed-in learner sees which lessons and exercises they have done.
export const dynamic = "force-dynamic";

export default async function HomePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("home");
  const tp = await getTranslations("progress");
  const course = getCourse();
  const user = await currentUser();
  const progress: LearnerProgress | undefined = user
    ? await learnerProgress(getDb(), user.id, course)
    : undefined;
  const passed = new Set(
    progress?.lessons.flatMap((l) =>
      l.exercises.filter((e) => "isPassed" in e && e.isPassed).map((e) => e.exerciseId),
    ),
  );
  const first = course.lessons[0];
  return (
    <main id="main" className="page narrow home">
      <h1>{course.title[locale]}</h1>
      <p className="lead">{course.summary[locale]}</p>
      <p>{t("lead")}</p>
      {first ? (
        <p>
          <Link className="button primary" href={`/lessons/${first.slug}`}>
            {t("start")}
          </Link>
        </p>
      ) : null}

      <h2>{t("modules")}</h2>
      <ol className="modules">
        {course.modules.map((mod, m) => (
          <li key={mod.id} className="module">
            <p className="module-number">{t("module", { number: m + 1 })}</p>
            <h3>{mod.title[locale]}</h3>
            {mod.summary ? <p className="muted">{mod.summary[locale]}</p> : null}
            <ol className="lessons">
              {mod.lessons.map((slug) => {
                const lesson = course.lessons.find((l) => l.slug === slug);
                if (!lesson) return null;
                return (
                  <li key={slug}>
                    <Link href={`/lessons/${slug}`} className="lesson-link">
                      <span className="lesson-title">
                        {lesson.title[locale]}
                        {progress?.doneLessons.has(slug) ? (
                          <span className="progress-mark" data-done="lesson">
                            {tp("lessonDone")}
                          </span>
                        ) : null}
                      </span>
                      <span className="lesson-minutes">
                        {t("lessonMinutes", { minutes: lesson.minutes })}
                      </span>
                    </Link>
                    <p className="muted small">{lesson.summary[locale]}</p>
                    {progress && lesson.exercises.length > 0 ? (
                      <ul className="lesson-exercise-marks small">
                        {lesson.exercises.map((id) => {
                          const exercise = course.exercises.find((e) => e.id === id);
                          return (
                            <li key={id} data-exercise={id}>
                              {tp("exerciseItem", { title: exercise ? exercise.title[locale] : id })}
                              {passed.has(id) ? (
                                <span className="progress-mark" data-done="exercise">
                                  {tp("exerciseDone")}
                                </span>
                              ) : null}
                            </li>
                          );
                        })}
                      </ul>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          </li>
        ))}
      </ol>

      <h2>{t("howItWorks")}</h2>
      <ol className="how">
        <li>{t("how1")}</li>
        <li>{t("how2")}</li>
        <li>{t("how3")}</li>
      </ol>
    </main>
  );
}
