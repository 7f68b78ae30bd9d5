"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import {
  addMemberAction,
  type CohortActionState,
  createCohortAction,
} from "../../../server/cohorts/cohort-actions";

const IDLE: CohortActionState = { kind: "idle" };

function Outcome({ state }: { state: CohortActionState }) {
  const t = useTranslations("instructor");
  if (state.kind === "added") return <p role="status">{t("added", { email: state.email })}</p>;
  if (state.kind === "unknownEmail")
    return (
      <p role="alert" className="auth-error">
        {t("unknownEmail", { email: state.email })}
      </p>
    );
  if (state.kind === "forbidden")
    return (
      <p role="alert" className="auth-error">
        {t("forbidden")}
      </p>
    );
  return null;
}

export function CreateCohortForm() {
  const t = useTranslations("instructor");
  const id = useId();
  const [state, action, pending] = useActionState(createCohortAction, IDLE);
  return (
    <form action={action} className="inline-form">
      <label htmlFor={id}>{t("cohortName")}</label> <input id={id} name="name" required maxLength={200} />{" "}
      <button type="submit" className="button small" disabled={pending}>
        {t("create")}
      </button>
      <Outcome state={state} />
    </form>
  );
}

export function AddMemberForm({ cohortId }: { cohortId: string }) {
  const t = useTranslations("instructor");
  const id = useId();
  const [state, action, pending] = useActionState(addMemberAction, IDLE);
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="cohortId" value={cohortId} />
      <label htmlFor={id}>{t("addMember")}</label> <input id={id} name="email" type="email" required />{" "}
      <button type="submit" className="button small" disabled={pending}>
        {t("add")}
      </button>
      <Outcome state={state} />
    </form>
  );
}
