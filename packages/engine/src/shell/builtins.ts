/** Shell builtins. */
import { isFsError } from "../fs/fs-error";
import { echo, printf } from "./commands/echo-printf";
import { kill } from "./commands/kill";
import { test } from "./commands/test-expr";
import type { Shell } from "./interpreter";
import type { Io } from "./io";
import { cdError, prefix } from "./messages";
import type { ProgramContext } from "./program-context";
import { BlockSignal, ExitSignal, LoopSignal, ReturnSignal } from "./signals";

export type Builtin = (sh: Shell, argv: string[], io: Io) => number;

function ctxFor(sh: Shell, argv: string[], io: Io, name: string): ProgramContext {
  return {
    argv,
    name,
    style: sh.id.kind === "busybox" ? "busybox" : "gnu",
    io,
    env: sh.exportedEnv(),
    fs: sh.fs,
    sys: sh.sys,
    rt: sh.rt,
    shellKind: sh.id.kind,
  };
}

function number(
  sh: Shell,
  io: Io,
  name: string,
  text: string | undefined,
  fallback: number,
): number | undefined {
  if (text === undefined) return fallback;
  if (/^\d+$/.test(text)) return Number(text);
  const p = prefix(sh.id, sh.line);
  io.err.write(
    sh.id.kind === "bash"
      ? `${p}${name}: ${text}: numeric argument required\n`
      : sh.id.kind === "dash"
        ? `${p}${name}: Illegal number: ${text}\n`
        : `${p}${name}: Illegal number: ${text}\n`,
  );
  return undefined;
}

const cd: Builtin = (sh, argv, io) => {
  let target = argv[1];
  let print = false;
  if (target === "-") {
    target = sh.getVar("OLDPWD") ?? sh.fs.cwd;
    print = true;
  }
  target ??= sh.getVar("HOME") ?? "/";
  try {
    const st = sh.fs.stat(target);
    if (st.type !== "dir") sh.fs.readdir(target);
  } catch (e) {
    if (!isFsError(e)) throw e;
    io.err.write(cdError(sh.id, sh.line, target, e));
    return sh.id.kind === "bash" ? 1 : 2;
  }
  sh.setVar("OLDPWD", sh.fs.cwd);
  sh.fs.cwd = sh.fs.resolve(target);
  sh.setVar("PWD", sh.fs.cwd);
  if (print) io.out.write(`${sh.fs.cwd}\n`);
  return 0;
};

const exit: Builtin = (sh, argv, io) => {
  const code = number(sh, io, "exit", argv[1], sh.status);
  throw new ExitSignal(code === undefined ? 2 : code & 255);
};

const exportBuiltin: Builtin = (sh, argv, io) => {
  const args = argv.slice(1).filter((a) => a !== "-p");
  if (args.length === 0) {
    for (const name of [...sh.exported].sort()) {
      const v = sh.getVar(name);
      if (v === undefined) continue;
      io.out.write(sh.id.kind === "bash" ? `declare -x ${name}="${v}"\n` : `export ${name}=${ashQuote(v)}\n`);
    }
    return 0;
  }
  for (const a of args) {
    const eq = a.indexOf("=");
    const name = eq >= 0 ? a.slice(0, eq) : a;
    if (eq >= 0) sh.setVar(name, a.slice(eq + 1));
    sh.exported.add(name);
  }
  return 0;
};

/** ash's and dash's single_quote: the value in single quotes, a quote as '"'"' (input `set` can read back). */
function ashQuote(v: string): string {
  return `'${v.replace(/'/g, `'"'"'`)}'`;
}

/** bash's `set`: a value with no shell metacharacters bare, else single-quoted with a quote as '\''. */
function bashQuote(v: string): string {
  if (v !== "" && !/[^A-Za-z0-9_@%+=:,./-]/.test(v)) return v;
  return v === "" ? "" : `'${v.replace(/'/g, `'\\''`)}'`;
}

const unset: Builtin = (sh, argv) => {
  for (const name of argv.slice(1)) {
    if (name.startsWith("-")) continue;
    sh.vars.delete(name);
    sh.exported.delete(name);
    sh.funcs.delete(name);
  }
  return 0;
};

const set: Builtin = (sh, argv, io) => {
  const args = argv.slice(1);
  if (args.length === 0) {
    for (const [k, v] of [...sh.vars].sort(([a], [b]) => (a < b ? -1 : 1)))
      io.out.write(`${k}=${sh.id.kind === "bash" ? bashQuote(v) : ashQuote(v)}\n`);
    return 0;
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "--") {
      sh.args = args.slice(i + 1);
      return 0;
    }
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      if (a.includes("e")) sh.errexit = a.startsWith("-");
      if (a === "-o" || a === "+o") i++;
      continue;
    }
    sh.args = args.slice(i);
    return 0;
  }
  return 0;
};

const shift: Builtin = (sh, argv, io) => {
  const n = number(sh, io, "shift", argv[1], 1);
  if (n === undefined) return 2;
  if (n > sh.args.length) {
    if (sh.id.kind !== "bash") io.err.write(`${prefix(sh.id, sh.line)}shift: can't shift that many\n`);
    return sh.id.kind === "bash" ? 1 : 2;
  }
  sh.args = sh.args.slice(n);
  return 0;
};

const exec: Builtin = (sh, argv, io) => {
  if (argv.length < 2) return 0;
  const name = argv[1] as string;
  if (sh.lookPath(name) === undefined && !Object.hasOwn(BUILTINS, name) && !sh.funcs.has(name)) {
    const p = prefix(sh.id, sh.line);
    io.err.write(sh.id.kind === "bash" ? `${p}exec: ${name}: not found\n` : `${p}exec: ${name}: not found\n`);
    throw new ExitSignal(127);
  }
  throw new ExitSignal(sh.invoke(argv.slice(1), io));
};

const evalBuiltin: Builtin = (sh, argv, io) => sh.runNested(argv.slice(1).join(" "), io);

const source: Builtin = (sh, argv, io) => {
  const file = argv[1];
  if (file === undefined) return 0;
  const path = file.includes("/") ? file : (sh.lookPath(file) ?? file);
  try {
    return sh.runNested(sh.fs.readFile(path), io);
  } catch (e) {
    if (!isFsError(e)) throw e;
    io.err.write(
      `${prefix(sh.id, sh.line)}${sh.id.kind === "bash" ? `${file}: No such file or directory` : `.: can't open ${file}`}\n`,
    );
    return sh.id.kind === "bash" ? 1 : 2;
  }
};

const read: Builtin = (sh, argv, io) => {
  const names = argv.slice(1).filter((a) => !a.startsWith("-"));
  const nl = io.stdin.indexOf("\n");
  if (io.stdin === "") return 1;
  const line = nl >= 0 ? io.stdin.slice(0, nl) : io.stdin;
  const fields = line.trim().split(/\s+/);
  (names.length > 0 ? names : ["REPLY"]).forEach((n, i, all) => {
    sh.setVar(n, i === all.length - 1 ? fields.slice(i).join(" ") : (fields[i] ?? ""));
  });
  return nl >= 0 ? 0 : 1;
};

const loop =
  (kind: "break" | "continue"): Builtin =>
  (sh, argv, io) => {
    const n = number(sh, io, kind, argv[1], 1);
    throw new LoopSignal(kind, n === undefined || n < 1 ? 1 : n);
  };

const returnBuiltin: Builtin = (sh, argv, io) => {
  throw new ReturnSignal(number(sh, io, "return", argv[1], sh.status) ?? 2);
};

const wait: Builtin = (sh) => {
  if (sh.hadBackgroundJobs && sh.rt.listeners.length > 0) throw new BlockSignal("server");
  return 0;
};

const commandBuiltin: Builtin = (sh, argv, io) => {
  if (argv[1] === "-v" || argv[1] === "-V") {
    let status = 0;
    for (const name of argv.slice(2)) {
      if (Object.hasOwn(BUILTINS, name) || sh.funcs.has(name)) io.out.write(`${name}\n`);
      else {
        const p = sh.lookPath(name);
        if (p === undefined) status = 1;
        else io.out.write(`${p}\n`);
      }
    }
    return status;
  }
  return argv.length > 1 ? sh.invoke(argv.slice(1), io) : 0;
};

const type: Builtin = (sh, argv, io) => {
  let status = 0;
  for (const name of argv.slice(1)) {
    if (Object.hasOwn(BUILTINS, name)) io.out.write(`${name} is a shell builtin\n`);
    else if (sh.funcs.has(name)) io.out.write(`${name} is a function\n`);
    else {
      const p = sh.lookPath(name);
      if (p === undefined) {
        status = 1;
        io.out.write(sh.id.kind === "bash" ? "" : `${name}: not found\n`);
        if (sh.id.kind === "bash") io.err.write(`${prefix(sh.id, sh.line)}type: ${name}: not found\n`);
      } else io.out.write(`${name} is ${p}\n`);
    }
  }
  return status;
};

const viaProgram =
  (name: string, program: (ctx: ProgramContext) => number): Builtin =>
  (sh, argv, io) => {
    const label = name === "[" || name === "test" ? `${prefix(sh.id, sh.line)}${name}` : name;
    return program(ctxFor(sh, argv, io, label));
  };

const pwd: Builtin = (sh, _argv, io) => {
  io.out.write(`${sh.fs.cwd}\n`);
  return 0;
};

/** ash, dash and bash each have `kill` built in, with their own messages. */
const killBuiltin: Builtin = (sh, argv, io) => {
  const p = prefix(sh.id, sh.line);
  return kill(
    argv,
    io,
    sh.sys,
    { kind: sh.id.kind, prefix: sh.id.kind === "busybox" ? p : `${p}kill: ` },
    sh.pid,
  );
};

const noop: Builtin = () => 0;

const assignOnly: Builtin = (sh, argv) => {
  for (const a of argv.slice(1)) {
    const eq = a.indexOf("=");
    if (eq >= 0) sh.setVar(a.slice(0, eq), a.slice(eq + 1));
  }
  return 0;
};

export const BUILTINS: Record<string, Builtin> = {
  ":": noop,
  ".": source,
  "[": viaProgram("[", test),
  break: loop("break"),
  cd,
  command: commandBuiltin,
  continue: loop("continue"),
  echo: viaProgram("echo", echo),
  eval: evalBuiltin,
  exec,
  exit,
  export: exportBuiltin,
  false: () => 1,
  hash: noop,
  kill: killBuiltin,
  local: assignOnly,
  printf: viaProgram("printf", printf),
  pwd,
  read,
  readonly: assignOnly,
  return: returnBuiltin,
  set,
  shift,
  source,
  test: viaProgram("test", test),
  trap: noop,
  true: () => 0,
  type,
  ulimit: noop,
  umask: noop,
  unset,
  wait,
};
