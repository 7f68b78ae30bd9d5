// cobra's "Did you mean this?" for an unknown command: the commands within two edits of the typed
// word, or starting with it, in the order kubectl adds them to its root (command sorting is off).

/** kubectl 1.33's top-level commands, in `kubectl --help` order, then `options` and cobra's `help`. */
export const KUBECTL_COMMAND_ORDER = [
  "create",
  "expose",
  "run",
  "set",
  "explain",
  "get",
  "edit",
  "delete",
  "rollout",
  "scale",
  "autoscale",
  "certificate",
  "cluster-info",
  "top",
  "cordon",
  "uncordon",
  "drain",
  "taint",
  "describe",
  "logs",
  "attach",
  "exec",
  "port-forward",
  "proxy",
  "cp",
  "auth",
  "debug",
  "events",
  "diff",
  "apply",
  "patch",
  "replace",
  "wait",
  "kustomize",
  "label",
  "annotate",
  "completion",
  "api-resources",
  "api-versions",
  "config",
  "plugin",
  "version",
  "options",
  "help",
] as const;

/** cobra's ld: Levenshtein distance, case-insensitive. */
function distance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[t.length] ?? 0;
}

/** cobra's findSuggestions: "" or "\n\nDid you mean this?\n\tNAME\n...". */
export function suggestionsFor(typed: string): string {
  const lower = typed.toLowerCase();
  const found = KUBECTL_COMMAND_ORDER.filter((name) => distance(typed, name) <= 2 || name.startsWith(lower));
  return found.length === 0 ? "" : `\n\nDid you mean this?\n${found.map((name) => `\t${name}\n`).join("")}`;
}
