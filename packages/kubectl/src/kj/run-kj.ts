// The simulator's own commands, beside kubectl's: `kjctl trace` and `kjctl why` (and in kjctl,
// `reset` and `advance`, which need the state file). The browser terminal runs these too.
import { advance, type ClusterState, endAttachedShell } from "@kubejam/engine";
import { flag } from "../args";
import { FlagSet, parseFlags } from "../flags/flag-set";
import { fail, type KubectlResult } from "../result";
import { type TraceCommandResult, traceCommand } from "./trace";
import { whyCommand } from "./why";

export const KJ_COMMANDS = ["advance", "trace", "why"] as const;

/** `end-session POD [-c C] [-n NS] [CODE]`: the shell `kubectl run -it` attached to reads `exit CODE`. */
export const END_SESSION = "end-session";

export function isKjCommand(word: string | undefined): word is (typeof KJ_COMMANDS)[number] {
  return (KJ_COMMANDS as readonly string[]).includes(word ?? "");
}

/** The flags the simulator's own commands take. */
const KJ_FLAGS = new FlagSet([
  { name: "namespace", short: "n", type: "string" },
  { name: "container", short: "c", type: "string" },
]);

/** Runs `advance …`, `trace …` or `why …` (argv without the leading `kjctl`); a trace also returns its hops. */
export function runKj(state: ClusterState, argv: readonly string[]): KubectlResult | TraceCommandResult {
  const [command, ...rest] = argv;
  const args = parseFlags(rest, KJ_FLAGS);
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
    case END_SESSION: {
      // The lesson terminal's `exit` in a `kubectl run -it` shell (its attach stream, which kubectl
      // here does not have): not a command learners type, so not among KJ_COMMANDS.
      const [pod, code = "0"] = args.positionals;
      if (pod === undefined || !/^\d+$/.test(code) || args.positionals.length > 2)
        return fail(state, `error: kjctl ${END_SESSION} POD [-c CONTAINER] [-n NAMESPACE] [EXIT_CODE]`);
      const container = flag(args, "container");
      const namespace = flag(args, "namespace");
      const ended = endAttachedShell(state, {
        pod,
        exitCode: Number(code),
        ...(container !== undefined ? { container } : {}),
        ...(namespace !== undefined ? { namespace } : {}),
      });
      if (!ended.ok) return fail(state, ended.message);
      return { state: ended.state, stdout: "", stderr: "", exitCode: 0 };
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
