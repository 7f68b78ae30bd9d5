"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useWorkspace, useWorkspaceStore } from "./workspace-context";

/**
 * Trace a request from a pod (the terminal's `trace POD URL`), and the last trace's hops: the diagram
 * numbers the objects it passed; this table says what happened at each hop, in the engine's words.
 */
/** The hop table's columns, by their message keys. */
const TRACE_COLUMNS = ["hop", "where", "from", "to", "what"] as const;

export function TracePanel() {
  const t = useTranslations("diagram.trace");
  const store = useWorkspaceStore();
  const trace = useWorkspace((s) => s.trace);
  const pods = useWorkspace((s) => s.snapshot?.names.Pod);
  const services = useWorkspace((s) => s.snapshot?.names.Service);
  const [from, setFrom] = useState("");
  const [url, setUrl] = useState("");
  const [error, setError] = useState("");
  const [running, setRunning] = useState(false);
  const listId = useId();
  const source = from || pods?.[0] || "";

  const run = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!source || !url.trim()) return;
    setRunning(true);
    const result = await store.kj(["trace", source, url.trim()]);
    setRunning(false);
    setError(result.exitCode !== 0 && !result.stdout ? result.stderr.trim() : "");
  };

  return (
    <section className="trace-panel" aria-label={t("form")}>
      {(pods?.length ?? 0) > 0 ? (
        <form className="trace-form" onSubmit={(e) => void run(e)}>
          <label>
            {t("fromPod")}{" "}
            <select value={source} onChange={(e) => setFrom(e.target.value)}>
              {(pods ?? []).map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("url")}{" "}
            <input
              type="text"
              value={url}
              list={listId}
              placeholder="http://web"
              spellCheck={false}
              onChange={(e) => setUrl(e.target.value)}
            />
          </label>
          <datalist id={listId}>
            {(services ?? []).map((s) => (
              <option key={s} value={`http://${s}`} />
            ))}
          </datalist>
          <button type="submit" className="button" disabled={running || !url.trim()}>
            {t("run")}
          </button>
        </form>
      ) : null}
      {error ? (
        <p className="trace-error" role="alert">
          {error}
        </p>
      ) : null}
      {trace ? (
        <div className="trace-result" aria-live="polite">
          <p className="trace-title">
            <strong>{t("title", { command: trace.command })}</strong>{" "}
            <span className={`trace-outcome outcome-${trace.outcome}`}>{t(trace.outcome)}</span>
            {trace.status ? <span className="muted"> {trace.status}</span> : null}
            {trace.reason ? <span className="muted"> {trace.reason}</span> : null}{" "}
            <button type="button" className="link-button" onClick={() => store.clearTrace()}>
              {t("clear")}
            </button>
          </p>
          <p className="muted small">{t("hint")}</p>
          <div className="trace-table-wrap">
            <table className="trace-table">
              <thead>
                <tr>
                  {TRACE_COLUMNS.map((column) => (
                    <th key={column} scope="col" className="trace-cell">
                      {t(column)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {trace.hops.map((h, i) => (
                  <tr key={`${i}-${h.kind}`} className={`hop-${h.kind}`}>
                    <td className="trace-cell">{i + 1}</td>
                    <td className="trace-cell">{h.pod ?? h.service ?? h.node ?? h.kind}</td>
                    <td className="trace-cell mono">{h.src}</td>
                    <td className="trace-cell mono">{h.dst}</td>
                    <td className="trace-cell">{h.detail}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </section>
  );
}
