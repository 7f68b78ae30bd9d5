/** $(( … )) integer arithmetic (a bounded Pratt parser). */

export class ArithError extends Error {}

type Tok = { k: "num"; v: number } | { k: "name"; v: string } | { k: "op"; v: string };

const OPS = [
  "<<",
  ">>",
  "<=",
  ">=",
  "==",
  "!=",
  "&&",
  "||",
  "+",
  "-",
  "*",
  "/",
  "%",
  "<",
  ">",
  "(",
  ")",
  "!",
  "~",
  "&",
  "|",
  "^",
];

function tokenize(expr: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < expr.length) {
    const c = expr[i] as string;
    if (c === " " || c === "\t" || c === "\n") {
      i++;
      continue;
    }
    const num = /^(0x[0-9a-fA-F]+|\d+)/.exec(expr.slice(i));
    if (num) {
      toks.push({ k: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const name = /^\$?[A-Za-z_][A-Za-z0-9_]*/.exec(expr.slice(i));
    if (name) {
      toks.push({ k: "name", v: name[0].replace(/^\$/, "") });
      i += name[0].length;
      continue;
    }
    const op = OPS.find((o) => expr.startsWith(o, i));
    if (op === undefined) throw new ArithError(expr);
    toks.push({ k: "op", v: op });
    i += op.length;
  }
  return toks;
}

const BINARY: Record<string, number> = {
  "||": 1,
  "&&": 2,
  "|": 3,
  "^": 4,
  "&": 5,
  "==": 6,
  "!=": 6,
  "<": 7,
  ">": 7,
  "<=": 7,
  ">=": 7,
  "<<": 8,
  ">>": 8,
  "+": 9,
  "-": 9,
  "*": 10,
  "/": 10,
  "%": 10,
};

function apply(op: string, a: number, b: number, expr: string): number {
  switch (op) {
    case "+":
      return (a + b) | 0;
    case "-":
      return (a - b) | 0;
    case "*":
      return Math.imul(a, b);
    case "/":
    case "%":
      if (b === 0) throw new ArithError(`division by zero`);
      return op === "/" ? Math.trunc(a / b) : a % b;
    case "<":
      return a < b ? 1 : 0;
    case ">":
      return a > b ? 1 : 0;
    case "<=":
      return a <= b ? 1 : 0;
    case ">=":
      return a >= b ? 1 : 0;
    case "==":
      return a === b ? 1 : 0;
    case "!=":
      return a !== b ? 1 : 0;
    case "&&":
      return a !== 0 && b !== 0 ? 1 : 0;
    case "||":
      return a !== 0 || b !== 0 ? 1 : 0;
    case "&":
      return a & b;
    case "|":
      return a | b;
    case "^":
      return a ^ b;
    case "<<":
      return a << b;
    case ">>":
      return a >> b;
    default:
      throw new ArithError(expr);
  }
}

/** Evaluates an arithmetic expression; variables are read through `lookup`. */
export function evalArith(expr: string, lookup: (name: string) => string | undefined): number {
  if (expr.length > 10_000) throw new ArithError("expression too long");
  const toks = tokenize(expr);
  let pos = 0;
  let depth = 0;
  const primary = (): number => {
    const t = toks[pos++];
    if (t === undefined) throw new ArithError(expr);
    if (t.k === "num") return t.v | 0;
    if (t.k === "name") {
      const v = (lookup(t.v) ?? "").trim();
      if (v === "") return 0;
      if (!/^-?\d+$/.test(v)) throw new ArithError(expr);
      return Number(v) | 0;
    }
    if (++depth > 100) throw new ArithError("expression too deep");
    let r: number;
    if (t.v === "(") {
      r = binary(0);
      if (toks[pos]?.v !== ")") throw new ArithError(expr);
      pos++;
    } else if (t.v === "-") r = -primary() | 0;
    else if (t.v === "+") r = primary();
    else if (t.v === "!") r = primary() === 0 ? 1 : 0;
    else if (t.v === "~") r = ~primary();
    else throw new ArithError(expr);
    depth--;
    return r;
  };
  const binary = (minPrec: number): number => {
    let left = primary();
    for (;;) {
      const t = toks[pos];
      if (t === undefined || t.k !== "op") break;
      const prec = BINARY[t.v];
      if (prec === undefined || prec <= minPrec - 1 || prec < minPrec) break;
      pos++;
      const right = binary(prec + 1);
      left = apply(t.v, left, right, expr);
    }
    return left;
  };
  if (toks.length === 0) return 0;
  const result = binary(0);
  if (pos !== toks.length) throw new ArithError(expr);
  return result;
}
