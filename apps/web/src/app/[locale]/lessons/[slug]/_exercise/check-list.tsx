"use client";

import type { CheckResult } from "@kubejam/grader";
import { useTranslations } from "next-intl";
import { useWorkspaceStore } from "../_components/workspace-context";

/** The grader's verdict per check: failing ones with their message, hint, the cluster's why, and lines. */
export function CheckList({ checks }: { checks: readonly CheckResult[] }) {
  const t = useTranslations("exercise");
  const store = useWorkspaceStore();
  return (
    <ul className="exercise-checks">
      {checks.map((check) => (
        <li key={check.id} className="exercise-check" data-check={check.id} data-status={check.status}>
          <p className="exercise-check-title">
            <span className="exercise-check-mark">
              {check.status === "pass" ? t("checkPassed") : t("checkFailed")}
            </span>{" "}
            {check.title}
          </p>
          {check.status === "fail" ? (
            <>
              <p>{check.message}</p>
              {check.hint ? (
                <p className="exercise-hint">
                  <strong>{t("hint")}</strong> {check.hint}
                </p>
              ) : null}
              {check.why ? (
                <details className="exercise-why">
                  <summary>{t("why", { object: check.why.object })}</summary>
                  <pre className="kubectl-text">{check.why.text}</pre>
                </details>
              ) : null}
              {check.detail ? <p className="muted small">{t("detail", { detail: check.detail })}</p> : null}
              {check.locations.length > 0 ? (
                <ul className="exercise-locations">
                  {check.locations.map((at) => (
                    <li key={`${at.file}:${at.line}:${at.column}`}>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => store.reveal({ file: at.file, line: at.line, column: at.column })}
                      >
                        {t("showLine", { file: at.file, line: at.line, object: at.object })}
                      </button>
                    </li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
