// A kubectl command line as cobra and pflag read it: which command it names (flags may come before
// it), then that command's flags (its own and the global ones) and positional arguments. See flags/.
import { findCommand } from "./flags/command-tree";
import { type ParsedArgs, parseFlags } from "./flags/flag-set";
import { KUBECTL, type KubectlCommand } from "./flags/kubectl-commands";

export type { ParsedArgs } from "./flags/flag-set";

export interface CommandLine {
  /** The command's names from the root, e.g. ["create", "deployment"]; empty when the line names none. */
  readonly path: readonly string[];
  /** Flags and positionals; the positionals start after the top-level command (subcommands stay). */
  readonly args: ParsedArgs;
  /** Flags the line gave that kubectl has for this command but the simulation does not act on. */
  readonly unsimulated: readonly string[];
  /** The first word that names no command under the path (kubectl's "unknown command" at the top). */
  readonly unknown: string | undefined;
  /** Required flags the line left out, as cobra names them. */
  readonly missing: readonly string[];
  /** The command the line names (the root when it names none). */
  readonly command: KubectlCommand;
}

/** Reads `words` (without the leading `kubectl`) as kubectl 1.33 would. */
export function parseCommandLine(words: readonly string[]): CommandLine {
  const found = findCommand<KubectlCommand>(KUBECTL, words);
  const args = parseFlags(found.path.length === 0 ? words : found.args, found.flags);
  const local = new Set((found.command.flags ?? []).map((f) => f.name));
  const simulated = new Set(found.command.simulated ?? []);
  const unsimulated = [...args.flags.keys()].filter((name) => local.has(name) && !simulated.has(name));
  const missing = (found.command.required ?? []).filter((name) => !args.flags.has(name));
  return { path: found.path, args, unsimulated, unknown: found.next, missing, command: found.command };
}

/**
 * The flags worth offering on a command line that names a command (words after `kubectl`): the ones
 * the simulation acts on, long and short, and the namespace.
 */
export function completionFlags(words: readonly string[]): string[] {
  const { command } = findCommand<KubectlCommand>(KUBECTL, words);
  if (command === KUBECTL) return [];
  const simulated = new Set(command.simulated ?? []);
  const offered = ["--namespace", "-n"];
  for (const spec of command.flags ?? []) {
    if (!simulated.has(spec.name) || spec.name === "help") continue;
    offered.push(`--${spec.name}`);
    if (spec.short) offered.push(`-${spec.short}`);
  }
  return offered;
}

export function flag(args: ParsedArgs, ...names: string[]): string | undefined {
  for (const n of names) {
    const v = args.flags.get(n);
    if (v && v.length > 0) return v[v.length - 1];
  }
  return undefined;
}

export function flags(args: ParsedArgs, name: string): string[] {
  return args.flags.get(name) ?? [];
}

export function boolFlag(args: ParsedArgs, ...names: string[]): boolean {
  const v = flag(args, ...names);
  return v !== undefined && v !== "false";
}
