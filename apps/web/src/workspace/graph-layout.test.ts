import { describe, expect, it } from "vitest";
import { ClusterSession } from "./cluster-service";
import { layoutClusterGraph } from "./graph-layout";
import type { WorkerReply } from "./protocol";

const PODS = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers: [{name: nginx, image: nginx:1.27}]
  volumes: [{name: shared, emptyDir: {}}]
---
apiVersion: v1
kind: Pod
metadata: {name: stuck}
spec:
  nodeSelector: {disktype: ssd}
  containers: [{name: nginx, image: nginx:1.27}]
`;

function snapshot() {
  const reply = new ClusterSession().handle({
    id: 1,
    type: "apply",
    files: [{ name: "p.yaml", text: PODS }],
  });
  if (!reply.ok || reply.type !== "apply") throw new Error("apply failed");
  return (reply as Extract<WorkerReply, { type: "apply" }>).snapshot;
}

describe("layoutClusterGraph", () => {
  it("puts each pod inside its node, unscheduled pods in their own column, all inside the VPC", () => {
    const s = snapshot();
    const { nodes } = layoutClusterGraph(s.graph, s.podStatus);
    const web = nodes.find((n) => n.id === "Pod/default/web");
    const stuck = nodes.find((n) => n.id === "Pod/default/stuck");
    expect(web?.parentId).toMatch(/^Node\/\/gke-kubejam-default-pool-/);
    expect(stuck?.parentId).toBe("unscheduled");
    expect(nodes.find((n) => n.id === "unscheduled")?.parentId).toBe("vpc");
    expect(web?.data).toMatchObject({ kind: "pod", status: "Running" });
    expect(stuck?.data).toMatchObject({ kind: "pod", status: "Pending" });
    // Children fit inside their parents.
    for (const n of nodes) {
      if (!n.parentId) continue;
      const parent = nodes.find((p) => p.id === n.parentId);
      expect(n.position.x + (n.width ?? 0)).toBeLessThanOrEqual(parent?.width ?? 0);
      expect(n.position.y + (n.height ?? 0)).toBeLessThanOrEqual(parent?.height ?? 0);
    }
  });

  it("stacks nodes vertically for narrow screens, and is deterministic", () => {
    const s = snapshot();
    const wide = layoutClusterGraph(s.graph, s.podStatus);
    const tall = layoutClusterGraph(s.graph, s.podStatus, { vertical: true });
    const vpc = (l: typeof wide) => l.nodes.find((n) => n.id === "vpc");
    expect((vpc(tall)?.height ?? 0) > (vpc(tall)?.width ?? 0)).toBe(true);
    expect((vpc(wide)?.width ?? 0) > (vpc(wide)?.height ?? 0)).toBe(true);
    expect(layoutClusterGraph(s.graph, s.podStatus)).toEqual(wide);
  });
});
