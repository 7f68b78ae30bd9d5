import type { Locale } from "@kubejam/content";
import { getCohortProgress, getDb, getUserRole, listCohortsForInstructor } from "@kubejam/db";
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "../../../i18n/navigation";
import { getCourse } from "../../../lib/course";
import { currentUser } from "../../../server/auth/auth";
import { AddMemberForm, CreateCohortForm } from "./cohort-forms";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: Locale }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "instructor" });
  return { title: t("title"), robots: { index: false } };
}

/** An instructor's cohorts, each member's best score and attempts per exercise. 403 for learners. */
export default async function InstructorPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await currentUser();
  if (!user)
    return redirect({ href: { pathname: "/sign-in", query: { next: `/${locale}/instructor` } }, locale });
  const db = getDb();
  // The role is read from the database, not from the session cookie (a minute old at most).
  const role = await getUserRole(db, user.id);
  if (role !== "instructor" && role !== "admin") forbidden();
  const t = await getTranslations("instructor");
  const course = getCourse();
  const cohorts = await listCohortsForInstructor(db, user.id);
  const progress = await Promise.all(cohorts.map((c) => getCohortProgress(db, user.id, c.id)));
  return (
    <main id="main" className="page instructor-page">
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <h2>{t("createCohort")}</h2>
      <CreateCohortForm />
      {cohorts.length === 0 ? <p className="muted">{t("noCohorts")}</p> : null}
      {cohorts.map((cohort, i) => {
        const members = progress[i] ?? [];
        return (
          <section key={cohort.id} aria-labelledby={`cohort-${cohort.id}`} data-cohort={cohort.id}>
            <h2 id={`cohort-${cohort.id}`}>
              {cohort.name} <span className="muted small">{t("members", { count: cohort.memberCount })}</span>
            </h2>
            {members.length === 0 ? (
              <p className="muted">{t("noMembers")}</p>
            ) : (
              <div className="table-scroll">
                <table className="progress-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("member")}</th>
                      {course.exercises.map((e) => (
                        <th scope="col" key={e.id}>
                          {e.title[locale]}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {members.map((m) => (
                      <tr key={m.userId}>
                        <th scope="row">
                          {m.name} <span className="muted small">{m.email}</span>
                        </th>
                        {course.exercises.map((e) => {
                          const entry = m.exercises.find((x) => x.exerciseId === e.id);
                          return (
                            <td key={e.id} className={entry?.isPassed ? "progress-done" : undefined}>
                              {entry
                                ? t("score", { score: entry.bestScore, attempts: entry.attempts })
                                : t("notAttempted")}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <AddMemberForm cohortId={cohort.id} />
          </section>
        );
      })}
    </main>
  );
}
