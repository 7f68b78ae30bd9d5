// --sort-by (sorter.go) as case tables.
import { describe, expect, it } from "vitest";
import { events } from "../../test/fixtures/events";
import { pods } from "../../test/fixtures/pods";
import { naturalLess } from "./natural-less";
import { sortObjectsBy } from "./sort-by";

describe("naturalLess", () => {
  it.each<[string, string, boolean]>([
    ["a2", "a10", true],
    ["a10", "a2", false],
    ["a01", "a1", false],
    ["a1", "a01", true],
    ["1", "a", true],
    ["abc", "abd", true],
    ["ab", "abc", true],
  ])("%s < %s is %s", (a, b, expected) => {
    expect(naturalLess(a, b)).toBe(expected);
  });
});

describe("sortObjectsBy", () => {
  it("sorts events by lastTimestamp, oldest first", () => {
    const r = sortObjectsBy(events, ".lastTimestamp");
    if (!r.ok) throw new Error(r.error);
    const stamps = r.objects.map((e) => e.lastTimestamp);
    expect(stamps).toEqual([...stamps].sort());
  });

  it("compares quantities numerically and puts objects without the field first", () => {
    const r = sortObjectsBy(pods, "{.spec.containers[0].resources.requests.memory}");
    if (!r.ok) throw new Error(r.error);
    expect(r.objects.map((p) => p.metadata.name).slice(-1)).toEqual(["db-0"]);
  });

  it("reports a field no object has", () => {
    expect(sortObjectsBy(pods, ".spec.nope")).toEqual({
      ok: false,
      error: 'couldn\'t find any field with path "{.spec.nope}" in the list of objects',
    });
  });
});
