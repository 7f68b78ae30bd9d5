// A problem an author can fix, located as precisely as the input allows (file, line, column, field path).
// The loader collects every one of them and keeps going; it never throws on bad content.

export const CONTENT_CODES = [
  "yaml-syntax",
  "schema",
  "missing-file",
  "unknown-lesson",
  "duplicate-id",
  "orphan-lesson",
  "mdx-syntax",
  "mdx-component",
  "mdx-esm",
  "manifest-syntax",
  "manifest-kind",
  "parallel-lines",
  "parallel-manifests",
  "unknown-exercise",
  "orphan-exercise",
  "unknown-check",
  "exercise-verify",
  "korean-register",
] as const;
export type ContentCode = (typeof CONTENT_CODES)[number];

export interface ContentDiagnostic {
  level: "error" | "warning";
  code: ContentCode;
  /** Path relative to the content root, with forward slashes. */
  file: string;
  message: string;
  /** 1-based. */
  line?: number;
  column?: number;
  /** The field path inside a YAML file, e.g. `modules[0].lessons[1]`. */
  path?: string;
}

/** `lessons/x/lesson.yaml:3:5: error [schema] title.ko: Required (at title)`, as compilers print. */
export function formatDiagnostic(d: ContentDiagnostic): string {
  const where = [d.file, d.line, d.line !== undefined ? d.column : undefined].filter((x) => x !== undefined);
  const path = d.path ? ` (at ${d.path})` : "";
  return `${where.join(":")}: ${d.level} [${d.code}] ${d.message}${path}`;
}

/** Sorted by file, then position, so output is stable. */
export function sortDiagnostics(list: readonly ContentDiagnostic[]): ContentDiagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}
