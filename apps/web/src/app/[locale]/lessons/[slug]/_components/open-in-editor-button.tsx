"use client";

import { useWorkspaceStore } from "./workspace-context";

export function OpenInEditorButton({
  file,
  text,
  label,
  title,
}: {
  file: string;
  text: string;
  label: string;
  title: string;
}) {
  const store = useWorkspaceStore();
  return (
    <button type="button" className="button small" title={title} onClick={() => store.openFile(file, text)}>
      {label}
    </button>
  );
}
