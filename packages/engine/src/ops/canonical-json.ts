/**
 * JSON with object keys sorted, as Go marshals an unstructured map (kubectl's last-applied annotation,
 * the pod-template-hash's input): keys in string order, integer-like ones too (a key-sorted JS copy
 * would list those first, in index order). Written in one pass: building that copy gave every object a
 * new shape and was most of the cost.
 */
export function canonicalJson(value: unknown): string {
  return write(value) as string;
}

function write(value: unknown): string | undefined {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "object":
      if (value === null) return "null";
      return Array.isArray(value) ? writeArray(value) : writeObject(value as Record<string, unknown>);
    case "number":
    case "boolean":
    case "bigint":
      // Non-finite numbers print null; a bigint throws, as JSON.stringify does.
      return JSON.stringify(value);
    default:
      // undefined, functions and symbols: left out of objects, null in arrays.
      return undefined;
  }
}

function writeArray(items: readonly unknown[]): string {
  let out = "[";
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ",";
    out += write(items[i]) ?? "null";
  }
  return `${out}]`;
}

function writeObject(source: Record<string, unknown>): string {
  const keys = Object.keys(source).sort();
  let out = "{";
  for (const key of keys) {
    const text = write(source[key]);
    if (text === undefined) continue;
    if (out.length > 1) out += ",";
    out += `${JSON.stringify(key)}:${text}`;
  }
  return `${out}}`;
}
