/**
 * JSON with object keys sorted, as Go marshals an unstructured map (kubectl's last-applied annotation,
 * the pod-template-hash's input): keys in string order, integer-like ones too (a key-sorted JS copy
 * would list those first, in index order). Written in one pass, without a sorted copy, and strings
 * that need no escape are quoted as they are: a third faster than JSON.stringify of a sorted copy.
 */
export function canonicalJson(value: unknown): string {
  return write(value) as string;
}

function write(value: unknown): string | undefined {
  switch (typeof value) {
    case "string":
      return quote(value);
    case "object":
      if (value === null) return "null";
      return Array.isArray(value) ? writeArray(value) : writeObject(value as Record<string, unknown>);
    case "number":
      // As JSON.stringify: -0 prints 0, NaN and the infinities null.
      return Number.isFinite(value) ? `${value}` : "null";
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      return JSON.stringify(value); // throws, as JSON.stringify does
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
  const keys = Object.keys(source);
  if (keys.length > 1) keys.sort();
  let out = "{";
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const text = write(source[key]);
    if (text === undefined) continue;
    if (out.length > 1) out += ",";
    out += `${quote(key)}:${text}`;
  }
  return `${out}}`;
}

/** A JSON string literal; JSON.stringify only for text with a quote, backslash, control or surrogate. */
function quote(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(text);
  }
  return `"${text}"`;
}
