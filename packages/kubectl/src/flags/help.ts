// `kubectl [COMMAND] --help`, `kubectl help [COMMAND]` and `kubectl options`: kubectl 1.33's own pages
// (help-pages.ts), each followed by a line naming what kubectl offers there that the simulation does
// not (those flags and subcommands are answered with "not simulated here").
import { GLOBAL_OPTIONS, HELP_PAGES } from "./help-pages";
import type { KubectlCommand } from "./kubectl-commands";

/** Commands kubectl has beside the ones it runs: cobra's `help`, and `options` (see globalOptionsText). */
const ANSWERED_ELSEWHERE = new Set(["help", "options"]);

export function helpText(path: readonly string[], command: KubectlCommand): string {
  const key = path.join(" ");
  const page = HELP_PAGES[key];
  // help.test.ts holds every command of the tree to having a page.
  if (page === undefined) throw new Error(`no help page for "kubectl ${key}"`);
  const missing = notSimulated(page, command);
  return missing.length === 0 ? page : `${page}\nNot simulated here: ${missing.join(", ")}.\n`;
}

/** What `kubectl options` prints, and which of those flags change anything here. */
export function globalOptionsText(): string {
  return `${GLOBAL_OPTIONS}\nActed on here: -n, --namespace. The others are accepted and change nothing.\n`;
}

/** The usage cobra prints after "Unknown help topic": kubectl's page without its opening description. */
export function rootUsage(): string {
  const page = HELP_PAGES[""] ?? "";
  return `\n\n${page.slice(page.indexOf("Basic Commands"))}`;
}

/** The subcommands and flags kubectl's page lists for `command` that the simulation does not run. */
function notSimulated(page: string, command: KubectlCommand): string[] {
  const children = new Set((command.children ?? []).map((c) => c.name));
  const commands = listedCommands(page).filter(
    (name) => !children.has(name) && !ANSWERED_ELSEWHERE.has(name),
  );
  const simulated = new Set(command.simulated ?? []);
  const flags = (command.flags ?? [])
    .filter((f) => !simulated.has(f.name) && page.includes(`--${f.name}=`))
    .map((f) => `--${f.name}`)
    .sort();
  return [...commands, ...flags];
}

/** The commands a page lists: under kubectl's own headings ("Deploy Commands:") or "Available Commands:". */
function listedCommands(page: string): string[] {
  const names: string[] = [];
  let inList = false;
  for (const line of page.split("\n")) {
    if (/^[A-Z][\w ()]*Commands[\w ()]*:$/.test(line)) inList = true;
    else if (line === "") inList = false;
    else if (inList) {
      const name = /^ {2}(\S+)/.exec(line)?.[1];
      if (name) names.push(name);
    }
  }
  return names;
}
