import { getTranslations } from "next-intl/server";
import { Link } from "../../i18n/navigation";

// Shown with HTTP 403 when a page calls forbidden(): a signed-in user without the role it needs.
export default async function Forbidden() {
  const t = await getTranslations("instructor");
  const tn = await getTranslations("notFound");
  return (
    <main id="main" className="page narrow">
      <h1>{t("forbiddenTitle")}</h1>
      <p>
        {t("forbidden")} <Link href="/">{tn("home")}</Link>
      </p>
    </main>
  );
}
