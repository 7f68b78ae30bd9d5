import { describe, expect, it } from "vitest";
import { Ids } from "./ids";
import { nextUint32, seedPrng } from "./prng";

describe("Ids", () => {
  it("draws the same sequence as the reference sfc32 step, and hands back the same state", () => {
    let state = seedPrng(7);
    const ids = new Ids(state);
    for (let i = 0; i < 10_000; i++) {
      const [value, next] = nextUint32(state);
      state = next;
      expect(ids.uint32()).toBe(value);
    }
    expect(ids.prng).toEqual(state);
  });

  it("makes version-4 UUIDs and suffixes from the kube alphabet", () => {
    const ids = new Ids(seedPrng(1));
    expect(ids.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids.suffix(5)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it("writes hex digits of each draw in order, eight per draw, cut to the length asked", () => {
    for (const length of [1, 5, 8, 13, 64]) {
      const draws = new Ids(seedPrng(3));
      let expected = "";
      while (expected.length < length) expected += draws.uint32().toString(16).padStart(8, "0");
      expect(new Ids(seedPrng(3)).hex(length)).toBe(expected.slice(0, length));
    }
  });
});
