"use client";

import Editor, { type OnMount } from "@monaco-editor/react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { applySchema, fileOfModel, modelUri, setupMonaco } from "../../../../../workspace/monaco-setup";
import type { EditorMarker } from "../../../../../workspace/protocol";
import { useWorkspace, useWorkspaceStore } from "./workspace-context";

const { monaco } = setupMonaco();
type CodeEditor = Parameters<OnMount>[0];

function toMarkerData(m: EditorMarker) {
  return {
    startLineNumber: m.line,
    startColumn: m.column,
    endLineNumber: m.line,
    endColumn: m.column + 1,
    message: m.message,
    severity: m.severity === "error" ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
    source: "kubejam",
  };
}

function useDarkMode(): boolean {
  const [dark, setDark] = useState(false);
  useEffect(() => {
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    setDark(media.matches);
    const on = (e: MediaQueryListEvent) => setDark(e.matches);
    media.addEventListener("change", on);
    return () => media.removeEventListener("change", on);
  }, []);
  return dark;
}

/** The Monaco editor over the workspace's files (one model per file), with the engine's markers. */
export function ManifestEditor() {
  const t = useTranslations("workspace");
  const store = useWorkspaceStore();
  const files = useWorkspace((s) => s.files);
  const active = useWorkspace((s) => s.active);
  const markers = useWorkspace((s) => s.markers);
  const whyMarkers = useWorkspace((s) => s.snapshot?.whyMarkers);
  const schema = useWorkspace((s) => s.schema);
  const reveal = useWorkspace((s) => s.reveal);
  const dark = useDarkMode();
  const editorRef = useRef<CodeEditor | null>(null);
  const file = files.find((f) => f.name === active) ?? files[0];

  useEffect(() => {
    if (schema) applySchema(schema);
  }, [schema]);

  // Keep the models in step with the files: a model per file, its text when the store changes it
  // (restore, "open in editor"), and none for closed or renamed files.
  useEffect(() => {
    const names = new Set(files.map((f) => f.name));
    for (const model of monaco.editor.getModels()) {
      if (
        model.uri.scheme === "file" &&
        model.uri.path.startsWith("/workspace/") &&
        !names.has(fileOfModel(model.uri))
      )
        model.dispose();
    }
    for (const f of files) {
      const model = monaco.editor.getModel(modelUri(f.name));
      if (model && model.getValue() !== f.text)
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text: f.text }], () => null);
    }
  }, [files]);

  useEffect(() => {
    for (const f of files) {
      const model = monaco.editor.getModel(modelUri(f.name));
      if (!model) continue;
      const list = [...(markers[f.name] ?? []), ...(whyMarkers?.[f.name] ?? [])];
      monaco.editor.setModelMarkers(model, "kubejam", list.map(toMarkerData));
    }
  }, [files, markers, whyMarkers, file?.name]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!reveal || !editor || reveal.file !== file?.name) return;
    editor.revealLineInCenter(reveal.line);
    editor.setPosition({ lineNumber: reveal.line, column: reveal.column });
    editor.focus();
  }, [reveal, file?.name]);

  if (!file) return null;
  return (
    <div
      id="editor-panel"
      role="tabpanel"
      aria-labelledby={`file-tab-${files.indexOf(file)}`}
      className="editor"
    >
      <Editor
        path={modelUri(file.name).toString()}
        defaultValue={file.text}
        defaultLanguage="yaml"
        language="yaml"
        theme={dark ? "vs-dark" : "vs"}
        loading={<div className="editor-loading">{t("editorLoading")}</div>}
        onChange={(value) => store.setText(file.name, value ?? "")}
        onMount={(editor) => {
          editorRef.current = editor;
          performance.mark("kubejam:editor-ready");
          if (performance.getEntriesByName("kubejam:editor-interactive").length === 0)
            performance.mark("kubejam:editor-interactive");
          editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => void store.apply());
          const r = store.getSnapshot().reveal;
          if (r && r.file === file.name) {
            editor.revealLineInCenter(r.line);
            editor.setPosition({ lineNumber: r.line, column: r.column });
          }
        }}
        options={{
          ariaLabel: t("editorLabel", { file: file.name }),
          automaticLayout: true,
          minimap: { enabled: false },
          fontSize: 14,
          lineHeight: 20,
          tabSize: 2,
          insertSpaces: true,
          detectIndentation: false,
          renderWhitespace: "boundary",
          scrollBeyondLastLine: false,
          wordWrap: "off",
          fixedOverflowWidgets: true,
          quickSuggestions: { other: true, comments: false, strings: true },
          // Enter accepts a suggestion only when it changes the text; otherwise it ends the line.
          acceptSuggestionOnEnter: "smart",
        }}
      />
    </div>
  );
}
