import { describe, expect, it } from "vitest";
import type { KubeEvent, Node } from "../api/cluster-kinds";
import { createCluster } from "../cluster/create-cluster";
import { updateObject } from "../ops/update";
import { listObjects } from "../store/queries";
import { UNSCHEDULABLE_TAINT } from "./node-lifecycle";

const created = createCluster({ seed: 3 });
if (!created.ok) throw new Error(created.errors.join("\n"));
const start = created.state;
const [first] = listObjects<Node>(start, "Node");
if (!first) throw new Error("no nodes");

const withSpec = (state: typeof start, spec: Partial<Node["spec"]>) => {
  const node = listObjects<Node>(state, "Node").find((n) => n.metadata.name === first.metadata.name);
  if (!node) throw new Error("node gone");
  const { state: next, result } = updateObject(state, { ...node, spec: { ...node.spec, ...spec } } as never);
  if (!result.ok) throw new Error(result.message);
  return next;
};
const nodeIn = (state: typeof start) =>
  listObjects<Node>(state, "Node").find((n) => n.metadata.name === first.metadata.name);
const reasons = (state: typeof start) =>
  listObjects<KubeEvent>(state, "Event", "default")
    .filter((e) => e.involvedObject.kind === "Node")
    .map((e) => `${e.reason}: ${e.message}`);

describe("a cordoned node (node lifecycle controller and kubelet)", () => {
  it("gets the unschedulable NoSchedule taint, stamped, and its kubelet's event", () => {
    const cordoned = withSpec(start, { unschedulable: true });
    expect(nodeIn(cordoned)?.spec.taints).toEqual([
      { effect: "NoSchedule", key: UNSCHEDULABLE_TAINT, timeAdded: expect.stringMatching(/Z$/) },
    ]);
    expect(reasons(cordoned)).toEqual([
      `NodeNotSchedulable: Node ${first.metadata.name} status is now: NodeNotSchedulable`,
    ]);
  });

  it("loses only that taint when uncordoned, and says so", () => {
    const other = { key: "dedicated", value: "lab", effect: "NoSchedule" };
    const cordoned = withSpec(start, { unschedulable: true, taints: [other] });
    expect(nodeIn(cordoned)?.spec.taints).toHaveLength(2);
    const { unschedulable: _, ...spec } = nodeIn(cordoned)?.spec ?? {};
    const node = nodeIn(cordoned) as Node;
    const { state, result } = updateObject(cordoned, { ...node, spec } as never);
    expect(result.ok).toBe(true);
    expect(nodeIn(state)?.spec.taints).toEqual([other]);
    expect(reasons(state)).toContain(
      `NodeSchedulable: Node ${first.metadata.name} status is now: NodeSchedulable`,
    );
  });

  it("changes nothing on a node that was never cordoned", () => {
    const relabelled = withSpec(start, {});
    expect(nodeIn(relabelled)?.spec.taints).toBeUndefined();
    expect(reasons(relabelled)).toEqual([]);
  });
});
