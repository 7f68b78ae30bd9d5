"use client";

import { useTranslations } from "next-intl";
import { type KeyboardEvent, useRef } from "react";
import { useWorkspace, useWorkspaceStore } from "./workspace-context";

/** The open files as tabs (arrow keys move between them), with new, rename and close. */
export function FileTabs() {
  const t = useTranslations("workspace");
  const store = useWorkspaceStore();
  const files = useWorkspace((s) => s.files);
  const active = useWorkspace((s) => s.active);
  const markers = useWorkspace((s) => s.markers);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  const explain = (result: "ok" | "invalid" | "duplicate", name: string) => {
    if (result === "invalid") window.alert(t("badFileName"));
    if (result === "duplicate") window.alert(t("duplicateFileName", { file: name }));
    return result === "ok";
  };
  const add = () => {
    const name = window.prompt(t("newFileName"), "manifest.yaml")?.trim();
    if (name) explain(store.addFile(name), name);
  };
  const rename = (from: string) => {
    const to = window.prompt(t("renamePrompt", { file: from }), from)?.trim();
    if (to) explain(store.renameFile(from, to), to);
  };
  const close = (name: string) => {
    const file = files.find((f) => f.name === name);
    if (file && file.text.trim() !== "" && !window.confirm(t("closeConfirm", { file: name }))) return;
    store.closeFile(name);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (step !== 0) {
      e.preventDefault();
      const next = (index + step + files.length) % files.length;
      const f = files[next];
      if (f) store.setActive(f.name);
      tabs.current[next]?.focus();
    } else if (e.key === "F2") {
      e.preventDefault();
      rename(files[index]?.name ?? "");
    } else if (e.key === "Delete") {
      e.preventDefault();
      close(files[index]?.name ?? "");
    }
  };

  return (
    <div className="file-tabs">
      <div role="tablist" aria-label={t("filesLabel")} className="file-tablist">
        {files.map((f, i) => {
          const selected = f.name === active;
          const errors = markers[f.name]?.length ?? 0;
          return (
            <button
              key={f.name}
              type="button"
              role="tab"
              id={`file-tab-${i}`}
              aria-selected={selected}
              aria-controls="editor-panel"
              tabIndex={selected ? 0 : -1}
              ref={(el) => {
                tabs.current[i] = el;
              }}
              onClick={() => store.setActive(f.name)}
              onDoubleClick={() => rename(f.name)}
              onKeyDown={(e) => onKeyDown(e, i)}
              className="file-tab"
            >
              {f.name}
              {errors > 0 ? <span className="error-dot" aria-hidden="true" /> : null}
            </button>
          );
        })}
      </div>
      <div className="file-actions">
        {active ? (
          <>
            <button
              type="button"
              className="icon-button"
              title={t("renameFile", { file: active })}
              aria-label={t("renameFile", { file: active })}
              onClick={() => rename(active)}
            >
              ✎
            </button>
            <button
              type="button"
              className="icon-button"
              title={t("closeFile", { file: active })}
              aria-label={t("closeFile", { file: active })}
              onClick={() => close(active)}
            >
              ×
            </button>
          </>
        ) : null}
        <button
          type="button"
          className="icon-button"
          title={t("newFile")}
          aria-label={t("newFile")}
          onClick={add}
        >
          +
        </button>
      </div>
    </div>
  );
}
