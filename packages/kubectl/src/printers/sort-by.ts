// `kubectl get ... --sort-by=<jsonpath>` (staging/src/k8s.io/kubectl/pkg/cmd/get/sorter.go: SortObjects,
// RuntimeSort.Less, isLess). `kubectl get events` is unsorted unless asked, e.g. --sort-by=.lastTimestamp.
import { relaxedJsonPathExpression } from "./custom-columns";
import { findJsonPathResults, JsonPathError } from "./jsonpath";
import { JsonPathSyntaxError, type ListNode, parseJsonPath } from "./jsonpath-parser";
import { naturalLess } from "./natural-less";
import { parseQuantity } from "./quantity";

export type SortResult<T> = { ok: true; objects: T[] } | { ok: false; error: string };

class UnsortableError extends Error {}

// sorter.go: isLess for values decoded from JSON (the reflect.Interface branch)
function isLess(i: unknown, j: unknown): boolean {
  if (i === null && j === null) return false;
  if (i === null) return true;
  if (j === null) return false;
  if (typeof i === "number" && typeof j === "number") return i < j;
  if (typeof i === "string" && typeof j === "string") {
    // check if it's a Quantity
    const qi = parseQuantity(i);
    const qj = parseQuantity(j);
    if (qi === undefined || qj === undefined) return naturalLess(i, j);
    return qi.nanos < qj.nanos;
  }
  if (Array.isArray(i) && Array.isArray(j)) {
    // note: the length of i and j may be different
    for (let idx = 0; idx < Math.min(i.length, j.length); idx++) {
      if (!isLess(i[idx], j[idx])) return false;
    }
    return true;
  }
  const type =
    typeof i === "boolean" ? "bool" : Array.isArray(i) ? "[]interface {}" : "map[string]interface {}";
  throw new UnsortableError(`unsortable type: ${type}`);
}

/** Sorts objects by the first value `sortBy` finds in each; objects without one come first. */
export function sortObjectsBy<T>(objects: readonly T[], sortBy: string): SortResult<T> {
  const field = relaxedJsonPathExpression(sortBy);
  if (field === undefined) {
    return {
      ok: false,
      error:
        "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    };
  }
  let path: ListNode;
  try {
    path = parseJsonPath(field);
  } catch (e) {
    if (e instanceof JsonPathSyntaxError) return { ok: false, error: `sorting error: ${e.message}` };
    throw e;
  }
  const keyed: { obj: T; found: boolean; value: unknown }[] = [];
  try {
    for (const obj of objects) {
      const values = findJsonPathResults(path, JSON.parse(JSON.stringify(obj)) as unknown, true);
      const first = values[0];
      keyed.push(
        first !== undefined && first.length > 0
          ? { obj, found: true, value: first[0] }
          : { obj, found: false, value: undefined },
      );
    }
  } catch (e) {
    if (e instanceof JsonPathError) return { ok: false, error: e.message };
    throw e;
  }
  if (objects.length > 1 && !keyed.some((k) => k.found)) {
    return { ok: false, error: `couldn't find any field with path "${field}" in the list of objects` };
  }
  try {
    // RuntimeSort.Less: a missing value is less than anything
    const less = (a: (typeof keyed)[number], b: (typeof keyed)[number]): boolean =>
      !a.found ? true : !b.found ? false : isLess(a.value, b.value);
    const sorted = [...keyed].sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0));
    return { ok: true, objects: sorted.map((k) => k.obj) };
  } catch (e) {
    if (e instanceof UnsortableError) return { ok: false, error: e.message };
    throw e;
  }
}
