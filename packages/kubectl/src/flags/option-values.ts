// The flags whose values kubectl reads itself, after pflag: --dry-run (cmdutil.GetDryRunStrategy),
// --validate (cmdutil.GetValidationDirective) and --cascade (delete's GetCascadingStrategy), with
// their warnings and error texts as kubectl 1.33 prints them.
import { flag, type ParsedArgs } from "../args";

export type DryRun = "none" | "client" | "server";

/** A klog line as kubectl writes warnings: `W1203 13:01:44.368915    4127 helpers.go:703] message`. */
export function klogWarning(clockMs: number, source: string, message: string): string {
  const t = new Date(clockMs);
  const two = (n: number) => String(n).padStart(2, "0");
  const micros = String(t.getUTCMilliseconds() * 1000).padStart(6, "0");
  const header =
    `W${two(t.getUTCMonth() + 1)}${two(t.getUTCDate())} ` +
    `${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:${two(t.getUTCSeconds())}.${micros}`;
  return `${header} ${String(KUBECTL_PID).padStart(7)} ${source}] ${message}\n`;
}

/** The simulated kubectl process's id in its log lines. */
const KUBECTL_PID = 4127;

const TRUE = new Set(["1", "t", "T", "TRUE", "true", "True"]);
const FALSE = new Set(["0", "f", "F", "FALSE", "false", "False"]);

export type OptionValue<T> = { ok: true; value: T; warning: string } | { ok: false; message: string };

/** cmdutil.GetDryRunStrategy: `--dry-run` alone and boolean values still work, with a warning. */
export function dryRunOption(args: ParsedArgs, clockMs: number): OptionValue<DryRun> {
  const text = flag(args, "dry-run") ?? "none";
  if (TRUE.has(text))
    return {
      ok: true,
      value: "client",
      warning: klogWarning(
        clockMs,
        "helpers.go:717",
        `--dry-run=${text} is deprecated (boolean value) and can be replaced with --dry-run=client.`,
      ),
    };
  if (FALSE.has(text))
    return {
      ok: true,
      value: "none",
      warning: klogWarning(
        clockMs,
        "helpers.go:720",
        `--dry-run=${text} is deprecated (boolean value) and can be replaced with --dry-run=none.`,
      ),
    };
  if (text === "unchanged")
    return {
      ok: true,
      value: "client",
      warning: klogWarning(
        clockMs,
        "helpers.go:703",
        "--dry-run is deprecated and can be replaced with --dry-run=client.",
      ),
    };
  if (text === "none" || text === "client" || text === "server")
    return { ok: true, value: text, warning: "" };
  return {
    ok: false,
    message: `error: Invalid dry-run value (${text}). Must be "none", "server", or "client".`,
  };
}

/** What kubectl appends to a success line under --dry-run (cmdutil.PrintFlagsWithDryRunStrategy). */
export function dryRunSuffix(mode: DryRun): string {
  return mode === "client" ? " (dry run)" : mode === "server" ? " (server dry run)" : "";
}

export type Validation = "Strict" | "Warn" | "Ignore";

/** cmdutil.GetValidationDirective. */
export function validateOption(args: ParsedArgs): OptionValue<Validation> {
  const text = flag(args, "validate") ?? "strict";
  if (text === "strict" || TRUE.has(text)) return { ok: true, value: "Strict", warning: "" };
  if (text === "warn") return { ok: true, value: "Warn", warning: "" };
  if (text === "ignore" || FALSE.has(text)) return { ok: true, value: "Ignore", warning: "" };
  return {
    ok: false,
    message: `error: invalid - validate option "${text}"; must be one of: strict (or true), warn, ignore (or false)`,
  };
}

export type Cascade = "background" | "foreground" | "orphan";

/** delete's GetCascadingStrategy: boolean values still work, with a warning. */
export function cascadeOption(args: ParsedArgs): OptionValue<Cascade> {
  const text = flag(args, "cascade") ?? "background";
  const deprecated = (value: Cascade) => ({
    ok: true as const,
    value,
    warning: `warning: --cascade=${text} is deprecated (boolean value) and can be replaced with --cascade=${value}.\n`,
  });
  if (TRUE.has(text)) return deprecated("background");
  if (FALSE.has(text)) return deprecated("orphan");
  if (text === "background" || text === "foreground" || text === "orphan")
    return { ok: true, value: text, warning: "" };
  return {
    ok: false,
    message: `error: invalid cascade value (${text}). Must be "background", "foreground", or "orphan"`,
  };
}
