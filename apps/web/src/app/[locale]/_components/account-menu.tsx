"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Link, usePathname } from "../../../i18n/navigation";
import { authClient } from "../../../lib/auth-client";

/**
 * The header's account links. It asks /api/auth for the session in the browser, so the lesson
 * pages stay static; signed out it offers sign-in and sign-up and comes back to this page after.
 */
export function AccountMenu() {
  const t = useTranslations("account");
  const locale = useLocale();
  const pathname = usePathname();
  const { data, isPending } = authClient.useSession();
  const [leaving, setLeaving] = useState(false);
  if (isPending) return <span className="account-menu" aria-hidden="true" />;
  if (!data) {
    const back = { pathname: "/sign-in", query: { next: `/${locale}${pathname === "/" ? "" : pathname}` } };
    return (
      <nav className="account-menu" aria-label={t("menu")}>
        <Link href={back}>{t("signIn")}</Link>
        <Link className="button small primary" href={{ ...back, pathname: "/sign-up" }}>
          {t("signUp")}
        </Link>
      </nav>
    );
  }
  const role = (data.user as { role?: string }).role;
  const signOut = async () => {
    setLeaving(true);
    await authClient.signOut();
    window.location.reload();
  };
  return (
    <nav className="account-menu" aria-label={t("menu")}>
      <Link href="/progress">{t("progress")}</Link>
      {role === "instructor" || role === "admin" ? <Link href="/instructor">{t("instructor")}</Link> : null}
      <span className="account-name muted" title={data.user.email}>
        {data.user.name}
      </span>
      <button type="button" className="link-button" onClick={signOut} disabled={leaving}>
        {t("signOut")}
      </button>
    </nav>
  );
}
