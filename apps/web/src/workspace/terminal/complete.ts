// Tab completion for the kubectl terminal: commands, resource types, object names, containers, files,
// output formats and namespaces. Pure: what to offer depends only on the line and the cluster's names.
import { completionFlags } from "@kubejam/kubectl";

export interface CompletionContext {
  commands: readonly string[];
  /** Resource types as kubectl accepts them, with the Kind they name. */
  resources: readonly { kind: string; names: readonly string[] }[];
  /** Object names per Kind. */
  objects: Readonly<Record<string, readonly string[]>>;
  /** Container names per pod name. */
  containers: Readonly<Record<string, readonly string[]>>;
  files: readonly string[];
}

export interface Completion {
  /** Where the word being completed starts in the line. */
  start: number;
  /** Every candidate, sorted. */
  candidates: string[];
  /** The longest text every candidate starts with (what Tab inserts). */
  common: string;
}

export const SHELL_WORDS = [
  "kubectl",
  "k",
  "kjctl",
  "trace",
  "why",
  "advance",
  "clear",
  "help",
  "history",
] as const;
/** The simulator's own commands (kjctl's), typed bare or after `kjctl`. */
export const KJ_WORDS = ["advance", "trace", "why"] as const;
const WHY_TYPES: [string, string][] = [
  ["pod", "Pod"],
  ["svc", "Service"],
  ["pvc", "PersistentVolumeClaim"],
];
const DURATIONS = ["10s", "30s", "1m", "5m"];
const RESOURCE_COMMANDS = new Set([
  "get",
  "describe",
  "delete",
  "explain",
  "label",
  "annotate",
  "patch",
  "scale",
  "rollout",
  "set",
  "wait",
]);
/** Commands whose first word is a subcommand; the resource comes after it. */
const SUBCOMMANDS: Record<string, string[]> = {
  rollout: ["history", "restart", "status", "undo"],
  set: ["image"],
};
const POD_COMMANDS = new Set(["exec", "logs"]);
const OUTPUTS = ["json", "jsonpath=", "name", "wide", "yaml"];
function commonPrefix(words: readonly string[]): string {
  const [first, ...rest] = words;
  if (first === undefined) return "";
  let end = first.length;
  for (const w of rest) {
    let i = 0;
    while (i < end && i < w.length && w[i] === first[i]) i++;
    end = i;
  }
  return first.slice(0, end);
}

function offer(start: number, prefix: string, pool: readonly string[]): Completion {
  const candidates = [...new Set(pool.filter((w) => w.startsWith(prefix)))].sort();
  return { start, candidates, common: commonPrefix(candidates) };
}

function kindOf(ctx: CompletionContext, type: string): string | undefined {
  const lower = type.toLowerCase();
  return ctx.resources.find((r) => r.names.includes(lower) || r.kind.toLowerCase() === lower)?.kind;
}

export function complete(line: string, ctx: CompletionContext): Completion {
  const start = line.search(/\S*$/);
  const current = line.slice(start);
  const words = line
    .slice(0, start)
    .trim()
    .split(/\s+/)
    .filter((w) => w !== "");
  const none: Completion = { start, candidates: [], common: "" };
  if (words.length === 0) return offer(start, current, SHELL_WORDS);
  if (words[0] === "kjctl") {
    if (words.length === 1) return offer(start, current, [...KJ_WORDS, ...ctx.commands]);
    const rest = words.slice(1);
    if ((KJ_WORDS as readonly string[]).includes(rest[0] ?? "")) return completeKj(rest, start, current, ctx);
    // kjctl runs kubectl's commands too: complete the same line as kubectl would.
    const inner = complete(`kubectl ${line.slice(line.indexOf("kjctl") + 5).trimStart()}`, ctx);
    return { ...inner, start };
  }
  if ((KJ_WORDS as readonly string[]).includes(words[0] ?? "")) return completeKj(words, start, current, ctx);
  if (words[0] !== "kubectl" && words[0] !== "k") return none;
  const args = words.slice(1);
  if (args.length === 0) return offer(start, current, ctx.commands);
  const command = args[0] ?? "";
  const previous = args.at(-1) ?? "";
  if (args.includes("--")) return none;
  if (previous === "-o" || previous === "--output") return offer(start, current, OUTPUTS);
  // kubectl logs' -f is --follow, which takes no value.
  const fileFlag = (w: string) => w === "--filename" || (w === "-f" && command !== "logs");
  if (fileFlag(previous)) return offer(start, current, [".", ...ctx.files]);
  if (previous === "-n" || previous === "--namespace")
    return offer(start, current, ctx.objects.Namespace ?? []);
  if (previous === "-c" || previous === "--container") {
    const pod = args.slice(1).find((a) => !a.startsWith("-") && (ctx.objects.Pod ?? []).includes(a));
    return offer(start, current, pod ? (ctx.containers[pod] ?? []) : Object.values(ctx.containers).flat());
  }
  // The flags kubectl has for the command that the simulation acts on.
  if (current.startsWith("-")) return offer(start, current, completionFlags(args));
  // Positional words after the command, skipping flags and their values.
  const positionals: string[] = [];
  for (let i = 1; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a.startsWith("-")) {
      if (
        ["-o", "--output", "-n", "--namespace", "-c", "--container", "-l", "--selector"].includes(a) ||
        fileFlag(a)
      )
        i++;
      continue;
    }
    positionals.push(a);
  }
  const subcommands = SUBCOMMANDS[command];
  if (subcommands) {
    if (positionals.length === 0) return offer(start, current, subcommands);
    positionals.shift();
  }
  if (RESOURCE_COMMANDS.has(command)) {
    const slash = current.indexOf("/");
    if (slash >= 0) {
      const type = current.slice(0, slash);
      const kind = kindOf(ctx, type);
      const names = kind ? (ctx.objects[kind] ?? []) : [];
      return offer(
        start,
        current,
        names.map((n) => `${type}/${n}`),
      );
    }
    if (positionals.length === 0)
      return offer(
        start,
        current,
        ctx.resources.flatMap((r) => r.names),
      );
    const kind = kindOf(ctx, positionals[0] ?? "");
    return offer(start, current, kind ? (ctx.objects[kind] ?? []) : []);
  }
  if (POD_COMMANDS.has(command) && positionals.length === 0)
    return offer(start, current, ctx.objects.Pod ?? []);
  return none;
}

/** `trace FROM URL`, `why KIND/NAME`, `advance DURATION`. */
function completeKj(
  words: readonly string[],
  start: number,
  current: string,
  ctx: CompletionContext,
): Completion {
  const [command, ...args] = words;
  const positionals = args.filter((a) => !a.startsWith("-"));
  const previous = args.at(-1);
  if (previous === "-n" || previous === "--namespace")
    return offer(start, current, ctx.objects.Namespace ?? []);
  if (current.startsWith("-")) return offer(start, current, ["--namespace", "-n"]);
  switch (command) {
    case "trace":
      if (positionals.length === 0)
        return offer(start, current, [
          ...(ctx.objects.Pod ?? []),
          "internet",
          ...(ctx.objects.Node ?? []).map((n) => `node/${n}`),
        ]);
      if (positionals.length === 1)
        return offer(
          start,
          current,
          (ctx.objects.Service ?? []).map((s) => `http://${s}`),
        );
      return offer(start, current, []);
    case "why": {
      if (positionals.length > 0) return offer(start, current, []);
      const slash = current.indexOf("/");
      if (slash < 0)
        return offer(
          start,
          current,
          WHY_TYPES.map(([t]) => `${t}/`),
        );
      const type = current.slice(0, slash);
      const kind = kindOf(ctx, type) ?? WHY_TYPES.find(([t]) => t === type)?.[1];
      return offer(
        start,
        current,
        (kind ? (ctx.objects[kind] ?? []) : []).map((n) => `${type}/${n}`),
      );
    }
    case "advance":
      return offer(start, current, positionals.length === 0 ? DURATIONS : []);
    default:
      return offer(start, current, []);
  }
}
