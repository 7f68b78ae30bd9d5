"use client";

import { createContext, useContext, useSyncExternalStore } from "react";
import type { WorkspaceState, WorkspaceStore } from "../../../../../workspace/store";

export const WorkspaceContext = createContext<WorkspaceStore | undefined>(undefined);

export function useWorkspaceStore(): WorkspaceStore {
  const store = useContext(WorkspaceContext);
  if (!store) throw new Error("useWorkspaceStore outside <LessonLayout>");
  return store;
}

/** Subscribes to one slice of the workspace state. */
export function useWorkspace<T>(select: (state: WorkspaceState) => T): T {
  const store = useWorkspaceStore();
  return useSyncExternalStore(
    store.subscribe,
    () => select(store.getSnapshot()),
    () => select(store.getSnapshot()),
  );
}
