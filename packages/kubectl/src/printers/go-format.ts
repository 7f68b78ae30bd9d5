// Go's fmt verbs applied to decoded JSON (map[string]interface{}, []interface{}, string, int64, float64,
// bool, nil), as kubectl's jsonpath and custom-columns printers use them.
import { formatGoFloat } from "./go-float";
import { compareStrings } from "./labels";

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function number(value: number): string {
  return Number.isInteger(value) ? BigInt(value).toString() : formatGoFloat(value);
}

/** fmt.Sprint / %v: `map[a:1 b:x]` (keys sorted), `[a b]`, `<nil>`. */
export function goSprint(value: unknown): string {
  if (value === null || value === undefined) return "<nil>";
  if (typeof value === "string") return value;
  if (typeof value === "number") return number(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (Array.isArray(value)) return `[${value.map(goSprint).join(" ")}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort(compareStrings);
    return `map[${keys.map((k) => `${k}:${goSprint(value[k])}`).join(" ")}]`;
  }
  return String(value);
}

/** strconv.Quote for printable text: backslash escapes for `"`, `\`, control characters. */
export function goQuote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

/** %#v of a value held in an interface{}: `map[string]interface {}{"a":"b"}`, `[]interface {}{1}`. */
export function goSharpV(value: unknown): string {
  if (value === null || value === undefined) return "interface {}(nil)";
  if (typeof value === "string") return goQuote(value);
  if (typeof value === "number") return number(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  if (Array.isArray(value)) return `[]interface {}{${value.map(goSharpV).join(", ")}}`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort(compareStrings);
    return `map[string]interface {}{${keys.map((k) => `${goQuote(k)}:${goSharpV(value[k])}`).join(", ")}}`;
  }
  return String(value);
}

/** reflect.Value.Type().String() of a decoded JSON value, for jsonpath's "is not array or slice" errors. */
export function goTypeName(value: unknown): string {
  if (value === null || value === undefined) return "interface {}";
  if (typeof value === "string") return "string";
  if (typeof value === "number") return Number.isInteger(value) ? "int64" : "float64";
  if (typeof value === "boolean") return "bool";
  if (Array.isArray(value)) return "[]interface {}";
  return "map[string]interface {}";
}
