"use client";

import { useTranslations } from "next-intl";
import { useWorkspace, useWorkspaceStore } from "./workspace-context";

/** What the last apply printed, as kubectl prints it, with an explanation and a link to the line for errors. */
export function ApplyOutput() {
  const t = useTranslations("workspace");
  const td = useTranslations("diagnostic");
  const store = useWorkspaceStore();
  const last = useWorkspace((s) => s.lastApply);
  if (!last || last.lines.length === 0) return null;
  return (
    <section className="apply-output" aria-label={t("output")}>
      <ul>
        {last.lines.map((line, i) => (
          <li key={i} className={line.ok ? "ok" : "error"}>
            <pre className="kubectl-text">{line.text}</pre>
            {!line.ok ? (
              <div className="explain">
                <p>
                  <span className="visually-hidden">{t("explanation")}: </span>
                  {td(line.code)}
                </p>
                {line.position ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => line.position && store.reveal(line.position)}
                  >
                    {t("showLine", { file: line.position.file, line: line.position.line })}
                  </button>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
