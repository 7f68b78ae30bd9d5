// Checks a lesson body: MDX syntax, and the only components a lesson may use (<Manifest>, <Callout>),
// with the file each <Manifest> embeds. Every problem comes back located; nothing is thrown.
import { createProcessor } from "@mdx-js/mdx";
import remarkGfm from "remark-gfm";
import type { ContentDiagnostic } from "./diagnostic";

export const CALLOUT_TYPES = ["note", "warning", "tip"] as const;
export type CalloutType = (typeof CALLOUT_TYPES)[number];
export const LESSON_COMPONENTS = ["Manifest", "Callout"] as const;

interface Point {
  line: number;
  column: number;
}
interface MdNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdNode[];
  position?: { start: Point };
}

export interface MdxCheck {
  diagnostics: ContentDiagnostic[];
  /** Files embedded with <Manifest file="…">, in order of appearance. */
  manifests: string[];
  /** Number of lines, for the ko/en parallel check. */
  lines: number;
}

function errorPosition(error: unknown): Point | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as { line?: unknown; column?: unknown };
  return typeof e.line === "number"
    ? { line: e.line, column: typeof e.column === "number" ? e.column : 1 }
    : undefined;
}

export function checkMdx(file: string, text: string, available: ReadonlySet<string>): MdxCheck {
  const diagnostics: ContentDiagnostic[] = [];
  const manifests: string[] = [];
  const lines = text.split("\n").length;
  let tree: MdNode;
  try {
    tree = createProcessor({ remarkPlugins: [remarkGfm] }).parse(text) as unknown as MdNode;
  } catch (error) {
    const pos = errorPosition(error);
    const reason =
      typeof error === "object" && error !== null && "reason" in error ? String(error.reason) : String(error);
    diagnostics.push({ level: "error", code: "mdx-syntax", file, ...pos, message: reason });
    return { diagnostics, manifests, lines };
  }
  const at = (node: MdNode) =>
    node.position ? { line: node.position.start.line, column: node.position.start.column } : {};
  const walk = (node: MdNode) => {
    if (node.type === "mdxjsEsm") {
      diagnostics.push({
        level: "error",
        code: "mdx-esm",
        file,
        ...at(node),
        message: "lessons cannot import or export code; use <Manifest> and <Callout> only",
      });
    }
    if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
      const name = node.name ?? "";
      const attrs = new Map<string, unknown>();
      for (const a of node.attributes ?? [])
        if (a.type === "mdxJsxAttribute" && a.name) attrs.set(a.name, a.value);
      if (name === "Manifest") {
        const value = attrs.get("file");
        if (typeof value !== "string" || value === "") {
          diagnostics.push({
            level: "error",
            code: "mdx-component",
            file,
            ...at(node),
            message: '<Manifest> needs a file attribute written as a string: <Manifest file="pod.yaml" />',
          });
        } else {
          manifests.push(value);
          if (!available.has(value))
            diagnostics.push({
              level: "error",
              code: "missing-file",
              file,
              ...at(node),
              message: `<Manifest file="${value}"> names a file that lesson.yaml does not list under manifests`,
            });
        }
      } else if (name === "Callout") {
        const type = attrs.get("type");
        if (typeof type !== "string" || !(CALLOUT_TYPES as readonly string[]).includes(type))
          diagnostics.push({
            level: "error",
            code: "mdx-component",
            file,
            ...at(node),
            message: `<Callout> needs type="note", "warning" or "tip"`,
          });
      } else if (/^[A-Z]/.test(name) || name.includes(".")) {
        diagnostics.push({
          level: "error",
          code: "mdx-component",
          file,
          ...at(node),
          message: `unknown component <${name}>: a lesson may use ${LESSON_COMPONENTS.map((c) => `<${c}>`).join(" and ")}`,
        });
      }
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return { diagnostics, manifests, lines };
}
