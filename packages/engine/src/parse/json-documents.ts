import { isMap, isSeq, parseDocument } from "yaml";
import type { Diagnostic } from "./diagnostic";
import { scanJsonStream } from "./json-stream";
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
  for (const [index, v] of scan.values.entries()) {
    const one = parseYaml(file, blankOutside(text, bom + v.start, bom + v.end));
    if (!one.ok) return one;
    documents.push(...one.documents.map((d) => ({ ...d, index })));
  }
  const error = scan.error;
  if (!error) return { ok: true, documents };
  const fail = (message: string): ParsedFile => ({
    ok: false,
    diagnostics: [{ code: "yaml-syntax", file, ...position(text, bom + error.index), message }],
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

function position(text: string, index: number): Pick<Diagnostic, "line" | "column"> {
  const before = text.slice(0, index);
  const line = before.split("\n").length;
  return { line, column: index - before.lastIndexOf("\n") };
}
