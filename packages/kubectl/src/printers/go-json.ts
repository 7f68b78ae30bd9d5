// JSON as Go's encoding/json writes it for kubectl: map keys sorted byte-wise (objects are unstructured
// maps), `<`, `>`, `&`, U+2028 and U+2029 escaped (escapeHTML), numbers as ES6 formats them (encode.go:
// floatEncoder "Convert as if by ES6 number to string conversion").
import { compareStrings } from "./labels";

function sortDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareStrings)) {
      out[key] = sortDeep((value as Record<string, unknown>)[key]);
    }
    return out;
  }
  return value;
}

// encoding/json: encodeState.string with escapeHTML
function escapeGo(json: string): string {
  return json
    .replaceAll("<", "\\u003c")
    .replaceAll(">", "\\u003e")
    .replaceAll("&", "\\u0026")
    .replaceAll("\u2028", "\\u2028")
    .replaceAll("\u2029", "\\u2029");
}

/**
 * json.MarshalIndent(obj, "", "    ") (no trailing newline; kubectl's JSON printer appends one). A map
 * is written with sorted keys; `keepOrder` writes a value already in its Go struct's order as it is.
 */
export function toGoJsonIndent(value: unknown, keepOrder = false): string {
  return escapeGo(JSON.stringify(keepOrder ? (value ?? null) : sortDeep(value ?? null), null, 4));
}

/** json.Marshal(obj): compact. */
export function toGoJson(value: unknown, keepOrder = false): string {
  return escapeGo(JSON.stringify(keepOrder ? (value ?? null) : sortDeep(value ?? null)));
}
