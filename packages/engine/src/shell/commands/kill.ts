/**
 * `kill`: busybox's applet and the builtin of ash, dash and bash. A container's pid namespace holds
 * PID 1, the main process, and the exec session's own processes: a signal to PID 1 is recorded on
 * `ShellEnv.mainProcess` and the kubelet decides what the main process does with it
 * (controllers/kubelet/main-signals.ts); any other pid is "No such process".
 */
import type { Io } from "../io";
import type { Program } from "../program-context";
import type { ShellEnv } from "../types";

/** Linux signal names by number (x86-64), as busybox and dash spell them. */
export const SIGNAL_NAMES = [
  "",
  "HUP",
  "INT",
  "QUIT",
  "ILL",
  "TRAP",
  "ABRT",
  "BUS",
  "FPE",
  "KILL",
  "USR1",
  "SEGV",
  "USR2",
  "PIPE",
  "ALRM",
  "TERM",
  "STKFLT",
  "CHLD",
  "CONT",
  "STOP",
  "TSTP",
  "TTIN",
  "TTOU",
  "URG",
  "XCPU",
  "XFSZ",
  "VTALRM",
  "PROF",
  "WINCH",
  "IO",
  "PWR",
  "SYS",
] as const;

/** The number of a signal named in the table: `signalOf("TERM")` is 15. */
export function signalOf(name: Exclude<(typeof SIGNAL_NAMES)[number], "">): number {
  return SIGNAL_NAMES.indexOf(name);
}

export const SIGTERM = signalOf("TERM");

/** `TERM`, `SIGTERM`, `term`, `15` -> 15; undefined for anything else. */
export function signalNumber(spec: string): number | undefined {
  if (/^\d+$/.test(spec)) {
    const n = Number(spec);
    return n <= 64 ? n : undefined;
  }
  const name = spec.toUpperCase().replace(/^SIG/, "");
  const n = (SIGNAL_NAMES as readonly string[]).indexOf(name);
  return n > 0 ? n : undefined;
}

/** Whose messages: busybox (applet or ash builtin), dash's builtin or bash's. */
export interface KillDialect {
  kind: "busybox" | "dash" | "bash";
  /** What comes before the message: "kill: ", "sh: ", "sh: 1: kill: ", "bash: line 1: kill: ". */
  prefix: string;
}

const BUSYBOX_USAGE =
  "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: kill [-l] [-SIG] PID...\n\nSend a signal (default: TERM) to given PIDs\n\n\t-l\tList all signal names and numbers\n";

function usage(d: KillDialect): string {
  if (d.kind === "busybox") return BUSYBOX_USAGE;
  if (d.kind === "dash")
    return `${d.prefix}Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]\n`;
  return `${d.prefix}usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n`;
}

function badSignal(d: KillDialect, spec: string): string {
  if (d.kind === "busybox") return `${d.prefix}bad signal name '${spec}'\n`;
  if (d.kind === "dash") return `${d.prefix}invalid signal number or name: ${spec}\n`;
  return `${d.prefix}${spec}: invalid signal specification\n`;
}

function badPid(d: KillDialect, pid: string): string {
  if (d.kind === "busybox") return `${d.prefix}invalid number '${pid}'\n`;
  if (d.kind === "dash") return `${d.prefix}Illegal number: ${pid}\n`;
  return `${d.prefix}${pid}: arguments must be process or job IDs\n`;
}

function noSuchProcess(d: KillDialect, pid: number): string {
  if (d.kind === "busybox") return `${d.prefix}can't kill pid ${pid}: No such process\n`;
  if (d.kind === "dash") return `${d.prefix}No such process\n`;
  return `${d.prefix}(${pid}) - No such process\n`;
}

function list(d: KillDialect): string {
  const names = SIGNAL_NAMES.slice(1);
  if (d.kind === "dash") return `${names.join("\n")}\n`;
  if (d.kind === "busybox") return names.map((n, i) => `${String(i + 1).padStart(2)}) ${n}\n`).join("");
  const cells = names.map((n, i) => `${String(i + 1).padStart(2)}) SIG${n}`);
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += 5) rows.push(cells.slice(i, i + 5).join("\t"));
  return `${rows.join("\n")}\n`;
}

/** Runs `kill ARGS` from process `self`; returns the exit status. */
export function kill(argv: readonly string[], io: Io, sys: ShellEnv, d: KillDialect, self: number): number {
  let args = argv.slice(1);
  let signal = SIGTERM;
  const first = args[0];
  if (first === "-l" || first === "-L") {
    io.out.write(list(d));
    return 0;
  }
  // The signal: `-s SPEC` / `-n N`, or `-SPEC` / `-N` in one word.
  const separate = first === "-s" || first === "-n";
  const spec = separate ? args[1] : first?.startsWith("-") && first !== "--" ? first.slice(1) : undefined;
  if (separate && spec === undefined) {
    io.err.write(usage(d));
    return d.kind === "bash" ? 2 : 1;
  }
  if (spec !== undefined) {
    const n = signalNumber(spec);
    if (n === undefined) {
      io.err.write(badSignal(d, spec));
      return 1;
    }
    signal = n;
    args = args.slice(separate ? 2 : 1);
  }
  if (args[0] === "--") args = args.slice(1);
  if (args.length === 0) {
    io.err.write(usage(d));
    return d.kind === "bash" ? 2 : 1;
  }
  let status = 0;
  for (const text of args) {
    if (!/^-?\d+$/.test(text)) {
      io.err.write(badPid(d, text));
      status = 1;
      if (d.kind === "dash") return 2;
      continue;
    }
    const pid = Number(text);
    // 0 is the caller's own process group and -1 every process but PID 1 (kill(2)): the exec
    // session, which lives on; so does the caller's own pid.
    if (pid === 1) {
      if (signal !== 0) sys.mainProcess?.signals.push({ signal, from: self });
    } else if ((pid > 1 && pid !== self) || pid < -1) {
      io.err.write(noSuchProcess(d, pid));
      status = 1;
    }
  }
  return status;
}

/** busybox's `kill` applet. */
export const killApplet: Program = (ctx) =>
  kill(ctx.argv, ctx.io, ctx.sys, { kind: "busybox", prefix: "kill: " }, ctx.rt.nextPid());
