import type { Metadata, Viewport } from "next";
import { notFound } from "next/navigation";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { env } from "../../env";
import { Link } from "../../i18n/navigation";
import { routing } from "../../i18n/routing";
import { AccountMenu } from "./_components/account-menu";
import { LanguageSwitcher } from "./_components/language-switcher";
import { ServiceWorker } from "./_components/service-worker";
import "../globals.css";
import "../accounts.css";

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "site" });
  return { title: { default: t("brand"), template: `%s · ${t("brand")}` }, description: t("description") };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0d1117" },
  ],
};

export default async function LocaleLayout({
  children,
  params,
}: Readonly<{ children: ReactNode; params: Promise<{ locale: string }> }>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations("site");
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider>
          <header className="site-header">
            <div className="site-header-inner">
              <Link className="brand" href="/">
                {t("brand")}
              </Link>
              <div className="site-header-end">
                <AccountMenu />
                <LanguageSwitcher label={t("otherLanguage")} title={t("otherLanguageLabel")} />
              </div>
            </div>
          </header>
          {children}
          <ServiceWorker enabled={env.NODE_ENV === "production"} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
