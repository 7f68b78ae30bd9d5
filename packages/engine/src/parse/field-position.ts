import { type Document, isMap, isScalar, isSeq, type LineCounter, type Pair, type YAMLMap } from "yaml";
import { splitFieldPath } from "./field-path";

/** Line and column (1-based) of the node at a field path in a parsed document, or of its nearest existing parent; at a map key, the key. */
export function locate(
  doc: Document.Parsed,
  lineCounter: LineCounter,
  path: string,
): { line: number; column: number } | undefined {
  const segments = splitFieldPath(path);
  for (let n = segments.length; n >= 0; n--) {
    const node = nodeAt(doc.contents, segments.slice(0, n));
    if (node && typeof node === "object" && "range" in node && Array.isArray(node.range)) {
      // Point at the key rather than the value where the parent is a map.
      const parent = n > 0 ? nodeAt(doc.contents, segments.slice(0, n - 1)) : undefined;
      let offset = node.range[0] as number;
      if (isMap(parent)) {
        const pair = lastPair(parent, segments[n - 1]);
        if (pair && isScalar(pair.key) && pair.key.range) offset = pair.key.range[0];
      }
      const pos = lineCounter.linePos(offset);
      return { line: pos.line, column: pos.col };
    }
  }
  return undefined;
}

/**
 * The node at a path. Of a key written twice, the last counts, as for Go's YAML decoder (kubectl keeps
 * the last value), so an error is placed where the value the API server saw was written.
 */
function nodeAt(root: unknown, segments: readonly (string | number)[]): unknown {
  let node = root;
  for (const segment of segments) {
    if (isMap(node)) node = lastPair(node, segment)?.value;
    else if (isSeq(node) && typeof segment === "number") node = node.items[segment];
    else return undefined;
  }
  return node;
}

function lastPair(map: YAMLMap, key: string | number | undefined): Pair | undefined {
  for (let i = map.items.length - 1; i >= 0; i--) {
    const pair = map.items[i];
    if (pair && isScalar(pair.key) && pair.key.value === key) return pair;
  }
  return undefined;
}
