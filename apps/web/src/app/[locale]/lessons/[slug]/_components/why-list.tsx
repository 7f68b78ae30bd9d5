"use client";

import { useTranslations } from "next-intl";
import { useWorkspace, useWorkspaceStore } from "./workspace-context";

/** The engine's "why" records: its own words (kubectl's English), our explanation, and the line to fix. */
export function WhyList() {
  const t = useTranslations("why");
  const tw = useTranslations("workspace");
  const store = useWorkspaceStore();
  const why = useWorkspace((s) => s.snapshot?.why ?? []);
  if (why.length === 0) return <p className="empty">{t("empty")}</p>;
  return (
    <ul className="why-list">
      {why.map((record) => (
        <li key={record.id} className="why-record">
          <h3>{t("title", { kind: record.kind, name: record.name })}</h3>
          <pre className="kubectl-text">{record.message}</pre>
          <p className="muted small">{t("source", { source: record.source })}</p>
          <ul className="why-reasons">
            {record.reasons.map((reason, i) => {
              const at = record.locations[i];
              const values = reason.values ?? {};
              const labels = Object.entries(values)
                .filter(([k]) => !["container", "image", "claim"].includes(k))
                .map(([k, v]) => `${k}=${v}`)
                .join(", ");
              return (
                <li key={`${reason.code}-${i}`}>
                  <p>
                    {t(`codes.${reason.code}`, {
                      labels,
                      container: values.container ?? "",
                      image: values.image ?? "",
                      claim: values.claim ?? "",
                    })}
                  </p>
                  {reason.count !== undefined ? (
                    <p className="muted small">{t("count", { count: reason.count })}</p>
                  ) : null}
                  {reason.fieldPath ? (
                    <p className="small">
                      {t("field")} <code>{reason.fieldPath}</code>
                    </p>
                  ) : null}
                  {at ? (
                    <button type="button" className="link-button" onClick={() => store.reveal(at)}>
                      {tw("showLine", { file: at.file, line: at.line })}
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ul>
  );
}
