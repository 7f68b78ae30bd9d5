// Reads one YAML file against a zod schema and turns every problem into a located diagnostic.
import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import type { ContentDiagnostic } from "./diagnostic";

type Segment = string | number;

/** `modules[0].lessons[1]`: the path the way the engine and the API server write it. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const s of path) {
    if (typeof s === "number") out += `[${s}]`;
    else out += out === "" ? String(s) : `.${String(s)}`;
  }
  return out;
}

export type YamlRead<T> = { ok: true; value: T } | { ok: false; diagnostics: ContentDiagnostic[] };

export function readYaml<S extends z.ZodType>(file: string, text: string, schema: S): YamlRead<z.infer<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      diagnostics: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return {
          level: "error",
          code: "yaml-syntax",
          file,
          line: pos.line,
          column: pos.col,
          message: e.message.split("\n")[0] ?? e.message,
        };
      }),
    };
  }
  const parsed = schema.safeParse(doc.toJS({ maxAliasCount: 100 }));
  if (parsed.success) return { ok: true, value: parsed.data };

  // The position of the deepest node that exists on the issue's path, pointing at the key where there is one.
  const locate = (path: readonly Segment[]): { line: number; column: number } | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (!node || typeof node !== "object" || !("range" in node) || !Array.isArray(node.range)) continue;
      let offset = node.range[0] as number;
      const parent = n > 0 ? (n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true)) : undefined;
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[n - 1]);
        if (pair && isScalar(pair.key) && pair.key.range) offset = pair.key.range[0];
      }
      const pos = lineCounter.linePos(offset);
      return { line: pos.line, column: pos.col };
    }
    return undefined;
  };

  const diagnostics: ContentDiagnostic[] = [];
  for (const issue of parsed.error.issues) {
    const base = issue.path.filter((s): s is Segment => typeof s !== "symbol");
    // An unknown key is reported once per key, at the key itself.
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [undefined];
    for (const key of keys) {
      const path = key === undefined ? base : [...base, key];
      const pos = locate(path);
      diagnostics.push({
        level: "error",
        code: "schema",
        file,
        ...(pos ? { line: pos.line, column: pos.column } : {}),
        path: formatPath(path) || undefined,
        message: key === undefined ? issue.message : `unknown field "${key}"`,
      });
    }
  }
  return { ok: false, diagnostics };
}

/** The line and column of a field path's node in a YAML text (the key where the parent is a map). */
export function positionOf(text: string, path: string): { line: number; column: number } | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const segments = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) =>
    m[2] !== undefined ? Number(m[2]) : (m[1] ?? ""),
  );
  const node = doc.getIn(segments, true);
  if (!node || typeof node !== "object" || !("range" in node) || !Array.isArray(node.range)) return undefined;
  let offset = node.range[0] as number;
  const parent = segments.length > 1 ? doc.getIn(segments.slice(0, -1), true) : doc.contents;
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === segments[segments.length - 1]);
    if (pair && isScalar(pair.key) && pair.key.range) offset = pair.key.range[0];
  }
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}
