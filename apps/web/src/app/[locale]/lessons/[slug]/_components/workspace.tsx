"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { ApplyOutput } from "./apply-output";
import { loadManifestEditor } from "./editor-loader";
import { FileTabs } from "./file-tabs";
import { NoticeBar } from "./notice-bar";
import { Panels } from "./panels";
import { useWorkspace, useWorkspaceStore } from "./workspace-context";

/**
 * While Monaco loads (it is large, and slow to start on a phone), the file is already editable in a plain
 * text area bound to the same store; Monaco takes over with whatever was typed.
 */
function PlainEditor() {
  const t = useTranslations("workspace");
  const store = useWorkspaceStore();
  const files = useWorkspace((s) => s.files);
  const active = useWorkspace((s) => s.active);
  const file = files.find((f) => f.name === active) ?? files[0];
  useEffect(() => {
    if (performance.getEntriesByName("kubejam:editor-interactive").length === 0)
      performance.mark("kubejam:editor-interactive");
  }, []);
  if (!file) return null;
  return (
    <div className="editor plain">
      <textarea
        className="plain-editor"
        aria-label={t("editorLabel", { file: file.name })}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        value={file.text}
        onChange={(e) => store.setText(file.name, e.target.value)}
      />
      <p className="plain-editor-note" aria-live="polite">
        {t("editorLoading")}
      </p>
    </div>
  );
}

// Monaco is large: it loads after the page is interactive, in the browser only.
const ManifestEditor = dynamic(loadManifestEditor, {
  ssr: false,
  loading: PlainEditor,
});

export function Workspace() {
  const t = useTranslations("workspace");
  const store = useWorkspaceStore();
  const phase = useWorkspace((s) => s.phase);
  const busy = useWorkspace((s) => s.busy);
  const lastMs = useWorkspace((s) => s.lastApply?.ms);
  const workerTiming = useWorkspace((s) => s.lastApply?.worker);
  const hasFiles = useWorkspace((s) => s.files.length > 0);
  const advancing = useWorkspace((s) => s.advancing === true);
  const practising = useWorkspace((s) => s.practising);

  // Once the cluster runs, fetch the lazy panels too, so the page keeps working if the network goes away.
  useEffect(() => {
    if (phase !== "ready") return;
    const id = window.setTimeout(() => {
      void import("./cluster-diagram");
      void import("./kubectl-terminal");
    }, 1000);
    return () => window.clearTimeout(id);
  }, [phase]);

  // Ctrl+Enter / ⌘+Enter applies from anywhere on the page (the editor binds it too).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && !e.defaultPrevented) {
        e.preventDefault();
        void store.apply();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [store]);

  const status =
    phase === "starting"
      ? t("starting")
      : busy
        ? t("applying")
        : lastMs !== undefined
          ? t("applied", { ms: lastMs })
          : t("ready");
  return (
    <section className="workspace" aria-label={t("label")}>
      <div className="toolbar">
        <button
          type="button"
          className="button primary"
          onClick={() => void store.apply()}
          disabled={phase !== "ready" || busy}
          title={t("applyTitle")}
          aria-keyshortcuts="Control+Enter Meta+Enter"
        >
          {t("apply")}
          <kbd className="shortcut">Ctrl+↵</kbd>
        </button>
        <output
          className="status"
          aria-live="polite"
          data-busy={busy || phase === "starting"}
          data-worker-apply={workerTiming ? Math.round(workerTiming.apply) : undefined}
          data-worker-snapshot={workerTiming ? Math.round(workerTiming.snapshot) : undefined}
        >
          {status}
        </output>
        {practising ? (
          <span className="cluster-badge" title={t("exerciseClusterBadgeTitle")} data-practising={practising}>
            {t("exerciseClusterBadge")}
          </span>
        ) : null}
        <span className="toolbar-spacer" />
        <button
          type="button"
          className="button"
          onClick={() => void store.advanceTime(60)}
          disabled={phase !== "ready" || busy || advancing}
          title={t("waitTitle")}
        >
          {t("wait")}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void store.resetCluster()}
          disabled={phase !== "ready" || busy}
          title={t("resetClusterTitle")}
        >
          {t("resetCluster")}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            if (window.confirm(t("restoreFilesConfirm"))) store.restoreFiles();
          }}
        >
          {t("restoreFiles")}
        </button>
      </div>
      <NoticeBar />
      <FileTabs />
      <div className="editor-area">
        {hasFiles ? <ManifestEditor /> : <p className="empty">{t("noFiles")}</p>}
      </div>
      <ApplyOutput />
      <Panels />
    </section>
  );
}
