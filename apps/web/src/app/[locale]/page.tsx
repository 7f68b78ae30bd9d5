import type { Locale } from "@kubejam/content";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "../../i18n/navigation";
import { getCourse } from "../../lib/course";

export default async function HomePage({ params }: { params: Promise<{ locale: Locale }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("home");
  const course = getCourse();
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
                      <span className="lesson-title">{lesson.title[locale]}</span>
                      <span className="lesson-minutes">
                        {t("lessonMinutes", { minutes: lesson.minutes })}
                      </span>
                    </Link>
                    <p className="muted small">{lesson.summary[locale]}</p>
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
