// `-o custom-columns=NAME:.metadata.name,IP:.status.podIP`
// (staging/src/k8s.io/cli-runtime/pkg/printers/customcolumn.go).
import { escapeTerminal } from "./escape";
import { goSprint } from "./go-format";
import { findJsonPathResults, JsonPathError } from "./jsonpath";
import { JsonPathSyntaxError, type ListNode, parseJsonPath } from "./jsonpath-parser";
import { GET_TABWRITER, tabwrite } from "./tabwriter";

export type PrintResult = { ok: true; text: string } | { ok: false; error: string };

// customcolumn.go: jsonRegexp
const JSON_REGEXP = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** customcolumn.go: RelaxedJSONPathExpression (`name1.name2`, `.name1.name2`, `{name1.name2}` → `{.name1.name2}`). */
export function relaxedJsonPathExpression(expression: string): string | undefined {
  if (expression.length === 0) return expression;
  const m = JSON_REGEXP.exec(expression);
  if (m === null) return undefined;
  return `{.${m[1] ?? m[2] ?? ""}}`;
}

interface ColumnSpec {
  header: string;
  path: ListNode;
}

function parseSpec(spec: string): ColumnSpec[] | string {
  if (spec.length === 0) return "custom-columns format specified but no custom columns given";
  const columns: ColumnSpec[] = [];
  for (const part of spec.split(",")) {
    const colon = part.indexOf(":");
    if (colon < 0) return `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`;
    const field = relaxedJsonPathExpression(part.slice(colon + 1));
    if (field === undefined) {
      return "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'";
    }
    try {
      columns.push({ header: part.slice(0, colon), path: parseJsonPath(field) });
    } catch (e) {
      if (e instanceof JsonPathSyntaxError) return e.message;
      throw e;
    }
  }
  return columns;
}

/**
 * Prints objects (each item of a list) one line each, headers as given, laid out with the get tabwriter.
 * A column without a value prints `<none>`; several values are joined with ",", each as fmt.Sprint prints it.
 */
export function printCustomColumns(
  spec: string,
  objects: readonly unknown[],
  options: { noHeaders?: boolean } = {},
): PrintResult {
  const columns = parseSpec(spec);
  if (typeof columns === "string") return { ok: false, error: columns };
  const lines: string[] = [];
  if (options.noHeaders !== true) lines.push(columns.map((c) => c.header).join("\t"));
  for (const obj of objects) {
    const data = JSON.parse(JSON.stringify(obj)) as unknown;
    const cells: string[] = [];
    for (const column of columns) {
      let values: unknown[][];
      try {
        values = findJsonPathResults(column.path, data, true);
      } catch (e) {
        if (e instanceof JsonPathError) return { ok: false, error: e.message };
        throw e;
      }
      const strings: string[] = [];
      if (values.length === 0 || (values[0] ?? []).length === 0) strings.push("<none>");
      for (const list of values) for (const v of list) strings.push(escapeTerminal(goSprint(v)));
      cells.push(strings.join(","));
    }
    lines.push(cells.join("\t"));
  }
  if (lines.length === 0) return { ok: true, text: "" };
  return { ok: true, text: `${tabwrite(lines.join("\n"), GET_TABWRITER)}\n` };
}
