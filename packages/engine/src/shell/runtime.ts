/** The per-process runtime: virtual time, step budget, listeners, and shells. */
import { programOf } from "../images/executable";
import { Shell } from "./interpreter";
import type { Io } from "./io";
import { lookPath } from "./look-path";
import type { ProgramContext, Runtime } from "./program-context";
import { runProgram } from "./programs";
import { runShellProgram } from "./shell-program";
import { BlockSignal, LimitError } from "./signals";
import type { Listener, ShellEnv, ShellFlavour } from "./types";

/** Commands, loop iterations and expansions one run may take. */
export const MAX_STEPS = 20_000;
/** A main process still busy after this long counts as running. */
export const START_RUNNING_AFTER_MS = 60_000;
/** An exec still busy after this long is reported as still running. */
export const EXEC_GIVE_UP_AFTER_MS = 3_600_000;

export class ProcessRuntime implements Runtime {
  elapsed = 0;
  readonly listeners: Listener[] = [];
  private steps = 0;
  private pid: number;

  constructor(
    readonly mode: "exec" | "start",
    private readonly sys: ShellEnv,
    firstPid = 1,
  ) {
    this.pid = firstPid - 1;
  }

  now(): number {
    return this.sys.now + this.elapsed;
  }

  advance(ms: number): void {
    this.elapsed += Math.max(0, ms);
    const limit = this.mode === "start" ? START_RUNNING_AFTER_MS : EXEC_GIVE_UP_AFTER_MS;
    if (this.elapsed > limit) {
      this.elapsed = limit;
      throw new BlockSignal("wait");
    }
  }

  step(): void {
    if (++this.steps > MAX_STEPS) throw new LimitError("step budget exhausted");
  }

  serve(listeners: Listener[]): never {
    for (const l of listeners) if (!this.listeners.some((x) => x.port === l.port)) this.listeners.push(l);
    throw new BlockSignal("server");
  }

  block(): never {
    throw new BlockSignal("wait");
  }

  runShell(flavour: Exclude<ShellFlavour, "none">, ctx: ProgramContext): number {
    return runShellProgram(flavour, ctx);
  }

  spawn(argv: string[], ctx: ProgramContext, notFound?: (name: string) => string): number {
    const name = argv[0] ?? "";
    const path = lookPath(this.sys.fs, ctx.env.PATH, name);
    if (path === undefined) {
      ctx.io.err.write(
        notFound
          ? notFound(name)
          : ctx.style === "gnu"
            ? `${ctx.name}: '${name}': No such file or directory\n`
            : `${ctx.name}: can't execute '${name}': No such file or directory\n`,
      );
      return 127;
    }
    return this.exec(argv, ctx.io, ctx.env, path);
  }

  /**
   * Runs what `path` (found for argv[0]) holds with `env` as its environment, as a shell's exec
   * does. A program image runs straight away: a shell built only to copy the environment into its
   * variables and back out cost more than most programs do. Anything else (a script, a file that is
   * not executable) goes through a shell, for its interpreter lookup and its messages.
   */
  exec(argv: string[], io: Io, env: Record<string, string>, path: string): number {
    const fs = this.sys.fs;
    const st = fs.tryStat(path);
    const program = st?.type === "file" && (st.mode & 0o111) !== 0 ? programOf(fs.readFile(path)) : undefined;
    if (program === undefined) return this.shell(env, argv[0] ?? "sh").spawn(argv, io, path);
    this.nextPid(); // the pid the shell would have taken
    const cwd = fs.cwd;
    try {
      return runProgram(program, argv, { io, env: { ...env }, fs, sys: this.sys, rt: this });
    } finally {
      fs.cwd = cwd;
    }
  }

  /** A shell of the image's flavour to run programs with. */
  shell(env: Record<string, string>, arg0: string): Shell {
    const kind = this.sys.flavour === "busybox" ? "busybox" : this.sys.flavour === "bash" ? "bash" : "dash";
    return new Shell({ kind, arg0, args: [], script: false, env, sys: this.sys, rt: this });
  }

  nextPid(): number {
    return ++this.pid;
  }
}
