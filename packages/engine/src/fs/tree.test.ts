import { describe, expect, it } from "vitest";
import {
  buildTree,
  deepFreeze,
  dirname,
  getAt,
  normalizePath,
  resolveSegments,
  setAt,
  splitPath,
} from "./tree";

describe("paths", () => {
  it.each([
    ["/", "a/b", "/a/b"],
    ["/usr", "../etc/./x", "/etc/x"],
    ["/", "../../..", "/"],
    ["/a/b", "/c//d/", "/c/d"],
    ["/a", ".", "/a"],
  ])("normalizePath(%s, %s) = %s", (cwd, p, expected) => {
    expect(normalizePath(cwd, p)).toBe(expected);
  });

  it.each([
    ["/a/b", "/a"],
    ["a", "."],
    ["/a", "/"],
    ["a/b/", "a"],
  ])("dirname(%s) = %s", (p, expected) => {
    expect(dirname(p)).toBe(expected);
  });

  it("splitPath drops empty segments and dots", () => {
    expect(splitPath("/./a//b/")).toEqual(["a", "b"]);
    expect(resolveSegments("/x", "..")).toEqual([]);
  });
});

describe("copy-on-write", () => {
  it("setAt never mutates a frozen input and shares untouched subtrees", () => {
    const root = deepFreeze(buildTree({ "/a/b/c": "1", "/d/e": "2" }));
    const next = setAt(root, ["a", "b", "x"], { type: "file", data: "new" });
    expect(getAt(root, ["a", "b", "x"])).toBeUndefined();
    expect(getAt(next, ["a", "b", "x"])).toEqual({ type: "file", data: "new" });
    expect(getAt(next, ["d"])).toBe(getAt(root, ["d"]));
    const removed = setAt(next, ["a", "b", "c"], undefined);
    expect(getAt(removed, ["a", "b", "c"])).toBeUndefined();
    expect(getAt(next, ["a", "b", "c"])).toEqual({ type: "file", data: "1" });
  });

  it("getAt does not resolve prototype names", () => {
    const root = buildTree({ "/a": "x" });
    expect(getAt(root, ["constructor"])).toBeUndefined();
    expect(getAt(root, ["__proto__"])).toBeUndefined();
  });

  it("buildTree makes directories and modes", () => {
    const root = buildTree({ "/bin/sh": { data: "x", mode: 0o755 }, "/tmp": null });
    expect(getAt(root, ["bin", "sh"])).toEqual({ type: "file", data: "x", mode: 0o755 });
    expect(getAt(root, ["tmp"])).toEqual({ type: "dir", entries: {} });
  });
});
