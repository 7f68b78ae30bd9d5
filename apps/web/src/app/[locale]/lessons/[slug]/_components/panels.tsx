"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { type KeyboardEvent, useRef, useState } from "react";
import type { PanelId } from "../../../../../workspace/store";
import { EventsList } from "./events-list";
import { ResourceList } from "./resource-list";
import { WhyList } from "./why-list";
import { useWorkspace, useWorkspaceStore } from "./workspace-context";

function PanelLoading() {
  const t = useTranslations("workspace");
  return <p className="empty">{t("loadingPanel")}</p>;
}

const ClusterDiagram = dynamic(() => import("./cluster-diagram").then((m) => m.ClusterDiagram), {
  ssr: false,
  loading: PanelLoading,
});
const KubectlTerminal = dynamic(() => import("./kubectl-terminal").then((m) => m.KubectlTerminal), {
  ssr: false,
  loading: PanelLoading,
});

const PANELS: PanelId[] = ["resources", "why", "events", "diagram", "terminal"];

/** The cluster views as tabs. The terminal stays mounted once opened, so its screen survives tab changes. */
export function Panels() {
  const t = useTranslations("workspace");
  const store = useWorkspaceStore();
  const panel = useWorkspace((s) => s.panel);
  const whyCount = useWorkspace((s) => s.snapshot?.why.length ?? 0);
  const [terminalOpened, setTerminalOpened] = useState(false);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  if (panel === "terminal" && !terminalOpened) setTerminalOpened(true);

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const next = (index + step + PANELS.length) % PANELS.length;
    const id = PANELS[next];
    if (id) store.setPanel(id);
    tabs.current[next]?.focus();
  };

  return (
    <div className="panels">
      <div role="tablist" aria-label={t("panels")} className="panel-tabs">
        {PANELS.map((id, i) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`panel-tab-${id}`}
            aria-selected={panel === id}
            aria-controls={`panel-${id}`}
            tabIndex={panel === id ? 0 : -1}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            onClick={() => store.setPanel(id)}
            onKeyDown={(e) => onKeyDown(e, i)}
          >
            {t(id)}
            {id === "why" && whyCount > 0 ? <span className="badge">{whyCount}</span> : null}
          </button>
        ))}
      </div>
      {PANELS.map((id) => {
        if (id === "terminal" ? !terminalOpened : panel !== id) return null;
        return (
          <div
            key={id}
            role="tabpanel"
            id={`panel-${id}`}
            aria-labelledby={`panel-tab-${id}`}
            className={`panel panel-${id}`}
            hidden={panel !== id}
            tabIndex={id === "terminal" ? -1 : 0}
          >
            {id === "resources" ? <ResourceList /> : null}
            {id === "why" ? <WhyList /> : null}
            {id === "events" ? <EventsList /> : null}
            {id === "diagram" ? <ClusterDiagram /> : null}
            {id === "terminal" ? <KubectlTerminal active={panel === "terminal"} /> : null}
          </div>
        );
      })}
    </div>
  );
}
