// Lays the engine's cluster graph out for React Flow: the VPC as a box, each node as a column inside it
// with its pods stacked, Services on the left, storage (claims, volumes, classes) on the right.
// Deterministic and pure: the same graph gives the same picture.
import type {
  ClusterGraph,
  GraphClaim,
  GraphNode,
  GraphPersistentVolume,
  GraphPod,
  GraphService,
  GraphStorageClass,
  GraphVpc,
} from "@kubejam/engine";
import type { Edge, Node } from "@xyflow/react";
import type { LocatedWhy, TraceView } from "./protocol";

/** What every drawn object may carry: the engine's why record, and whether the last trace passed it. */
type Marks = {
  why?: LocatedWhy;
  /** 1-based places of this object on the traced path. */
  traced?: number[];
};

export type FlowNodeData =
  | { kind: "vpc"; vpc: GraphVpc; clusterName: string }
  | { kind: "node"; node: GraphNode }
  | { kind: "unscheduled" }
  | ({ kind: "pod"; pod: GraphPod; status: string } & Marks)
  | ({ kind: "claim"; claim: GraphClaim } & Marks)
  | ({ kind: "pv"; pv: GraphPersistentVolume } & Marks)
  | ({ kind: "sc"; sc: GraphStorageClass } & Marks)
  | ({ kind: "service"; service: GraphService } & Marks);

export type FlowNode = Node<FlowNodeData>;

// Sizes in px; the CSS of the diagram uses the same line height (16 px) and paddings.
export const POD_WIDTH = 232;
const LINE = 16;
const GAP = 12;
const PAD = 12;
const NODE_HEADER = 4 * LINE + 2 * PAD;
const VPC_HEADER = 3 * LINE + 2 * PAD;
const COLUMN_WIDTH = POD_WIDTH + 2 * PAD;
const SIDE_WIDTH = 220;
const SIDE_GAP = 48;

export function podHeight(pod: GraphPod): number {
  const volumes = pod.volumes.filter((v) => !v.system);
  let lines = 2 + pod.containers.length; // name, IP/status, one per container
  if (volumes.length > 0) lines += 1 + volumes.reduce((n, v) => n + 1 + v.mounts.length, 0);
  if (pod.why) lines += 2;
  if (pod.health !== "ok") lines += 1; // the "why" hint line
  return lines * LINE + 2 * PAD;
}

const sideHeight = (lines: number) => lines * LINE + 2 * PAD;

/**
 * React Flow lets a node that is neither selectable nor draggable ignore the pointer; the cards that explain
 * themselves on hover must not (the VPC and node columns still let a drag pan the picture).
 */
const HOVERABLE = { pointerEvents: "all" } as const;

function column(
  id: string,
  data: FlowNodeData,
  x: number,
  top: number,
  pods: GraphPod[],
  podStatus: Record<string, string>,
  out: FlowNode[],
  marks: (id: string) => Marks,
): number {
  let y = NODE_HEADER;
  const children: FlowNode[] = [];
  for (const pod of pods) {
    const height = podHeight(pod);
    children.push({
      id: pod.id,
      type: "pod",
      parentId: id,
      extent: "parent",
      position: { x: PAD, y },
      data: { kind: "pod", pod, status: podStatus[pod.id] ?? pod.phase, ...marks(pod.id) },
      width: POD_WIDTH,
      height,
      draggable: false,
      style: HOVERABLE,
    });
    y += height + GAP;
  }
  const height = Math.max(y + PAD - (pods.length > 0 ? GAP : 0), NODE_HEADER + 3 * LINE);
  out.push({
    id,
    type: data.kind === "node" ? "k8snode" : "unscheduled",
    parentId: "vpc",
    extent: "parent",
    position: { x, y: top },
    data,
    width: COLUMN_WIDTH,
    height,
    draggable: false,
    selectable: false,
    focusable: false,
  });
  out.push(...children);
  return height;
}

export interface LayoutOptions {
  /** Nodes stacked top to bottom (narrow screens) instead of side by side. */
  vertical?: boolean;
  /** The engine's why records, by object id: drawn objects that wait or fail show theirs. */
  why?: readonly LocatedWhy[];
  /** The last traced request: the objects it passed are marked and joined by numbered edges. */
  trace?: TraceView;
}

export function layoutClusterGraph(
  graph: ClusterGraph,
  podStatus: Record<string, string>,
  options: LayoutOptions = {},
): { nodes: FlowNode[]; edges: Edge[] } {
  const vertical = options.vertical === true;
  const whyById = new Map((options.why ?? []).map((w) => [w.id, w]));
  const path = options.trace?.path ?? [];
  const marks = (id: string): Marks => {
    const why = whyById.get(id);
    const traced = path.flatMap((p, i) => (p === id ? [i + 1] : []));
    return { ...(why ? { why } : {}), ...(traced.length > 0 ? { traced } : {}) };
  };
  const columns: FlowNode[] = [];
  let x = PAD;
  let y = VPC_HEADER;
  let tallest = 0;
  const place = (id: string, data: FlowNodeData, pods: GraphPod[]) => {
    const height = column(id, data, x, y, pods, podStatus, columns, marks);
    if (vertical) y += height + GAP;
    else {
      tallest = Math.max(tallest, height);
      x += COLUMN_WIDTH + GAP;
    }
  };
  const podsOf = (id: string) => graph.pods.filter((p) => p.nodeId === id);
  // Stacked, the nodes that run pods come first (in their order), so a phone shows them without scrolling.
  const order = vertical
    ? [
        ...graph.nodes.filter((n) => podsOf(n.id).length > 0),
        ...graph.nodes.filter((n) => podsOf(n.id).length === 0),
      ]
    : graph.nodes;
  for (const node of order) place(node.id, { kind: "node", node }, podsOf(node.id));
  const unscheduled = graph.pods.filter((p) => !p.nodeId);
  if (unscheduled.length > 0) place("unscheduled", { kind: "unscheduled" }, unscheduled);
  const vpcWidth = vertical ? COLUMN_WIDTH + 2 * PAD : x - GAP + PAD;
  const vpcHeight = vertical ? y - GAP + PAD : VPC_HEADER + tallest + PAD;
  // Services on the left and storage on the right, or both below the VPC when vertical.
  const servicesX = 0;
  const vpcX = graph.services.length > 0 && !vertical ? SIDE_WIDTH + SIDE_GAP : 0;
  const nodes: FlowNode[] = [
    {
      id: "vpc",
      type: "vpc",
      position: { x: vpcX, y: 0 },
      data: { kind: "vpc", vpc: graph.vpc, clusterName: graph.clusterName },
      width: vpcWidth,
      height: vpcHeight,
      draggable: false,
      selectable: false,
      focusable: false,
    },
    ...columns,
  ];

  let sy = vertical ? vpcHeight + SIDE_GAP : VPC_HEADER;
  for (const service of graph.services) {
    const height = sideHeight(4 + (service.health === "ok" ? 0 : 1));
    nodes.push({
      id: service.id,
      type: "service",
      position: { x: servicesX, y: sy },
      data: { kind: "service", service, ...marks(service.id) },
      width: SIDE_WIDTH,
      height,
      draggable: false,
      style: HOVERABLE,
    });
    sy += height + GAP;
  }

  const storageX = vertical ? 0 : vpcX + vpcWidth + SIDE_GAP;
  let ry = vertical ? sy : VPC_HEADER;
  const side = (id: string, type: string, data: FlowNodeData, lines: number) => {
    const height = sideHeight(lines);
    nodes.push({
      id,
      type,
      position: { x: storageX, y: ry },
      data,
      width: SIDE_WIDTH,
      height,
      draggable: false,
      style: HOVERABLE,
    });
    ry += height + GAP;
  };
  for (const claim of graph.claims)
    side(claim.id, "claim", { kind: "claim", claim, ...marks(claim.id) }, claim.health === "ok" ? 3 : 4);
  for (const pv of graph.persistentVolumes)
    side(pv.id, "pv", { kind: "pv", pv, ...marks(pv.id) }, pv.health === "ok" ? 3 : 4);
  for (const sc of graph.storageClasses) side(sc.id, "sc", { kind: "sc", sc }, 3);

  const edges: Edge[] = graph.edges.map((e) => ({
    id: e.id,
    source: e.from,
    target: e.to,
    ...(e.label ? { label: e.label } : {}),
    className: `edge-${e.kind}`,
    animated: e.kind === "endpoint",
  }));
  const drawn = new Set(nodes.map((n) => n.id));
  for (let i = 1; i < path.length; i++) {
    const from = path[i - 1] ?? "";
    const to = path[i] ?? "";
    if (!drawn.has(from) || !drawn.has(to)) continue;
    edges.push({
      id: `trace-${i}`,
      source: from,
      target: to,
      label: String(i),
      className: `edge-trace outcome-${options.trace?.outcome ?? "delivered"}`,
      animated: true,
      zIndex: 1000,
    });
  }
  return { nodes, edges };
}
