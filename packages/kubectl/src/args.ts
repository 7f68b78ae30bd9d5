// kubectl's flag grammar (spf13/pflag): `--name=value`, `--name value`, `-n value`, `-nvalue`,
// grouped short booleans (`-it`), and everything after `--` passed through untouched.
const BOOLEAN_FLAGS = new Set([
  "A",
  "all-namespaces",
  "show-labels",
  "no-headers",
  "i",
  "t",
  "stdin",
  "tty",
  "force",
  "overwrite",
  "all",
  "rm",
  "attach",
  "leave-stdin-open",
  "now",
  "w",
  "watch",
  "recursive",
  "R",
  "ignore-not-found",
  "q",
  "quiet",
  "show-kind",
  "help",
  "h",
  "previous",
  "timestamps",
  "local",
  "dry-run-bool",
  "record",
  "include-uninitialized",
]);
const SHORT_NAMES: Record<string, string> = {
  n: "namespace",
  o: "output",
  l: "selector",
  f: "filename",
  c: "container",
  A: "all-namespaces",
  i: "stdin",
  t: "tty",
  w: "watch",
  R: "recursive",
  q: "quiet",
  h: "help",
  p: "patch",
  L: "label-columns",
};

/** logs' own short flags, both booleans: -p is --previous, -f is --follow (elsewhere -f is --filename). */
const LOGS_SHORT_NAMES: Record<string, string> = { p: "previous", f: "follow" };

export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string[]>;
  /** Arguments after `--`. */
  rest: string[] | undefined;
  errors: string[];
}

export function parseArgs(argv: readonly string[], command: string): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string[]>();
  const errors: string[] = [];
  let rest: string[] | undefined;
  const set = (name: string, value: string) => flags.set(name, [...(flags.get(name) ?? []), value]);
  const own = command === "logs" ? LOGS_SHORT_NAMES : {};
  const isBool = (name: string) =>
    BOOLEAN_FLAGS.has(name) || Object.hasOwn(own, name) || Object.values(own).includes(name);
  const longName = (short: string) => own[short] ?? SHORT_NAMES[short] ?? short;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--") {
      rest = argv.slice(i + 1) as string[];
      break;
    }
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      if (eq !== -1) set(name, arg.slice(eq + 1));
      else if (isBool(name)) set(name, "true");
      else if (i + 1 < argv.length) set(name, argv[++i] ?? "");
      else errors.push(`flag needs an argument: --${name}`);
      continue;
    }
    if (arg.startsWith("-") && arg.length > 1 && !/^-\d/.test(arg)) {
      const body = arg.slice(1);
      const first = body[0] ?? "";
      if (!isBool(first) || (body.length > 1 && body[1] === "=")) {
        const name = longName(first);
        const inline = body.slice(1).replace(/^=/, "");
        if (inline !== "") set(name, inline);
        else if (i + 1 < argv.length) set(name, argv[++i] ?? "");
        else errors.push(`flag needs an argument: '${first}' in -${first}`);
        continue;
      }
      for (const ch of body) {
        if (!isBool(ch)) {
          errors.push(`unknown shorthand flag: '${ch}' in ${arg}`);
          break;
        }
        set(longName(ch), "true");
      }
      continue;
    }
    positionals.push(arg);
  }
  return { positionals, flags, rest, errors };
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
