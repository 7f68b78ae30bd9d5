import { describe, expect, it } from "vitest";
import { createCluster } from "../cluster/create-cluster";
import { Tx } from "./tx";

/** An operation on a new cluster, a node to record events of, and their source. */
function freshTx() {
  const created = createCluster({ seed: 1 });
  if (!created.ok) throw new Error(created.errors.join("\n"));
  const tx = new Tx(created.state);
  const node = tx.list("Node")[0];
  if (!node) throw new Error("no node");
  return { tx, node, from: { component: "test" } };
}

/** The Event keys of the store, in store order, straight from its record. */
const eventKeysOf = (tx: Tx) => Object.keys(tx.objects).filter((k) => k.startsWith("Event/"));

describe("Tx.list", () => {
  it("lists Events in store order whenever they are first listed, with the writes before and after", () => {
    const { tx, node, from } = freshTx();
    // Listing Nodes built the kind index, without its Event entry: these two are not in it.
    tx.event(node, "Normal", "One", "before any Event listing", from);
    tx.event(node, "Normal", "Two", "before the Event listing too", from);
    const first = tx.list("Event").map((e) => e.metadata.name);
    expect(first).toEqual(eventKeysOf(tx).map((k) => k.split("/")[2]));
    tx.event(node, "Normal", "Three", "kept in step once listed", from);
    tx.event(node, "Normal", "One", "before any Event listing", from); // a repeat: count 2, same key
    const again = tx.list("Event");
    expect(again.map((e) => e.metadata.name)).toEqual(eventKeysOf(tx).map((k) => k.split("/")[2]));
    expect(again.find((e) => (e as unknown as { reason: string }).reason === "One")).toMatchObject({
      count: 2,
    });
    expect(again).toHaveLength(first.length + 1);
  });

  it("finds an event's repeat whether or not Events were listed first", () => {
    const { tx, node, from } = freshTx();
    tx.event(node, "Warning", "Bad", "same", from);
    tx.list("Event");
    tx.event(node, "Warning", "Bad", "same", from);
    const bad = tx.list("Event").filter((e) => (e as unknown as { reason: string }).reason === "Bad");
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ count: 2 });
  });
});
