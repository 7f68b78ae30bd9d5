import type { Locale } from "@kubejam/content";
import { getDb } from "@kubejam/db";
import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Link, redirect } from "../../../i18n/navigation";
import { getCourse } from "../../../lib/course";
import { currentUser } from "../../../server/auth/auth";
import { learnerProgress } from "../../../server/progress/learner-progress";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "progress" });
  return { title: t("title"), robots: { index: false } };
}

/** Every lesson and exercise with the learner's best score, attempts and last activity. */
export default async function ProgressPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await currentUser();
  if (!user)
    return redirect({ href: { pathname: "/sign-in", query: { next: `/${locale}/progress` } }, locale });
  const t = await getTranslations("progress");
  const format = await getFormatter();
  const course = getCourse();
  const progress = await learnerProgress(getDb(), user.id, course);
  const byLesson = new Map(progress.lessons.map((l) => [l.lessonId, l]));
  const when = (date: Date | undefined) =>
    date ? format.dateTime(date, { dateStyle: "medium", timeStyle: "short" }) : "—";
  return (
    <main id="main" className="page narrow progress-page">
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <p data-testid="progress-summary">
        {t("summary", { passed: progress.passedExercises, total: progress.totalExercises })}
      </p>
      <div className="table-scroll">
        <table className="progress-table">
          <thead>
            <tr>
              <th scope="col">{t("lesson")}</th>
              <th scope="col">{t("exercise")}</th>
              <th scope="col">{t("bestScore")}</th>
              <th scope="col">{t("attempts")}</th>
              <th scope="col">{t("lastActivity")}</th>
            </tr>
          </thead>
          <tbody>
            {course.lessons.map((lesson) => {
              const summary = byLesson.get(lesson.slug);
              const exercises = summary?.exercises ?? [];
              const done = progress.doneLessons.has(lesson.slug);
              const lessonCell = (
                <th scope="row" rowSpan={Math.max(1, exercises.length)} data-lesson={lesson.slug}>
                  <Link href={`/lessons/${lesson.slug}`}>{lesson.title[locale]}</Link>
                  {done ? <span className="progress-mark">{t("lessonDone")}</span> : null}
                </th>
              );
              const last = when(progress.lastActivity.get(lesson.slug));
              if (exercises.length === 0)
                return (
                  <tr key={lesson.slug} data-lesson={lesson.slug}>
                    {lessonCell}
                    <td className="muted">{t("noExercises")}</td>
                    <td />
                    <td />
                    <td>{last}</td>
                  </tr>
                );
              return exercises.map((entry, i) => {
                const exercise = course.exercises.find((e) => e.id === entry.exerciseId);
                const tried = "isPassed" in entry;
                return (
                  <tr key={entry.exerciseId} data-exercise={entry.exerciseId}>
                    {i === 0 ? lessonCell : null}
                    <td>
                      {exercise ? exercise.title[locale] : entry.exerciseId}
                      {tried && entry.isPassed ? (
                        <span className="progress-mark">{t("exerciseDone")}</span>
                      ) : null}
                    </td>
                    <td>{tried ? `${entry.bestScore}/100` : t("notAttempted")}</td>
                    <td>{entry.attempts}</td>
                    <td>{tried ? when(entry.lastSubmittedAt) : last}</td>
                  </tr>
                );
              });
            })}
          </tbody>
        </table>
      </div>
    </main>
  );
}
