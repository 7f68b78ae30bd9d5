/** What a simulated program gets when it runs. */
import type { ContainerFs } from "../fs/container-fs";
import type { Io } from "./io";
import type { Listener, ShellEnv, ShellFlavour } from "./types";

/** Message style of the userland: busybox applets or GNU coreutils & co. */
export type ToolStyle = "busybox" | "gnu";

export interface Runtime {
  readonly mode: "exec" | "start";
  /** Virtual ms spent so far. */
  elapsed: number;
  /** Servers started so far. */
  readonly listeners: Listener[];
  /** Clock reading (ms since epoch) at this point of the run. */
  now(): number;
  /** Lets virtual time pass; may decide the process now counts as long-running (throws BlockSignal). */
  advance(ms: number): void;
  /** Counts one step against the run's budget (throws LimitError past it). */
  step(): void;
  /** Starts serving: records the listeners and blocks forever. */
  serve(listeners: Listener[]): never;
  /** Blocks forever (sleep infinity, tail -f). */
  block(): never;
  /** Runs a shell (sh/ash/dash/bash program) with the context's argv. */
  runShell(flavour: Exclude<ShellFlavour, "none">, ctx: ProgramContext): number;
  /**
   * Runs a program found on PATH (as env and `exec "$@"` do); `notFound` renders the
   * message when there is no such program (exit 127).
   */
  spawn(argv: string[], ctx: ProgramContext, notFound?: (name: string) => string): number;
  /** A fresh process id. */
  nextPid(): number;
}

export interface ProgramContext {
  /** argv[0] is the name as invoked. */
  argv: string[];
  /** The tool/applet name (basename). */
  name: string;
  style: ToolStyle;
  io: Io;
  /** Exported environment. */
  env: Record<string, string>;
  fs: ContainerFs;
  sys: ShellEnv;
  rt: Runtime;
  /** Set when a shell runs the tool as its builtin (dash's echo differs). */
  shellKind?: "busybox" | "dash" | "bash";
}

export type Program = (ctx: ProgramContext) => number;

export function out(ctx: ProgramContext, text: string): void {
  ctx.io.out.write(text);
}

export function err(ctx: ProgramContext, text: string): void {
  ctx.io.err.write(text);
}

/** Writes "name: message\n" to stderr and returns `code`. */
export function fail(ctx: ProgramContext, message: string, code = 1): number {
  ctx.io.err.write(`${ctx.name}: ${message}\n`);
  return code;
}
