import { getTranslations } from "next-intl/server";
import { Link } from "../../../i18n/navigation";
import { safeNextPath } from "../../../lib/auth-client";
import { AuthForm } from "./auth-form";

/** The sign-in and sign-up pages: a form, and a link to the other one that keeps `next`. */
export async function AuthPage({ mode, next }: { mode: "signIn" | "signUp"; next: string | undefined }) {
  const t = await getTranslations("account");
  const back = safeNextPath(next, "") || undefined;
  const other = mode === "signIn" ? "/sign-up" : "/sign-in";
  return (
    <main id="main" className="page narrow auth-page">
      <h1>{mode === "signIn" ? t("signInTitle") : t("signUpTitle")}</h1>
      <p className="muted">{mode === "signIn" ? t("signInLead") : t("signUpLead")}</p>
      <AuthForm mode={mode} next={back} />
      <p>
        <Link href={back ? { pathname: other, query: { next: back } } : other}>
          {mode === "signIn" ? t("noAccount") : t("haveAccount")}
        </Link>
      </p>
    </main>
  );
}
