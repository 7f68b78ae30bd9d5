import { type Document, isMap, isSeq, LineCounter, parseDocument } from "yaml";
import type { Diagnostic } from "./diagnostic";
import { locate } from "./field-position";
import { scanJsonStream } from "./json-stream";
import { listItems } from "./list-items";
import type { ParsedFile } from "./parse-manifests";

/**
 * A file that starts with `{` read as kubectl 1.33's YAMLOrJSONDecoder reads it: JSON values one
 * after another; if the JSON decoder stops before a second value, the rest is read as YAML from where
 * it stopped (so `{'a': 1}` or a `// comment` is YAML after all), and only when that fails too is the
 * JSON error the answer. Undefined for a file that is not JSON-looking. Each JSON value becomes a
 * document through `parseYaml` (YAML holds JSON) on the text with everything else blanked out, so
 * every line and column stays where it is in the file.
 */
export function parseJsonStream(
  file: string,
  text: string,
  parseYaml: (file: string, text: string) => ParsedFile,
): ParsedFile | undefined {
  const bom = text.startsWith("\ufeff") ? 1 : 0;
  if (!/^\s*\{/.test(text.slice(bom))) return undefined;
  const scan = scanJsonStream(text.slice(bom));
  const documents: Extract<ParsedFile, { ok: true }>["documents"] = [];
  const lines = lineStarts(text);
  for (const [index, v] of scan.values.entries()) {
    // Each value on its own (blanking the whole file around each would cost its size per value), its
    // positions moved to where it starts. An object, the usual value, is valid JSON: JSON.parse reads
    // it as Go does (a repeated key keeps its last value), and YAML is parsed only to locate a field.
    const at = position(lines, bom + v.start);
    const slice = text.slice(bom + v.start, bom + v.end);
    const value: unknown = JSON.parse(slice);
    const one: ParsedFile =
      value !== null && typeof value === "object" && !Array.isArray(value)
        ? objectDocument(file, slice, value as Record<string, unknown>)
        : parseYaml(file, slice);
    if (!one.ok) return { ok: false, diagnostics: one.diagnostics.map((d) => ({ ...d, ...shifted(d, at) })) };
    for (const d of one.documents)
      documents.push({ ...d, index, locate: (path) => shiftedPosition(d.locate(path), at) });
  }
  const error = scan.error;
  if (!error) return { ok: true, documents };
  const fail = (message: string): ParsedFile => ({
    ok: false,
    diagnostics: [{ code: "yaml-syntax", file, ...position(lines, bom + error.index), message }],
  });
  // Two values made it an unambiguous JSON stream: Go's error as it is.
  if (scan.values.length > 1) return fail(`error: error parsing ${file}: ${error.message}`);
  const jsonError = `error: error parsing ${file}: ${error.syntax ? `json: offset ${error.offset}: ` : ""}${error.message}`;
  const restStart = consumeWhitespace(text, bom + (scan.values[0]?.end ?? 0));
  const rest = parseYaml(file, blankOutside(text, restStart, rootFlowEnd(text, restStart)));
  if (!rest.ok) return rest.diagnostics.some((d) => d.code === "yaml-syntax") ? fail(jsonError) : rest;
  const shift = documents.length;
  return {
    ok: true,
    documents: [...documents, ...rest.documents.map((d) => ({ ...d, index: d.index + shift }))],
  };
}

/**
 * Where go-yaml stops reading a document whose root is a flow collection (`{...}` or `[...]`): at its
 * closing bracket, leaving what follows unread (yaml.Unmarshal decodes the first document only), so
 * `{"kind": }"Pod"...` is `{kind: null}` to kubectl. The end of the text otherwise.
 */
function rootFlowEnd(text: string, from: number): number {
  const doc = parseDocument(text.slice(from), { prettyErrors: false, uniqueKeys: false, strict: false });
  const root = doc.contents;
  if ((isMap(root) || isSeq(root)) && root.flow && root.range && doc.errors.length > 0) {
    const end = root.range[1];
    if ((doc.errors[0]?.pos[0] ?? 0) >= end) return from + end;
  }
  return text.length;
}

/** A JSON object as a document (a list's items as theirs), located through YAML only when asked. */
function objectDocument(file: string, slice: string, value: Record<string, unknown>): ParsedFile {
  let positions: { doc: Document.Parsed; lineCounter: LineCounter } | undefined;
  const doc = {
    file,
    index: 0,
    value,
    locate: (path: string) => {
      if (!positions) {
        const lineCounter = new LineCounter();
        positions = {
          doc: parseDocument(slice, { lineCounter, prettyErrors: false, uniqueKeys: false }),
          lineCounter,
        };
      }
      return locate(positions.doc, positions.lineCounter, path);
    },
  };
  const items = listItems(doc);
  return items.ok ? { ok: true, documents: items.documents } : { ok: false, diagnostics: [items.diagnostic] };
}

/** YAMLOrJSONDecoder.consumeWhitespace: spaces up to and including the first newline. */
function consumeWhitespace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i] ?? "")) {
    if (text[i] === "\n") return i + 1;
    i++;
  }
  return i;
}

/** The text with everything outside [from, to) turned to spaces, newlines kept. */
function blankOutside(text: string, from: number, to: number): string {
  const blank = (s: string) => s.replace(/[^\n]/g, " ");
  return blank(text.slice(0, from)) + text.slice(from, to) + blank(text.slice(to));
}

/** Where each line starts in the text. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** The 1-based line and column of an index. */
function position(starts: readonly number[], index: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= index) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: index - (starts[lo] ?? 0) + 1 };
}

/** A position in a value's own text, moved to where the value starts in the file. */
function shiftedPosition(
  p: { line: number; column: number } | undefined,
  at: { line: number; column: number },
): { line: number; column: number } | undefined {
  if (!p) return undefined;
  return { line: p.line + at.line - 1, column: p.line === 1 ? p.column + at.column - 1 : p.column };
}

function shifted(d: Diagnostic, at: { line: number; column: number }): Pick<Diagnostic, "line" | "column"> {
  if (d.line === undefined || d.column === undefined) return {};
  return shiftedPosition({ line: d.line, column: d.column }, at) ?? {};
}
