import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json";

/** The same value with every object's keys inserted in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(reversedKeys);
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // defineProperty, not `out[k] =`: a "__proto__" key must stay a key.
  for (const k of Object.keys(source).reverse())
    Object.defineProperty(out, k, { value: reversedKeys(source[k]), enumerable: true, writable: true });
  return out;
}

describe("canonicalJson", () => {
  it("sorts keys at every level and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: "x" } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it("leaves undefined out of objects and writes null for it in arrays, as JSON.stringify does", () => {
    expect(canonicalJson({ a: undefined, b: [undefined, Number.NaN, -0], c: null })).toBe(
      '{"b":[null,null,0],"c":null}',
    );
  });

  it("escapes keys and strings as JSON.stringify does", () => {
    expect(canonicalJson({ 'q"\n': "é\u0001\u2028" })).toBe(JSON.stringify({ 'q"\n': "é\u0001\u2028" }));
  });

  it("sorts integer-like keys as strings, as Go sorts a map's keys (not in JS's index order)", () => {
    expect(canonicalJson({ a: 4, "9": 1, "10": 2, "": 3 })).toBe('{"":3,"10":2,"9":1,"a":4}');
  });

  it("quotes any string as JSON.stringify does, lone surrogates and control characters too", () => {
    expect(canonicalJson(["\ud800", "a\udc00b", "\u007f", "\t"])).toBe(
      JSON.stringify(["\ud800", "a\udc00b", "\u007f", "\t"]),
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), (key, text) => {
        expect(canonicalJson({ [key]: text })).toBe(JSON.stringify({ [key]: text }));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps a "__proto__" key that JSON.parse made', () => {
    expect(canonicalJson(JSON.parse('{"b":1,"__proto__":{"x":1}}'))).toBe('{"__proto__":{"x":1},"b":1}');
  });

  it("holds what JSON.stringify holds, whatever order the keys were inserted in", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(reversedKeys(value))).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  it("leaves out undefined at any depth as JSON.stringify does", () => {
    const withUndefined = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        fc.constant(undefined),
        fc.integer(),
        fc.string(),
        fc.array(tie("value")),
        fc.dictionary(fc.string(), tie("value")),
      ),
    })).value;
    fc.assert(
      fc.property(fc.dictionary(fc.string(), withUndefined), (value) => {
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
  });
});
