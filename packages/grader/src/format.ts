import type { GradeResult } from "./grade";

/**
 * A grade as text for a terminal (`kubejam grade`): one line per check with its mark and weight,
 * then, for failures, what was seen, the hint and the engine's why, indented.
 */
export function formatGrade(result: GradeResult): string {
  if (result.status === "error") return `error: ${result.message ?? "the submission cannot be graded"}\n`;
  let out = "";
  for (const d of result.diagnostics) {
    const where = [d.file, d.line, d.column].filter((x) => x !== undefined).join(":");
    out += `${where ? `${where}: ` : ""}${d.message}\n`;
  }
  if (result.diagnostics.length > 0) out += "\n";
  for (const c of result.checks) {
    const mark = c.status === "pass" ? "PASS" : "FAIL";
    out += `${mark}  ${c.title}  [${c.id}, weight ${c.weight}]\n`;
    if (c.status === "pass") continue;
    out += `      ${c.message}\n`;
    out += `      seen: ${c.detail.replaceAll("\n", "\n            ")}\n`;
    out += `      hint: ${c.hint}\n`;
    for (const l of c.locations)
      out += `      at: ${l.file}:${l.line}:${l.column} (${l.object}${l.path ? ` ${l.path}` : ""})\n`;
    if (c.why) out += `      why (kjctl why ${c.why.object}):\n${indent(c.why.text, "        ")}`;
  }
  const passed = result.checks.filter((c) => c.status === "pass").length;
  out += `\n${result.status === "pass" ? "passed" : "failed"}: ${passed}/${result.checks.length} checks, score ${result.score}\n`;
  return out;
}

function indent(text: string, prefix: string): string {
  return text
    .split("\n")
    .map((line) => (line === "" ? line : prefix + line))
    .join("\n");
}
