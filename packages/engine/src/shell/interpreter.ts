/** Runs parsed shell scripts against a container file system. */
import type { ContainerFs } from "../fs/container-fs";
import { programOf } from "../images/executable";
import { ArithError } from "./arith";
import type { AndOr, Command, List, Pipeline } from "./ast";
import { BUILTINS } from "./builtins";
import { type ExpandHost, expandWord, expandWords } from "./expand";
import { BufferSink, type Io, NULL_SINK, type Sink } from "./io";
import { lookPath } from "./look-path";
import {
  notFound,
  permissionDenied,
  prefix,
  type ShellIdentity,
  type ShellKind,
  syntaxError,
} from "./messages";
import { ParseError, parseScript } from "./parser";
import type { Runtime } from "./program-context";
import { runProgram } from "./programs";
import { withRedirs } from "./redirections";
import { BlockSignal, ExitSignal, LimitError, LoopSignal, ReturnSignal } from "./signals";
import type { ShellEnv } from "./types";

const MAX_FUNC_DEPTH = 100;
const MAX_SHEBANG_DEPTH = 4;

export interface ShellInit {
  kind: ShellKind;
  arg0: string;
  args: string[];
  script: boolean;
  env: Record<string, string>;
  sys: ShellEnv;
  rt: Runtime;
}

/** A shell-level error: printed with the shell's prefix; the shell exits with status 2. */
class ShellError extends Error {}

export class Shell implements ExpandHost {
  readonly id: ShellIdentity;
  readonly fs: ContainerFs;
  readonly sys: ShellEnv;
  readonly rt: Runtime;
  vars = new Map<string, string>();
  exported = new Set<string>();
  funcs = new Map<string, Command>();
  args: string[];
  status = 0;
  /** Status of the last command substitution (an assignment-only command returns it). */
  substStatus = 0;
  line = 1;
  errexit = false;
  condDepth = 0;
  funcDepth = 0;
  lastBgPid = "";
  hadBackgroundJobs = false;
  readonly pid: number;
  private err: Sink = NULL_SINK;

  constructor(init: ShellInit) {
    this.id = { kind: init.kind, arg0: init.arg0, script: init.script };
    this.fs = init.sys.fs;
    this.sys = init.sys;
    this.rt = init.rt;
    this.args = init.args;
    this.pid = init.rt.nextPid();
    const env = init.env;
    for (const k in env) {
      this.vars.set(k, env[k] as string);
      this.exported.add(k);
    }
    if (!this.vars.has("PWD")) this.vars.set("PWD", this.fs.cwd);
    if (!this.vars.has("IFS")) this.vars.set("IFS", " \t\n");
  }

  /** Parses and runs a script; returns its exit status. */
  run(src: string, io: Io): number {
    let list: List;
    try {
      list = parseScript(src);
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      io.err.write(syntaxError(this.id, e, src));
      return 2;
    }
    return this.runTop(list, io);
  }

  /** eval / source: runs text in this shell (exit still ends the shell). */
  runNested(src: string, io: Io): number {
    let list: List;
    try {
      list = parseScript(src);
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      io.err.write(syntaxError(this.id, e, src));
      return 2;
    }
    return this.runList(list, io);
  }

  /**
   * Runs a program from PATH (no builtins, no functions), as env and exec "$@" do. `path` is what
   * `lookPath(argv[0])` just returned for this shell, when the caller asked already: a container
   * start would otherwise search PATH twice for each program it runs.
   */
  spawn(argv: string[], io: Io, path?: string): number {
    return this.runExternal(argv, io, {}, 0, path);
  }

  private runTop(list: List, io: Io): number {
    try {
      return this.runList(list, io);
    } catch (e) {
      if (e instanceof ExitSignal) return e.code;
      if (e instanceof ReturnSignal) return e.code;
      if (e instanceof LoopSignal) return this.status;
      if (e instanceof ShellError) {
        io.err.write(`${prefix(this.id, this.line)}${e.message}\n`);
        return 2;
      }
      throw e;
    }
  }

  clone(): Shell {
    const sub = Object.create(Shell.prototype) as Shell;
    Object.assign(sub, this);
    sub.vars = new Map(this.vars);
    sub.exported = new Set(this.exported);
    sub.funcs = new Map(this.funcs);
    sub.args = [...this.args];
    return sub;
  }

  /** Runs `fn` in a subshell: variables and cwd changes do not leak back. */
  private inSubshell(fn: (sub: Shell) => number): number {
    const cwd = this.fs.cwd;
    const sub = this.clone();
    try {
      return fn(sub);
    } catch (e) {
      if (e instanceof ExitSignal) return e.code;
      if (e instanceof LoopSignal || e instanceof ReturnSignal) return sub.status;
      throw e;
    } finally {
      this.fs.cwd = cwd;
    }
  }

  // ExpandHost
  getVar(name: string): string | undefined {
    return this.vars.get(name);
  }

  setVar(name: string, value: string): void {
    this.vars.set(name, value);
  }

  positional(): string[] {
    return this.args;
  }

  special(name: string): string | undefined {
    switch (name) {
      case "?":
        return String(this.status);
      case "$":
        return String(this.pid);
      case "#":
        return String(this.args.length);
      case "0":
        return this.id.arg0;
      case "!":
        return this.lastBgPid;
      case "-":
        return this.errexit ? "e" : "";
      default:
        return undefined;
    }
  }

  substitute(list: List): string {
    const out = new BufferSink();
    this.substStatus = this.inSubshell((sub) => sub.runList(list, { stdin: "", out, err: this.err }));
    return out.text;
  }

  fail(message: string): never {
    if (message.startsWith("too many") || message.includes("too long")) throw new LimitError(message);
    throw new ShellError(message);
  }

  /** Environment exported to child processes. */
  exportedEnv(extra: Record<string, string> = {}): Record<string, string> {
    const env: Record<string, string> = {};
    for (const name of this.exported) {
      const v = this.vars.get(name);
      if (v !== undefined) env[name] = v;
    }
    // Assigning keeps the order a spread gives (a key already there stays in its place) without a copy.
    for (const name in extra) env[name] = extra[name] as string;
    return env;
  }

  runList(list: List, io: Io): number {
    for (const item of list.items) {
      if (item.background) {
        this.runBackground(item.andOr, io);
        continue;
      }
      this.status = this.runAndOr(item.andOr, io);
    }
    return this.status;
  }

  private runBackground(andOr: AndOr, io: Io): void {
    const elapsed = this.rt.elapsed;
    this.hadBackgroundJobs = true;
    try {
      this.inSubshell((sub) => sub.runAndOr(andOr, { ...io, stdin: "" }));
    } catch (e) {
      if (!(e instanceof BlockSignal)) throw e;
    } finally {
      this.rt.elapsed = elapsed;
    }
    this.lastBgPid = String(this.rt.nextPid());
    this.status = 0;
  }

  private runAndOr(andOr: AndOr, io: Io): number {
    const hasRest = andOr.rest.length > 0;
    if (hasRest) this.condDepth++;
    let status: number;
    let final = !hasRest;
    try {
      status = this.runPipeline(andOr.first, io);
      for (const [i, { op, pipeline }] of andOr.rest.entries()) {
        if ((op === "&&" && status !== 0) || (op === "||" && status === 0)) continue;
        const last = i === andOr.rest.length - 1;
        if (last) this.condDepth--;
        try {
          status = this.runPipeline(pipeline, io);
        } finally {
          if (last) this.condDepth++;
        }
        final = last;
      }
    } finally {
      if (hasRest) this.condDepth--;
    }
    this.status = status;
    if (final && status !== 0 && this.errexit && this.condDepth === 0) throw new ExitSignal(status);
    return status;
  }

  private runPipeline(p: Pipeline, io: Io): number {
    let status: number;
    if (p.commands.length === 1 && p.commands[0] !== undefined) {
      if (p.negate) this.condDepth++;
      try {
        status = this.runCommand(p.commands[0], io);
      } finally {
        if (p.negate) this.condDepth--;
      }
    } else {
      let input = io.stdin;
      status = 0;
      for (const [i, cmd] of p.commands.entries()) {
        const last = i === p.commands.length - 1;
        const out = last ? io.out : new BufferSink();
        status = this.inSubshell((sub) => sub.runCommand(cmd, { stdin: input, out, err: io.err }));
        if (out instanceof BufferSink) input = out.text;
      }
    }
    if (p.negate) status = status === 0 ? 1 : 0;
    this.status = status;
    return status;
  }

  runCommand(cmd: Command, io: Io): number {
    this.rt.step();
    if (cmd.kind === "simple") return this.runSimple(cmd, io);
    if (cmd.kind === "func") {
      this.funcs.set(cmd.name, cmd.body);
      return 0;
    }
    return withRedirs(this, cmd.redirs, io, (rio) => this.runCompound(cmd, rio));
  }

  private runCompound(cmd: Exclude<Command, { kind: "simple" } | { kind: "func" }>, io: Io): number {
    switch (cmd.kind) {
      case "group":
        return cmd.subshell
          ? this.inSubshell((sub) => sub.runList(cmd.body, io))
          : this.runList(cmd.body, io);
      case "if": {
        for (const clause of cmd.clauses) {
          if (this.runCondition(clause.cond, io) === 0) return this.runList(clause.body, io);
        }
        if (cmd.otherwise) return this.runList(cmd.otherwise, io);
        this.status = 0;
        return 0;
      }
      case "loop":
        return this.runLoop(cmd.until, cmd.cond, cmd.body, io);
      case "for": {
        const items = cmd.items ? expandWords(this, cmd.items) : [...this.args];
        let status = 0;
        for (const item of items) {
          this.rt.step();
          this.vars.set(cmd.name, item);
          const r = this.loopBody(cmd.body, io);
          status = this.status;
          if (r === "break") break;
        }
        return status;
      }
    }
  }

  private runCondition(list: List, io: Io): number {
    this.condDepth++;
    try {
      return this.runList(list, io);
    } finally {
      this.condDepth--;
    }
  }

  private runLoop(until: boolean, cond: List, body: List, io: Io): number {
    const cap = this.rt.mode === "start" ? 100 : 1000;
    let status = 0;
    for (let i = 0; ; i++) {
      if (i >= cap) this.rt.block();
      this.rt.step();
      const c = this.runCondition(cond, io);
      if (until ? c === 0 : c !== 0) break;
      const r = this.loopBody(body, io);
      status = this.status;
      if (r === "break") break;
    }
    this.status = status;
    return status;
  }

  private loopBody(body: List, io: Io): "break" | "next" {
    try {
      this.runList(body, io);
      return "next";
    } catch (e) {
      if (!(e instanceof LoopSignal)) throw e;
      if (e.levels > 1) {
        e.levels--;
        throw e;
      }
      return e.kind === "break" ? "break" : "next";
    }
  }

  private runSimple(cmd: Extract<Command, { kind: "simple" }>, io: Io): number {
    this.line = cmd.line;
    this.err = io.err;
    this.substStatus = 0;
    let argv: string[];
    const assigned: Record<string, string> = {};
    try {
      argv = expandWords(this, cmd.words);
      for (const a of cmd.assigns) assigned[a.name] = expandWord(this, a.value);
    } catch (e) {
      if (e instanceof ArithError) throw new ShellError(`arithmetic syntax error`);
      throw e;
    }
    if (argv.length === 0) {
      for (const [k, v] of Object.entries(assigned)) this.vars.set(k, v);
      const status = this.substStatus;
      return withRedirs(this, cmd.redirs, io, () => status);
    }
    return withRedirs(this, cmd.redirs, io, (rio) => this.invoke(argv, rio, assigned));
  }

  /** Runs a command name: function, builtin, or a program from the file system. */
  invoke(argv: string[], io: Io, assigned: Record<string, string> = {}): number {
    const name = argv[0] ?? "";
    const fn = this.funcs.get(name);
    if (fn !== undefined) return this.callFunction(fn, argv.slice(1), io);
    const builtin = BUILTINS[name];
    if (builtin !== undefined && Object.hasOwn(BUILTINS, name)) {
      const saved = new Map<string, string | undefined>();
      for (const [k, v] of Object.entries(assigned)) {
        saved.set(k, this.vars.get(k));
        this.vars.set(k, v);
      }
      try {
        return builtin(this, argv, io);
      } finally {
        for (const [k, v] of saved)
          if (v === undefined) this.vars.delete(k);
          else this.vars.set(k, v);
      }
    }
    return this.runExternal(argv, io, assigned);
  }

  private callFunction(body: Command, args: string[], io: Io): number {
    if (this.funcDepth >= MAX_FUNC_DEPTH) throw new LimitError("function nesting too deep");
    const saved = this.args;
    this.args = args;
    this.funcDepth++;
    try {
      return this.runCommand(body, io);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.code;
      throw e;
    } finally {
      this.funcDepth--;
      this.args = saved;
    }
  }

  /** The path `name` runs, by PATH search when it has no slash. */
  lookPath(name: string): string | undefined {
    return lookPath(this.fs, this.vars.get("PATH"), name);
  }

  private runExternal(
    argv: string[],
    io: Io,
    assigned: Record<string, string>,
    depth = 0,
    resolved?: string,
  ): number {
    const name = argv[0] ?? "";
    const path = resolved ?? this.lookPath(name);
    if (path === undefined) {
      io.err.write(notFound(this.id, this.line, name));
      return 127;
    }
    const st = this.fs.stat(path);
    if (st.type === "dir" || (st.mode & 0o111) === 0) {
      io.err.write(permissionDenied(this.id, this.line, name, st.type === "dir"));
      return 126;
    }
    const data = this.fs.readFile(path);
    const env = this.exportedEnv(assigned);
    const cwd = this.fs.cwd;
    try {
      const program = programOf(data);
      if (program !== undefined)
        return runProgram(program, argv, { io, env, fs: this.fs, sys: this.sys, rt: this.rt });
      const shebang = /^#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(data);
      if (shebang?.[1] !== undefined && depth < MAX_SHEBANG_DEPTH) {
        const interp = shebang[1];
        if (!this.fs.exists(interp)) {
          io.err.write(
            this.id.kind === "bash"
              ? `${prefix(this.id, this.line)}${name}: ${interp}: bad interpreter: No such file or directory\n`
              : notFound(this.id, this.line, name),
          );
          return this.id.kind === "bash" ? 126 : 127;
        }
        const next = [
          interp,
          ...(shebang[2] ? [shebang[2]] : []),
          name.includes("/") ? name : path,
          ...argv.slice(1),
        ];
        return this.runExternal(next, io, assigned, depth + 1);
      }
      const sub = new Shell({
        kind: this.id.kind,
        arg0: name,
        args: argv.slice(1),
        script: true,
        env,
        sys: this.sys,
        rt: this.rt,
      });
      return sub.run(data, io);
    } finally {
      this.fs.cwd = cwd;
    }
  }
}
