// The simulator's own commands, beside kubectl's: `kjctl trace` and `kjctl why` (and in kjctl,
// `reset` and `advance`, which need the state file). The browser terminal runs these too.
import { advance, type ClusterState } from "@kubejam/engine";
import { parseArgs } from "../args";
import { fail, type KubectlResult } from "../result";
import { type TraceCommandResult, traceCommand } from "./trace";
import { whyCommand } from "./why";

export const KJ_COMMANDS = ["advance", "trace", "why"] as const;

export function isKjCommand(word: string | undefined): word is (typeof KJ_COMMANDS)[number] {
  return (KJ_COMMANDS as readonly string[]).includes(word ?? "");
}

/** Runs `advance …`, `trace …` or `why …` (argv without the leading `kjctl`); a trace also returns its hops. */
export function runKj(state: ClusterState, argv: readonly string[]): KubectlResult | TraceCommandResult {
  const [command, ...rest] = argv;
  const args = parseArgs(rest, "get");
  if (args.errors.length > 0) return fail(state, `error: ${args.errors[0]}`);
  switch (command) {
    case "trace":
      return traceCommand(state, args);
    case "why":
      return whyCommand(state, args);
    case "advance": {
      const ms = parseDuration(args.positionals[0] ?? "");
      if (ms === undefined || args.positionals.length !== 1)
        return fail(state, "error: kjctl advance DURATION, e.g. 30s, 5m");
      return { state: advance(state, ms), stdout: "", stderr: "", exitCode: 0 };
    }
    default:
      return fail(state, `error: unknown command "${command ?? ""}"`);
  }
}

/** `30s`, `5m`, `1h`, `250ms`; a bare number is seconds. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+)(ms|s|m|h)?$/.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n * ({ ms: 1, s: 1000, m: 60000, h: 3600000 }[m[2] ?? "s"] ?? 1000);
}
