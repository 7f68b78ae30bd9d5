"use client";

import { useLocale } from "next-intl";
import { Link, usePathname } from "../../../i18n/navigation";
import { routing } from "../../../i18n/routing";

/** A link to the same page in the other language; the choice is remembered by next-intl's cookie. */
export function LanguageSwitcher({ label, title }: { label: string; title: string }) {
  const locale = useLocale();
  const pathname = usePathname();
  const other = routing.locales.find((l) => l !== locale) ?? routing.defaultLocale;
  return (
    <Link
      className="language-switcher"
      href={pathname}
      locale={other}
      hrefLang={other}
      lang={other}
      title={title}
    >
      {label}
    </Link>
  );
}
