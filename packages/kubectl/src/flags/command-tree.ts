// Which kubectl command a command line names, found as cobra's Command.Find finds it: words that are
// not flags (or a flag's value) walk down the tree of commands; flags may come anywhere, even before
// the command (`kubectl -n kube-system get pods`).
import { FlagSet, type FlagSpec } from "./flag-set";

export interface CommandNode {
  readonly name: string;
  readonly aliases?: readonly string[];
  /** The command's own (local) flags: its subcommands do not inherit them. */
  readonly flags?: readonly FlagSpec[];
  /** Flags the command and every command under it accept (the root's global flags, `config --kubeconfig`). */
  readonly persistentFlags?: readonly FlagSpec[];
  readonly children?: readonly CommandNode[];
}

export interface FoundCommand<T extends CommandNode> {
  /** Names from the root, e.g. ["create", "deployment"] (the canonical names, not aliases). */
  readonly path: readonly string[];
  /** The command found (the root when the words name none). */
  readonly command: T;
  /**
   * The words without the top-level command's name: the subcommands' names stay, as the positional
   * arguments the command reads (`create deployment web` gives create ["deployment", "web"]).
   */
  readonly args: readonly string[];
  /** The first word after the command's path that names none of its subcommands. */
  readonly next: string | undefined;
  /** Every flag the command accepts: its own, then the persistent ones of it and its ancestors. */
  readonly flags: FlagSet;
}

/** cobra's Find: the deepest command the line's non-flag words name. */
export function findCommand<T extends CommandNode>(root: T, argv: readonly string[]): FoundCommand<T> {
  const chain: T[] = [root];
  let args = [...argv];
  let afterTop = args;
  let unmatched: string | undefined;
  for (;;) {
    const current = chain[chain.length - 1] as T;
    const words = stripFlags(args, flagSetOf(chain));
    const next = words[0];
    const child =
      next === undefined
        ? undefined
        : (current.children?.find((c) => c.name === next || c.aliases?.includes(next)) as T | undefined);
    if (!child || next === undefined) {
      unmatched = next;
      break;
    }
    chain.push(child);
    args = argsMinusFirst(args, next, flagSetOf(chain.slice(0, -1)));
    if (chain.length === 2) afterTop = args;
  }
  return {
    path: chain.slice(1).map((c) => c.name),
    command: chain[chain.length - 1] as T,
    args: afterTop,
    next: unmatched,
    flags: flagSetOf(chain),
  };
}

/** The flags the last command of a chain accepts: its own, then persistent flags from it up to the root. */
function flagSetOf(chain: readonly CommandNode[]): FlagSet {
  const last = chain[chain.length - 1] as CommandNode;
  const specs: FlagSpec[] = [...(last.flags ?? [])];
  for (let i = chain.length - 1; i >= 0; i--) specs.push(...(chain[i]?.persistentFlags ?? []));
  return new FlagSet(specs);
}

/** Whether a `--name` or `-x` word (without `=`) consumes the next word as its value. */
function takesNextWord(word: string, flags: FlagSet): boolean {
  if (word.includes("=")) return false;
  if (word.startsWith("--")) return !flags.takesNoArgument(flags.lookup(word.slice(2)));
  return word.length === 2 && !flags.takesNoArgument(flags.lookupShort(word.slice(1)));
}

/** cobra's stripFlags: the words that are neither flags nor their values, up to `--`. */
function stripFlags(args: readonly string[], flags: FlagSet): string[] {
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i] ?? "";
    if (word === "--") break;
    if (word.startsWith("-") && takesNextWord(word, flags)) {
      // cobra stops looking when the flag's value would be the last word.
      if (args.length - i - 1 <= 1) break;
      i++;
    } else if (word !== "" && !word.startsWith("-")) words.push(word);
  }
  return words;
}

/** cobra's argsMinusFirstX: the arguments without the first occurrence of the subcommand's name. */
function argsMinusFirst(args: readonly string[], name: string, flags: FlagSet): string[] {
  for (let i = 0; i < args.length; i++) {
    const word = args[i] ?? "";
    if (word === "--") break;
    if (word.startsWith("-") && takesNextWord(word, flags)) {
      i++;
      continue;
    }
    if (word === name) return [...args.slice(0, i), ...args.slice(i + 1)];
  }
  return [...args];
}
