import { describe, expect, it } from "vitest";
import { sameJson } from "./equal";

describe("sameJson agrees with comparing JSON.stringify output", () => {
  it.each([
    [
      { a: 1, b: [1, 2] },
      { a: 1, b: [1, 2] },
    ],
    [
      { a: 1, b: 2 },
      { b: 2, a: 1 },
    ],
    [{ a: 1, b: undefined }, { a: 1 }],
    [
      [1, undefined],
      [1, null],
    ],
    [{ a: { b: "x" } }, { a: { b: "y" } }],
    [
      [1, 2],
      [1, 2, 3],
    ],
    [{}, []],
    [null, {}],
    ["1", 1],
    [{ a: [] }, { a: {} }],
  ])("%j vs %j", (a, b) => {
    expect(sameJson(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
  });
});
