// The flags whose values kubectl reads itself, after pflag: --dry-run (cmdutil.GetDryRunStrategy),
// --validate (cmdutil.GetValidationDirective) and --cascade (delete's GetCascadingStrategy), with
// their warnings and error texts as kubectl 1.33 prints them.
import { flag, type ParsedArgs } from "../args";
import { parseGoBool } from "./flag-set";

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

export type OptionValue<T> = { ok: true; value: T; warning: string } | { ok: false; message: string };

/** cmdutil.GetDryRunStrategy: `--dry-run` alone and boolean values still work, with a warning. */
export function dryRunOption(args: ParsedArgs, clockMs: number): OptionValue<DryRun> {
  const text = flag(args, "dry-run") ?? "none";
  const warn = (value: DryRun, source: string, message: string) => ({
    ok: true as const,
    value,
    warning: klogWarning(clockMs, source, message),
  });
  const bool = parseGoBool(text);
  if (bool !== undefined) {
    const value = bool ? "client" : "none";
    return warn(
      value,
      bool ? "helpers.go:717" : "helpers.go:720",
      `--dry-run=${text} is deprecated (boolean value) and can be replaced with --dry-run=${value}.`,
    );
  }
  if (text === "unchanged")
    return warn(
      "client",
      "helpers.go:703",
      "--dry-run is deprecated and can be replaced with --dry-run=client.",
    );
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
  if (text === "strict" || parseGoBool(text) === true) return { ok: true, value: "Strict", warning: "" };
  if (text === "warn") return { ok: true, value: "Warn", warning: "" };
  if (text === "ignore" || parseGoBool(text) === false) return { ok: true, value: "Ignore", warning: "" };
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
  const bool = parseGoBool(text);
  if (bool !== undefined) return deprecated(bool ? "background" : "orphan");
  if (text === "background" || text === "foreground" || text === "orphan")
    return { ok: true, value: text, warning: "" };
  return {
    ok: false,
    message: `error: invalid cascade value (${text}). Must be "background", "foreground", or "orphan"`,
  };
}
