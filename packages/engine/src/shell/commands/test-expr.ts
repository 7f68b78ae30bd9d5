/** test / [ expressions. */
import type { Program, ProgramContext } from "../program-context";

class TestError extends Error {}

function bad(
  ctx: ProgramContext,
  what: "missing" | "number" | "unexpected" | "unary",
  arg: string,
): TestError {
  const kind = ctx.shellKind ?? "gnu";
  let msg: string;
  if (what === "missing")
    msg = kind === "bash" ? "missing `]'" : kind === "gnu" ? "missing ']'" : "missing ]";
  else if (what === "number") {
    msg =
      kind === "bash"
        ? `${arg}: integer expression expected`
        : kind === "dash"
          ? `Illegal number: ${arg}`
          : kind === "gnu"
            ? `invalid integer '${arg}'`
            : `${arg}: bad number`;
  } else if (what === "unary")
    msg =
      kind === "bash"
        ? `${arg}: unary operator expected`
        : kind === "gnu"
          ? `'${arg}': unary operator expected`
          : `${arg}: unknown operand`;
  else
    msg =
      kind === "bash"
        ? "too many arguments"
        : kind === "gnu"
          ? `extra argument '${arg}'`
          : `${arg}: unknown operand`;
  return new TestError(msg);
}

function int(ctx: ProgramContext, s: string): number {
  const t = s.trim();
  if (!/^[+-]?\d+$/.test(t)) throw bad(ctx, "number", s);
  return Number(t);
}

function fileTest(ctx: ProgramContext, op: string, path: string): boolean {
  if (path === "") return false;
  try {
    const st = ctx.fs.stat(path);
    switch (op) {
      case "-e":
      case "-r":
        return true;
      case "-f":
        return st.type === "file";
      case "-d":
        return st.type === "dir";
      case "-s":
        return st.size > 0;
      case "-w":
        return !st.readOnly;
      case "-x":
        return (st.mode & 0o111) !== 0;
      default:
        return false;
    }
  } catch {
    return path === "/dev/null" && (op === "-e" || op === "-r" || op === "-w");
  }
}

const UNARY = new Set([
  "-e",
  "-f",
  "-d",
  "-s",
  "-r",
  "-w",
  "-x",
  "-n",
  "-z",
  "-L",
  "-h",
  "-b",
  "-c",
  "-p",
  "-S",
  "-t",
]);
const BINARY = new Set(["=", "==", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "<", ">"]);

function evaluate(ctx: ProgramContext, args: string[]): boolean {
  let pos = 0;
  let depth = 0;
  const primary = (): boolean => {
    if (++depth > 200) throw bad(ctx, "unexpected", "(");
    const a = args[pos];
    if (a === undefined) return false;
    if (a === "!" && pos + 1 < args.length) {
      pos++;
      return !primary();
    }
    if (a === "(" && pos + 2 < args.length) {
      pos++;
      const v = orExpr();
      if (args[pos] !== ")") throw bad(ctx, "unexpected", args[pos] ?? ")");
      pos++;
      return v;
    }
    const op = args[pos + 1];
    if (op !== undefined && BINARY.has(op) && pos + 2 < args.length) {
      const b = args[pos + 2] as string;
      pos += 3;
      switch (op) {
        case "=":
        case "==":
          return a === b;
        case "!=":
          return a !== b;
        case "<":
          return a < b;
        case ">":
          return a > b;
        default: {
          const x = int(ctx, a);
          const y = int(ctx, b);
          return op === "-eq"
            ? x === y
            : op === "-ne"
              ? x !== y
              : op === "-lt"
                ? x < y
                : op === "-le"
                  ? x <= y
                  : op === "-gt"
                    ? x > y
                    : x >= y;
        }
      }
    }
    if (UNARY.has(a) && pos + 1 < args.length) {
      const v = args[pos + 1] as string;
      pos += 2;
      if (a === "-n") return v !== "";
      if (a === "-z") return v === "";
      if (a === "-t") return false;
      return fileTest(ctx, a, v);
    }
    pos++;
    return a !== "";
  };
  const andExpr = (): boolean => {
    let v = primary();
    while (args[pos] === "-a") {
      pos++;
      const r = primary();
      v = v && r;
    }
    return v;
  };
  const orExpr = (): boolean => {
    let v = andExpr();
    while (args[pos] === "-o") {
      pos++;
      const r = andExpr();
      v = v || r;
    }
    return v;
  };
  if (args.length === 0) return false;
  const result = orExpr();
  if (pos < args.length) {
    const extra = args[pos] as string;
    throw bad(
      ctx,
      args.length === 2 && !UNARY.has(args[0] ?? "") ? "unary" : "unexpected",
      args.length === 2 ? (args[0] as string) : extra,
    );
  }
  return result;
}

export const test: Program = (ctx) => {
  let args = ctx.argv.slice(1);
  if (ctx.name === "[" || ctx.name.endsWith("[")) {
    if (args[args.length - 1] !== "]") {
      ctx.io.err.write(`${ctx.name}: ${bad(ctx, "missing", "").message}\n`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evaluate(ctx, args) ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    ctx.io.err.write(`${ctx.name}: ${e.message}\n`);
    return 2;
  }
};
