import { type Document, isCollection, LineCounter, parseAllDocuments, visit } from "yaml";
import type { Diagnostic } from "./diagnostic";
import { locate } from "./field-position";
import { goYamlError } from "./go-yaml-error";
import { parseJsonStream } from "./json-documents";
import { listItems } from "./list-items";
import { readPlainYaml } from "./plain-yaml";

// The API server refuses request bodies over 3 MiB (apiserver's MaxRequestBodyBytes).
export const MAX_MANIFEST_BYTES = 3 * 1024 * 1024;
// Go's yaml.v2 (which kubectl uses) refuses alias expansion bombs; the `yaml` package does the same past this count.
const MAX_ALIAS_COUNT = 100;

export interface ManifestDocument {
  file: string;
  index: number;
  value: Record<string, unknown>;
  /** An item of a list document (`kind: List`), which kubectl maps as its own object (see list-items.ts). */
  inList?: boolean;
  /** Line and column (1-based) of the node at a field path, or of its nearest existing parent. */
  locate(path: string): { line: number; column: number } | undefined;
}

export type ParsedFile =
  | { ok: true; documents: ManifestDocument[] }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * Parses one file of YAML or JSON into documents, as kubectl's YAMLOrJSONDecoder reads it. A syntax
 * error anywhere makes the whole file unusable: nothing from it is applied.
 */
export function parseManifests(file: string, text: string): ParsedFile {
  if (text.length > MAX_MANIFEST_BYTES) {
    return {
      ok: false,
      diagnostics: [
        {
          code: "too-large",
          file,
          message: `Error from server (RequestEntityTooLarge): error when creating "${file}": Request entity too large: limit is ${MAX_MANIFEST_BYTES}`,
        },
      ],
    };
  }
  return parseJsonStream(file, text, parseYaml) ?? parseYaml(file, text);
}

/** A file as YAML documents (which JSON is too). */
function parseYaml(file: string, text: string): ParsedFile {
  // Most manifests are plain YAML: read them fast, and parse with positions only to locate an error.
  const plain = readPlainYaml(text);
  if (plain !== undefined) return flattenLists(plainDocuments(file, text, plain));
  const lineCounter = new LineCounter();
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: false });
  } catch (error) {
    return {
      ok: false,
      diagnostics: [{ code: "yaml-syntax", file, message: `error: error parsing ${file}: ${String(error)}` }],
    };
  }
  const parsed = Array.isArray(docs) ? docs : [docs];
  const diagnostics: Diagnostic[] = [];
  const documents: ManifestDocument[] = [];
  parsed.forEach((doc, index) => {
    const first = doc.errors[0];
    if (first) {
      // The editor marks where the mistake is; the message says what kubectl says, at go-yaml's line.
      const pos = lineCounter.linePos(first.pos[0]);
      const go = goYamlError(first, text, lineCounter);
      diagnostics.push({
        code: "yaml-syntax",
        file,
        document: index,
        line: pos.line,
        column: pos.col,
        message: `error: error parsing ${file}: error converting YAML to JSON: yaml: line ${go.line}: ${go.reason}`,
      });
      return;
    }
    const badKey = collectionKey(doc);
    if (badKey) {
      const pos = lineCounter.linePos(badKey.offset);
      diagnostics.push({
        code: "yaml-syntax",
        file,
        document: index,
        line: pos.line,
        column: pos.col,
        message: `error: error parsing ${file}: error converting YAML to JSON: yaml: invalid map key: ${badKey.text}`,
      });
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      diagnostics.push({
        code: "yaml-syntax",
        file,
        document: index,
        message: `error: error parsing ${file}: error converting YAML to JSON: yaml: ${message}`,
      });
      return;
    }
    if (value === null || value === undefined) return; // an empty document, e.g. after a trailing `---`
    if (typeof value !== "object" || Array.isArray(value)) {
      const pos = doc.contents ? lineCounter.linePos(doc.contents.range?.[0] ?? 0) : undefined;
      // kubectl validates before it decodes (--validate=strict, its default): a document that is not
      // an object is refused by the validator. (With --validate=false the decoder refuses it instead.)
      diagnostics.push({
        code: "not-an-object",
        file,
        document: index,
        line: pos?.line,
        column: pos?.col,
        message: `error: error validating "${file}": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false`,
      });
      return;
    }
    documents.push({
      file,
      index,
      value: value as Record<string, unknown>,
      locate: (path) => locate(doc, lineCounter, path),
    });
  });
  if (diagnostics.some((d) => d.code === "yaml-syntax")) return { ok: false, diagnostics };
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return flattenLists(documents);
}

/** Each list document's items in its place (see list-items.ts). */
function flattenLists(documents: ManifestDocument[]): ParsedFile {
  if (!documents.some((d) => "items" in d.value)) return { ok: true, documents };
  const flat: ManifestDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const doc of documents) {
    const items = listItems(doc);
    if (items.ok) flat.push(...items.documents);
    else diagnostics.push(items.diagnostic);
  }
  return diagnostics.length > 0 ? { ok: false, diagnostics } : { ok: true, documents: flat };
}

function plainDocuments(file: string, text: string, values: unknown[]): ManifestDocument[] {
  let parsed: { docs: Document.Parsed[]; lineCounter: LineCounter } | undefined;
  const positions = () => {
    if (parsed) return parsed;
    const lineCounter = new LineCounter();
    const docs = parseAllDocuments(text, {
      lineCounter,
      prettyErrors: false,
      uniqueKeys: false,
      strict: false,
    });
    parsed = { docs: Array.isArray(docs) ? docs : [docs], lineCounter };
    return parsed;
  };
  const documents: ManifestDocument[] = [];
  values.forEach((value, index) => {
    if (value === null) return; // an empty document, e.g. after a trailing `---`
    documents.push({
      file,
      index,
      value: value as Record<string, unknown>,
      locate: (path) => {
        const { docs, lineCounter } = positions();
        const doc = docs[index];
        return doc ? locate(doc, lineCounter, path) : undefined;
      },
    });
  });
  return documents;
}

/**
 * A map key that is itself a map or a list, such as `{{ .Values.name }}` from a Helm template: JSON
 * has no such keys, so sigs.k8s.io/yaml refuses them, printing the key as Go's %#v does.
 */
function collectionKey(doc: Document.Parsed): { offset: number; text: string } | undefined {
  let found: { offset: number; text: string } | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (!isCollection(pair.key)) return undefined;
      found = { offset: pair.key.range?.[0] ?? 0, text: goValue(pair.key.toJSON()) };
      return visit.BREAK;
    },
  });
  return found;
}

function goValue(v: unknown): string {
  if (v === null || v === undefined) return "interface {}(nil)";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v !== "object") return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goValue).join(", ")}}`;
  const entries = Object.entries(v as Record<string, unknown>).map(
    ([k, x]) => `${JSON.stringify(k)}:${goValue(x)}`,
  );
  return `map[interface {}]interface {}{${entries.join(", ")}}`;
}
