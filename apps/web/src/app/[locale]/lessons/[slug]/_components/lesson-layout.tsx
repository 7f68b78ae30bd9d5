"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useState, useSyncExternalStore } from "react";
import { type LessonFiles, WorkspaceStore } from "../../../../../workspace/store";
import { Workspace } from "./workspace";
import { WorkspaceContext } from "./workspace-context";

function createWorker(): Worker {
  return new Worker(new URL("../../../../../workspace/cluster.worker.ts", import.meta.url), {
    type: "module",
  });
}

/** The two columns of a lesson (text, workspace) around one workspace store; one column at a time on phones. */
export function LessonLayout({ lesson, children }: { lesson: LessonFiles; children: ReactNode }) {
  const t = useTranslations("lesson");
  const [store] = useState(() => new WorkspaceStore(lesson, createWorker));
  const view = useSyncExternalStore(
    store.subscribe,
    () => store.getSnapshot().view,
    () => "lesson" as const,
  );
  useEffect(() => {
    performance.mark("kubejam:hydrated");
    void store.start();
    const hide = () => store.flush();
    window.addEventListener("pagehide", hide);
    return () => {
      window.removeEventListener("pagehide", hide);
      store.dispose();
    };
  }, [store]);
  return (
    <WorkspaceContext.Provider value={store}>
      <main id="main" className="lesson-page" data-view={view}>
        <fieldset className="view-toggle">
          <legend className="visually-hidden">{t("views")}</legend>
          <button type="button" aria-pressed={view === "lesson"} onClick={() => store.setView("lesson")}>
            {t("viewLesson")}
          </button>
          <button type="button" aria-pressed={view === "practice"} onClick={() => store.setView("practice")}>
            {t("viewPractice")}
          </button>
        </fieldset>
        <article className="lesson-text">{children}</article>
        <Workspace />
      </main>
    </WorkspaceContext.Provider>
  );
}
