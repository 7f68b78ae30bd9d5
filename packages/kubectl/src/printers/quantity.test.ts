// resource.Quantity parsing and canonical printing (cases after apimachinery quantity_test.go).
import { describe, expect, it } from "vitest";
import { addQuantity, canonicalQuantity, parseQuantity, quantityMilliValue, quantityValue } from "./quantity";

describe("canonicalQuantity", () => {
  it.each<[string | number, string]>([
    ["0", "0"],
    ["100m", "100m"],
    ["1000m", "1"],
    ["1500m", "1500m"],
    ["0.5", "500m"],
    ["2", "2"],
    [2, "2"],
    ["1500", "1500"],
    ["1000", "1k"],
    ["1000000", "1M"],
    ["128Mi", "128Mi"],
    ["1024Mi", "1Gi"],
    ["1536Mi", "1536Mi"],
    ["1.5Gi", "1536Mi"],
    ["512", "512"],
    ["1Ki", "1Ki"],
    ["2869996Ki", "2869996Ki"],
    ["98831908Ki", "98831908Ki"],
    ["47060071478", "47060071478"],
    ["1e3", "1e3"],
    ["1G", "1G"],
    ["0.1", "100m"],
  ])("%s → %s", (input, expected) => {
    expect(canonicalQuantity(input)).toBe(expected);
  });

  it("keeps the first operand's format when adding", () => {
    const a = parseQuantity("100m");
    const b = parseQuantity("1");
    if (a === undefined || b === undefined) throw new Error("parse");
    expect(canonicalQuantity(undefined)).toBe("");
    const sum = addQuantity(a, b);
    expect(quantityMilliValue(sum)).toBe(1100n);
    expect(quantityValue(sum)).toBe(2n);
  });
});
