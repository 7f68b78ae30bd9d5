import type { Locale } from "@kubejam/content";
import { KINDS, parseManifests } from "@kubejam/engine";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "../../../../i18n/navigation";
import { routing } from "../../../../i18n/routing";
import { getCourse, getLesson } from "../../../../lib/course";
import { LessonBody } from "./_components/lesson-body";
import { LessonLayout } from "./_components/lesson-layout";
import { LessonExercises } from "./_exercise/lesson-exercises";

type Params = Promise<{ locale: Locale; slug: string }>;

export function generateStaticParams() {
  return routing.locales.flatMap((locale) => getCourse().lessons.map((l) => ({ locale, slug: l.slug })));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, slug } = await params;
  const lesson = getLesson(slug);
  return lesson ? { title: lesson.title[locale], description: lesson.summary[locale] } : {};
}

/** Kinds the lesson's manifests use that the simulated cluster does not serve yet. */
function unservedKinds(manifests: { name: string; text: string }[]): string[] {
  const served = new Set(KINDS.map((k) => k.kind));
  const missing = new Set<string>();
  for (const m of manifests) {
    const parsed = parseManifests(m.name, m.text);
    if (!parsed.ok) continue;
    for (const d of parsed.documents)
      if (typeof d.value.kind === "string" && !served.has(d.value.kind)) missing.add(d.value.kind);
  }
  return [...missing].sort();
}

export default async function LessonPage({ params }: { params: Params }) {
  const { locale, slug } = await params;
  setRequestLocale(locale);
  const lesson = getLesson(slug);
  if (!lesson) notFound();
  const t = await getTranslations("lesson");
  const course = getCourse();
  const index = course.lessons.findIndex((l) => l.slug === slug);
  const previous = course.lessons[index - 1];
  const next = course.lessons[index + 1];
  const mod = course.modules.find((m) => m.id === lesson.moduleId);
  const missing = unservedKinds(lesson.manifests);
  return (
    <LessonLayout
      lesson={{
        slug: lesson.slug,
        manifests: lesson.manifests.map((m) => ({ name: m.name, text: m.text, starter: m.starter })),
      }}
    >
      <header className="lesson-header">
        {mod ? <p className="lesson-module">{t("moduleLabel", { title: mod.title[locale] })}</p> : null}
        <h1>{lesson.title[locale]}</h1>
        <p className="lesson-meta">
          <span>{t("minutes", { minutes: lesson.minutes })}</span>
          <span aria-hidden="true"> · </span>
          <span>{lesson.summary[locale]}</span>
        </p>
      </header>
      {missing.length > 0 ? (
        <p className="banner warning" role="note">
          {t("unservedKinds", { kinds: missing.join(", ") })}
        </p>
      ) : null}
      <LessonBody source={lesson.body[locale]} manifests={lesson.manifests} />
      <LessonExercises lesson={lesson} locale={locale} />
      <nav className="lesson-pager" aria-label={t("pager")}>
        {previous ? (
          <Link href={`/lessons/${previous.slug}`} rel="prev">
            {t("previous", { title: previous.title[locale] })}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link href={`/lessons/${next.slug}`} rel="next">
            {t("next", { title: next.title[locale] })}
          </Link>
        ) : null}
      </nav>
    </LessonLayout>
  );
}
