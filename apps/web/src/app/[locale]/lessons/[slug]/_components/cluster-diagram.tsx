"use client";

import { Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import { layoutClusterGraph } from "../../../../../workspace/graph-layout";
import { DIAGRAM_NODE_TYPES, WhyOverlay } from "./diagram-nodes";
import { TracePanel } from "./trace-panel";
import { useWorkspace } from "./workspace-context";

/**
 * Refits when the set of things drawn changes (not on every status change). Side by side, the whole
 * picture fits; stacked (a phone), it fits the width and starts at the top, and the learner scrolls down.
 */
function Fit({ signature, vertical, width }: { signature: string; vertical: boolean; width: number }) {
  const flow = useReactFlow();
  useEffect(() => {
    const id = requestAnimationFrame(() => {
      if (!vertical) {
        void flow.fitView({ padding: 0.08, duration: 0 });
        return;
      }
      const el = document.querySelector(".diagram-canvas");
      const canvasWidth = el?.clientWidth ?? 360;
      const zoom = Math.min(1, (canvasWidth - 16) / width);
      void flow.setViewport({ x: (canvasWidth - width * zoom) / 2, y: 8, zoom }, { duration: 0 });
    });
    return () => cancelAnimationFrame(id);
  }, [signature, vertical, width, flow]);
  return null;
}

/** The cluster drawn from the engine's graph model: VPC, nodes and their pod ranges, pods, volumes, storage. */
export function ClusterDiagram() {
  const t = useTranslations("diagram");
  const snapshot = useWorkspace((s) => s.snapshot);
  const trace = useWorkspace((s) => s.trace);
  const canvas = useRef<HTMLDivElement | null>(null);
  // The card under the pointer, or with the keyboard focus: its why is shown at full size over the diagram.
  const [pointed, setPointed] = useState<string | undefined>();
  const [focused, setFocused] = useState<string | undefined>();
  const [side, setSide] = useState<"left" | "right">("right");
  const cardId = (target: EventTarget | null) => {
    const card = target instanceof Element ? target.closest<HTMLElement>(".react-flow__node") : null;
    const box = canvas.current?.getBoundingClientRect();
    if (card && box) {
      const r = card.getBoundingClientRect();
      setSide(r.left + r.width / 2 > box.left + box.width / 2 ? "left" : "right");
    }
    return card?.dataset.id;
  };
  // A narrow panel (a phone) stacks the nodes top to bottom, so the diagram reads without zooming.
  const [vertical, setVertical] = useState(false);
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setVertical((entry?.contentRect.width ?? 1000) < 640));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const layout = useMemo(
    () =>
      snapshot
        ? layoutClusterGraph(snapshot.graph, snapshot.podStatus, {
            vertical,
            why: snapshot.why,
            ...(trace ? { trace } : {}),
          })
        : undefined,
    [snapshot, vertical, trace],
  );
  const shownId = pointed ?? focused;
  const shown = shownId ? layout?.nodes.find((n) => n.id === shownId) : undefined;
  const shownWhy = shown && "why" in shown.data ? shown.data.why : undefined;
  const signature = `${vertical}|${layout?.nodes.map((n) => n.id).join("|") ?? ""}`;
  const graphWidth = Math.max(
    1,
    ...(layout?.nodes.filter((n) => !n.parentId).map((n) => n.position.x + (n.width ?? 0)) ?? []),
  );
  return (
    <figure className="diagram" aria-label={t("label")}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: hover and focus only show what the focused card already says */}
      <div
        className="diagram-canvas"
        ref={canvas}
        onMouseOver={(e) => setPointed(cardId(e.target))}
        onMouseLeave={() => setPointed(undefined)}
        onFocus={(e) => setFocused(cardId(e.target))}
        onBlur={() => setFocused(undefined)}
      >
        <WhyOverlay why={shownWhy} side={side} />
        {layout ? (
          <ReactFlowProvider>
            <ReactFlow
              nodes={layout.nodes}
              edges={layout.edges}
              nodeTypes={DIAGRAM_NODE_TYPES}
              nodesDraggable={false}
              nodesConnectable={false}
              elementsSelectable={false}
              minZoom={0.2}
              maxZoom={1.5}
              fitView={!vertical}
              panOnScroll={vertical}
              zoomOnScroll={!vertical}
              preventScrolling
            >
              <Background gap={24} size={1} />
              <Controls showInteractive={false} />
              <Fit signature={signature} vertical={vertical} width={graphWidth} />
            </ReactFlow>
          </ReactFlowProvider>
        ) : null}
      </div>
      <figcaption className="muted small">
        {(snapshot?.graph.pods.length ?? 0) === 0 ? `${t("empty")} ` : ""}
        {t("legend")}
      </figcaption>
      <TracePanel />
    </figure>
  );
}
