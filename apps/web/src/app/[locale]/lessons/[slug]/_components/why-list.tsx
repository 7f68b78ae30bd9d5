"use client";

import { useTranslations } from "next-intl";
import { countKey, whyValues } from "../../../../../workspace/why-values";
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
        <li key={record.id} className="why-record" data-why={record.id}>
          <h3>{t("title", { kind: record.kind, name: record.name })}</h3>
          <pre className="kubectl-text">{record.message}</pre>
          <p className="muted small">{t("source", { source: record.source })}</p>
          <ul className="why-reasons">
            {record.reasons.map((reason, i) => {
              const at = record.locations[i];
              return (
                <li key={`${reason.code}-${i}`} data-code={reason.code}>
                  <p>{t(`codes.${reason.code}`, whyValues(reason))}</p>
                  {reason.count !== undefined && reason.count > 1 ? (
                    <p className="muted small">{t(countKey(reason.code), { count: reason.count })}</p>
                  ) : null}
                  {record.message.includes(reason.text) ? null : (
                    <p className="kubectl-text small">{reason.text}</p>
                  )}
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
