"use client";

import { useWorkspaceStore } from "./workspace-context";

export function RunCommandButton({
  command,
  label,
  title,
}: {
  command: string;
  label: string;
  title: string;
}) {
  const store = useWorkspaceStore();
  return (
    <button
      type="button"
      className="button small run"
      aria-label={title}
      title={title}
      onClick={() => store.queueCommand(command)}
    >
      {label}
    </button>
  );
}
