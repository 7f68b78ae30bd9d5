"use client";

import { Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import { layoutClusterGraph } from "../../../../../workspace/graph-layout";
import { DIAGRAM_NODE_TYPES } from "./diagram-nodes";
import { useWorkspace } from "./workspace-context";

function Fit({ signature }: { signature: string }) {
  const flow = useReactFlow();
  // Refit when the set of things drawn changes (not on every status change).
  useEffect(() => {
    const id = requestAnimationFrame(() => void flow.fitView({ padding: 0.08, duration: 0 }));
    return () => cancelAnimationFrame(id);
  }, [signature, flow]);
  return null;
}

/** The cluster drawn from the engine's graph model: VPC, nodes and their pod ranges, pods, volumes, storage. */
export function ClusterDiagram() {
  const t = useTranslations("diagram");
  const snapshot = useWorkspace((s) => s.snapshot);
  const canvas = useRef<HTMLDivElement | null>(null);
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
    () => (snapshot ? layoutClusterGraph(snapshot.graph, snapshot.podStatus, { vertical }) : undefined),
    [snapshot, vertical],
  );
  const signature = `${vertical}|${layout?.nodes.map((n) => n.id).join("|") ?? ""}`;
  return (
    <figure className="diagram" aria-label={t("label")}>
      <div className="diagram-canvas" ref={canvas}>
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
              fitView
            >
              <Background gap={24} size={1} />
              <Controls showInteractive={false} />
              <Fit signature={signature} />
            </ReactFlow>
          </ReactFlowProvider>
        ) : null}
      </div>
      <figcaption className="muted small">
        {(snapshot?.graph.pods.length ?? 0) === 0 ? `${t("empty")} ` : ""}
        {t("legend")}
      </figcaption>
    </figure>
  );
}
