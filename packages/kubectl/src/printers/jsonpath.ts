// Evaluates kubectl JSONPath templates over decoded JSON, written here as a port of
// staging/src/k8s.io/client-go/util/jsonpath/jsonpath.go (FindResults, walk, PrintResults) with the
// comparison rules of client-go/third_party/forked/golang/template/funcs.go. jsonpath-plus is not used:
// kubectl's semantics (missing keys, {range}/{end}, filters, bounds errors, Go printing) differ from it.

import { goSprint, goTypeName } from "./go-format";
import { toGoJson, toGoJsonIndent } from "./go-json";
import type { JsonPathNode, ListNode } from "./jsonpath-parser";
import { compareStrings } from "./labels";

/** A float literal from the template, kept apart from integers as Go keeps float64 apart from int. */
class GoFloat {
  constructor(readonly value: number) {}
}

/** A value the walk can produce; `undefined` is Go's invalid reflect.Value (no data at all). */
type Value = unknown;

export class JsonPathError extends Error {}

function isRecord(v: Value): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof GoFloat);
}

function children(v: Value): Value[] {
  if (Array.isArray(v)) return [...v];
  if (isRecord(v))
    return Object.keys(v)
      .sort(compareStrings)
      .map((k) => v[k]);
  // reflect: a string indexes to its bytes
  if (typeof v === "string") return [...new TextEncoder().encode(v)];
  return [];
}

type BasicKind = "bool" | "int" | "float" | "string";

// funcs.go: basicKind
function basicKind(v: Value): BasicKind {
  if (typeof v === "boolean") return "bool";
  if (typeof v === "string") return "string";
  if (v instanceof GoFloat) return "float";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  throw new JsonPathError("invalid type for comparison");
}

function scalar(v: Value): number | string | boolean {
  if (v instanceof GoFloat) return v.value;
  return v as number | string | boolean;
}

// funcs.go: Equal / Less (errBadComparison for different kinds, errBadComparisonType for bools in Less)
function equal(a: Value, b: Value): boolean {
  if (basicKind(a) !== basicKind(b)) throw new JsonPathError("incompatible types for comparison");
  return scalar(a) === scalar(b);
}

function less(a: Value, b: Value): boolean {
  const k = basicKind(a);
  if (k !== basicKind(b)) throw new JsonPathError("incompatible types for comparison");
  if (k === "bool") throw new JsonPathError("invalid type for comparison");
  return scalar(a) < scalar(b);
}

function compare(operator: string, a: Value, b: Value): boolean {
  switch (operator) {
    case "<":
      return less(a, b);
    case ">":
      return !(less(a, b) || equal(a, b));
    case "==":
      return equal(a, b);
    case "!=":
      return !equal(a, b);
    case "<=":
      return less(a, b) || equal(a, b);
    case ">=":
      return !less(a, b);
    default:
      throw new JsonPathError(`unrecognized filter operator ${operator}`);
  }
}

class Evaluator {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode = -1;
  private rangeDepth = 0;

  constructor(
    private readonly nodes: readonly JsonPathNode[],
    private readonly allowMissingKeys: boolean,
  ) {}

  // jsonpath.go: FindResults, with node positions instead of re-sliced node lists
  findResults(data: Value, start: number): Value[][] {
    const cur: Value[] = [data];
    const full: Value[][] = [];
    for (let i = start; i < this.nodes.length; i++) {
      const node = this.nodes[i];
      if (node === undefined) continue;
      const results = this.walk(cur, node);
      // encounter an end node, break the current block
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = i;
        break;
      }
      // encounter a range node, start a range loop
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) {
          for (const value of results) full.push(...this.findResults(value, i + 1));
        } else {
          // If the range has no results, we still need to process the nodes within the range
          // so the position will advance to the end node
          this.findResults(undefined, i + 1);
        }
        this.inRange--;
        // Fast forward to resume processing after the most recent end node that was encountered
        for (let k = i + 1; k < this.nodes.length; k++) {
          if (k === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(input: Value[], node: JsonPathNode): Value[] {
    switch (node.type) {
      case "list":
        return this.evalList(input, node);
      case "text":
        return [node.text];
      case "field":
        return this.evalField(input, node.value);
      case "array":
        return this.evalArray(input, node);
      case "filter":
        return this.evalFilter(input, node);
      case "int":
        return input.map(() => node.value);
      case "float":
        return input.map(() => new GoFloat(node.value));
      case "bool":
        return input.map(() => node.value);
      case "wildcard":
        return input.flatMap((v) => (v === null || v === undefined ? [] : children(v)));
      case "recursive":
        return this.evalRecursive(input);
      case "union":
        return node.nodes.flatMap((list) => this.evalList(input, list));
      case "identifier":
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: Value[], node: ListNode): Value[] {
    let cur = input;
    for (const n of node.nodes) cur = this.walk(cur, n);
    return cur;
  }

  private evalIdentifier(input: Value[], name: string): Value[] {
    if (name === "range") {
      this.rangeDepth++;
      this.beginRange++;
      return input;
    }
    if (name === "end") {
      // inside a loop, break the current block
      if (this.endRange < this.inRange) {
        this.endRange++;
        return [];
      }
      // the loop is about to end
      if (this.rangeDepth > 0) {
        this.rangeDepth--;
        return [];
      }
      throw new JsonPathError("not in range, nothing to end");
    }
    throw new JsonPathError(`unrecognized identifier ${name}`);
  }

  // jsonpath.go: evalField (a map key; missing keys are an error unless allowMissingKeys)
  private evalField(input: Value[], field: string): Value[] {
    const results: Value[] = [];
    if (input.length === 0) return results;
    for (const value of input) {
      if (isRecord(value) && Object.hasOwn(value, field)) results.push(value[field]);
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new JsonPathError(`${field} is not found`);
    return results;
  }

  // jsonpath.go: evalArray
  private evalArray(input: Value[], node: Extract<JsonPathNode, { type: "array" }>): Value[] {
    const result: Value[] = [];
    for (const value of input) {
      if (value === null || value === undefined) continue;
      if (!Array.isArray(value)) throw new JsonPathError(`${goTypeName(value)} is not array or slice`);
      const length = value.length;
      const [p0, p1, p2] = node.params;
      let start = p0.known ? p0.value : 0;
      if (start < 0) start += length;
      let end = p1.known ? p1.value : length;
      if (end < 0 || (end === 0 && p1.derived)) end += length;
      // if you're requesting zero elements, allow it through.
      if (end === start) return result;
      if (start >= length || start < 0) {
        throw new JsonPathError(`array index out of bounds: index ${start}, length ${length}`);
      }
      if (end > length || end < 0) {
        throw new JsonPathError(`array index out of bounds: index ${end - 1}, length ${length}`);
      }
      if (start > end) throw new JsonPathError(`starting index ${start} is greater than ending index ${end}`);
      let step = 1;
      if (p2.known) {
        if (p2.value <= 0) throw new JsonPathError("step must be > 0");
        step = p2.value;
      }
      for (let i = start; i < end; i += step) result.push(value[i]);
    }
    return result;
  }

  // jsonpath.go: evalRecursive
  private evalRecursive(input: Value[]): Value[] {
    const result: Value[] = [];
    for (const value of input) {
      if (value === null || value === undefined) continue;
      const kids = children(value);
      if (kids.length !== 0) {
        result.push(value);
        result.push(...this.evalRecursive(kids));
      }
    }
    return result;
  }

  // jsonpath.go: evalFilter
  private evalFilter(input: Value[], node: Extract<JsonPathNode, { type: "filter" }>): Value[] {
    const results: Value[] = [];
    for (const value of input) {
      if (!Array.isArray(value)) {
        throw new JsonPathError(`${goSprint(value)} is not array or slice and cannot be filtered`);
      }
      for (const item of value) {
        const temp = [item];
        if (node.operator === "exists") {
          let lefts: Value[] = [];
          try {
            lefts = this.evalList(temp, node.left);
          } catch {
            lefts = [];
          }
          if (lefts.length > 0) results.push(item);
          continue;
        }
        const lefts = this.evalList(temp, node.left);
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathError("can only compare one element at a time");
        const rights = this.evalList(temp, node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathError("can only compare one element at a time");
        if (compare(node.operator, lefts[0], rights[0])) results.push(item);
      }
    }
    return results;
  }
}

/** jsonpath.go: evalToText (fmt.Fprint of the value). */
function textOf(v: Value): string {
  if (v instanceof GoFloat) return goSprint(v.value);
  return goSprint(v);
}

export interface JsonPathOptions {
  /** `--allow-missing-template-keys`, true by default in kubectl. */
  allowMissingKeys?: boolean;
  /** `-o jsonpath-as-json` */
  outputJson?: boolean;
}

/** Finds the results of a parsed template: one list of values per top-level node. Throws JsonPathError. */
export function findJsonPathResults(root: ListNode, data: unknown, allowMissingKeys = true): unknown[][] {
  const results = new Evaluator(root.nodes, allowMissingKeys).findResults(data, 0);
  return results.map((values) => values.map((v) => (v instanceof GoFloat ? v.value : v)));
}

/** jsonpath.go: Execute + PrintResults. Maps and slices print as compact JSON, results space-separated. */
export function executeJsonPath(root: ListNode, data: unknown, options: JsonPathOptions = {}): string {
  const full = new Evaluator(root.nodes, options.allowMissingKeys ?? true).findResults(data, 0);
  let out = "";
  for (const results of full) {
    if (options.outputJson === true) {
      out += `${toGoJsonIndent(results.map((v) => (v instanceof GoFloat ? v.value : v)))}\n`;
      continue;
    }
    out += results.map((r) => (Array.isArray(r) || isRecord(r) ? toGoJson(r) : textOf(r))).join(" ");
  }
  return out;
}
