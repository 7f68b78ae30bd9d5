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

const SERVED = `apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec: {containers: [{name: nginx, image: nginx:1.27}]}
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec: {containers: [{name: sh, image: busybox:1.36, command: [sleep, "3600"]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: typo}
spec: {selector: {app: wbe}, ports: [{port: 80}]}
`;

describe("layoutClusterGraph: why and trace", () => {
  it("gives waiting objects their why record, and draws a trace as numbered edges through the Service", () => {
    const session = new ClusterSession();
    session.handle({ id: 1, type: "apply", files: [{ name: "s.yaml", text: SERVED }] });
    const reply = session.handle({ id: 2, type: "kj", argv: ["trace", "client", "http://web"], files: [] });
    if (!reply.ok || reply.type !== "kj" || !reply.trace || !reply.snapshot) throw new Error("trace failed");
    expect(reply.trace.outcome).toBe("delivered");
    expect(reply.trace.path).toEqual(["Pod/default/client", "Service/default/web", "Pod/default/web"]);
    const s = reply.snapshot;
    const { nodes, edges } = layoutClusterGraph(s.graph, s.podStatus, { why: s.why, trace: reply.trace });
    const typo = nodes.find((n) => n.id === "Service/default/typo");
    expect(typo?.data).toMatchObject({ kind: "service", why: { reasons: [{ code: "selector-mismatch" }] } });
    expect(nodes.find((n) => n.id === "Service/default/web")?.data).toMatchObject({ traced: [2] });
    const trace = edges.filter((e) => e.id.startsWith("trace-"));
    expect(trace.map((e) => [e.source, e.target, e.label])).toEqual([
      ["Pod/default/client", "Service/default/web", "1"],
      ["Service/default/web", "Pod/default/web", "2"],
    ]);
  });
});
