import { getTranslations } from "next-intl/server";
import { Link } from "../../i18n/navigation";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main id="main" className="page narrow">
      <h1>{t("title")}</h1>
      <p>
        {t("body")} <Link href="/">{t("home")}</Link>
      </p>
    </main>
  );
}
