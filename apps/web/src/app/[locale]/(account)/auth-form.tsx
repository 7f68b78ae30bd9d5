"use client";

import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { authClient, safeNextPath } from "../../../lib/auth-client";

type Mode = "signIn" | "signUp";

/** better-auth's error codes this form explains; anything else gets the generic sentence. */
const KNOWN_ERRORS = [
  "USER_ALREADY_EXISTS",
  "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL",
  "INVALID_EMAIL_OR_PASSWORD",
  "INVALID_EMAIL",
  "PASSWORD_TOO_SHORT",
  "PASSWORD_TOO_LONG",
] as const;
type KnownError = (typeof KNOWN_ERRORS)[number];
const isKnown = (code: unknown): code is KnownError => (KNOWN_ERRORS as readonly unknown[]).includes(code);

/** Email + password, through better-auth; then back to the page the learner came from. */
export function AuthForm({ mode, next }: { mode: Mode; next: string | undefined }) {
  const t = useTranslations("account");
  const locale = useLocale();
  const id = useId();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    setBusy(true);
    setError(undefined);
    const result =
      mode === "signUp"
        ? await authClient.signUp.email({ email, password, name: String(form.get("name") ?? "").trim() })
        : await authClient.signIn.email({ email, password });
    if (result.error) {
      setBusy(false);
      const code = result.error.code;
      if (result.error.status === 429) setError(t("errors.TOO_MANY_REQUESTS"));
      else setError(isKnown(code) ? t(`errors.${code}`) : t("errors.generic"));
      return;
    }
    // A full load: the header, progress marks and the lesson's panel read the new session.
    window.location.assign(safeNextPath(next, `/${locale}`));
  };

  return (
    <form className="auth-form" onSubmit={onSubmit} noValidate={false}>
      {mode === "signUp" ? (
        <p className="auth-field">
          <label htmlFor={`${id}-name`}>{t("name")}</label>
          <input id={`${id}-name`} name="name" autoComplete="name" required maxLength={100} />
        </p>
      ) : null}
      <p className="auth-field">
        <label htmlFor={`${id}-email`}>{t("email")}</label>
        <input id={`${id}-email`} name="email" type="email" autoComplete="email" required />
      </p>
      <p className="auth-field">
        <label htmlFor={`${id}-password`}>{t("password")}</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete={mode === "signUp" ? "new-password" : "current-password"}
          required
          minLength={8}
          maxLength={128}
          aria-describedby={mode === "signUp" ? `${id}-password-rule` : undefined}
        />
        {mode === "signUp" ? (
          <span id={`${id}-password-rule`} className="muted small">
            {t("passwordRule")}
          </span>
        ) : null}
      </p>
      {error ? (
        <p className="auth-error" role="alert">
          {error}
        </p>
      ) : null}
      <p>
        <button type="submit" className="button primary" disabled={busy}>
          {mode === "signUp" ? t("signUp") : t("signIn")}
        </button>
      </p>
    </form>
  );
}
