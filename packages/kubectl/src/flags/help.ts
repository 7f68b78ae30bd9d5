// `kubectl COMMAND -h|--help`. kubectl's own help pages are long prose; the simulated kubectl answers
// with what it can do: the subcommands and the flags it acts on, and where kubectl's reference lives.
import type { KubectlCommand } from "./kubectl-commands";

const REFERENCE = "https://kubernetes.io/docs/reference/kubectl/generated/";

export function helpText(path: readonly string[], command: KubectlCommand): string {
  const name = ["kubectl", ...path].join(" ");
  const lines: string[] = [];
  const children = command.children ?? [];
  if (children.length > 0) {
    lines.push(`Commands of ${name} simulated here:`);
    for (const child of children) lines.push(`  ${child.name}`);
    lines.push("");
  }
  const simulated = new Set(command.simulated ?? []);
  const flags = (command.flags ?? [])
    .filter((f) => simulated.has(f.name) && f.name !== "help")
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  if (flags.length > 0) {
    lines.push(`Flags of ${name} simulated here:`);
    for (const f of flags) lines.push(`  ${f.short ? `-${f.short}, ` : "    "}--${f.name}`);
    lines.push("");
  }
  lines.push("Global flags: -n, --namespace (the others are accepted and change nothing here).");
  const page = path.length === 0 ? "kubectl/" : `${["kubectl", ...path].join("_")}/`;
  lines.push(`kubectl's full help: ${REFERENCE}${page}`);
  return `${lines.join("\n")}\n`;
}
