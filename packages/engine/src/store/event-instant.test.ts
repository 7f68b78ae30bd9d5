import { describe, expect, it } from "vitest";
import { hexNanos, nextNano } from "./event-instant";

const exact = (ms: number, ns: number) => (BigInt(ms) * 1_000_000n + BigInt(ns)).toString(16);

describe("hexNanos", () => {
  it.each([
    [0, 0],
    [0, 1],
    [1, 0],
    [999, 999_999],
    [2 ** 24 - 1, 999_999],
    [2 ** 24, 0],
    [1_767_603_607_890, 0],
    [1_767_603_607_890, 123_456],
    [4_102_444_800_000, 999_999],
    [2 ** 40 + 12_345, 7],
  ])("writes %i ms + %i ns as BigInt arithmetic does", (ms, ns) => {
    expect(hexNanos({ ms, ns })).toBe(exact(ms, ns));
  });
});

describe("nextNano", () => {
  it("carries into the next millisecond", () => {
    const t = { ms: 5, ns: 999_999 };
    nextNano(t);
    expect(t).toEqual({ ms: 6, ns: 0 });
    expect(hexNanos(t)).toBe(exact(5, 999_999 + 1));
  });
});
