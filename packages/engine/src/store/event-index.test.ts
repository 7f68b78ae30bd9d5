import { describe, expect, it } from "vitest";
import { type EventIdentity, EventIndex } from "./event-index";

const id = (message: string, reason = "Created"): EventIdentity => ({
  fieldPath: "spec.containers{app}",
  reason,
  message,
  component: "kubelet",
  host: "node-1",
});

describe("EventIndex", () => {
  it("finds nothing for an object without events or with other identities", () => {
    const index = new EventIndex();
    expect(index.find("uid-1", id("a"))).toBeUndefined();
    index.add("uid-1", id("a"), "k1");
    expect(index.find("uid-2", id("a"))).toBeUndefined();
    expect(index.find("uid-1", id("b"))).toBeUndefined();
    expect(index.find("uid-1", id("a", "Started"))).toBeUndefined();
    expect(index.find("uid-1", { ...id("a"), host: "node-2" })).toBeUndefined();
  });

  it("returns the later of two events with one identity", () => {
    const index = new EventIndex();
    index.add("uid-1", id("a"), "k1");
    index.add("uid-1", id("b"), "k2");
    index.add("uid-1", id("a"), "k3");
    expect(index.find("uid-1", id("a"))).toBe("k3");
    expect(index.find("uid-1", id("b"))).toBe("k2");
  });

  it("gives the same answers once an object has more events than it scans", () => {
    const index = new EventIndex();
    for (let i = 0; i < 100; i++) index.add("rs", id(`Created pod: web-${i % 40}`), `k${i}`);
    for (let i = 0; i < 40; i++) {
      const latest = i + 80 < 100 ? i + 80 : i + 40;
      expect(index.find("rs", id(`Created pod: web-${i}`))).toBe(`k${latest}`);
    }
    expect(index.find("rs", id("Created pod: web-40"))).toBeUndefined();
  });
});
