"use client";

import { Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useTranslations } from "next-intl";
import { useEffect, useMemo } from "react";
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
  const layout = useMemo(
    () => (snapshot ? layoutClusterGraph(snapshot.graph, snapshot.podStatus) : undefined),
    [snapshot],
  );
  if (!snapshot || !layout) return <p className="empty">{t("empty")}</p>;
  const signature = layout.nodes.map((n) => n.id).join("|");
  return (
    <figure className="diagram" aria-label={t("label")}>
      <div className="diagram-canvas">
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
      </div>
      <figcaption className="muted small">
        {snapshot.graph.pods.length === 0 ? `${t("empty")} ` : ""}
        {t("legend")}
      </figcaption>
    </figure>
  );
}
