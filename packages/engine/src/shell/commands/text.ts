/** head, tail, wc, seq, sort, tee, basename, dirname. */
import { isFsError } from "../../fs/fs-error";
import { basename as baseOf, dirname as dirOf } from "../../fs/tree";
import type { Program, ProgramContext } from "../program-context";
import { badOption, parseOpts, q, readPath } from "./common";

function countArg(opt: string | undefined, fallback: number): { n: number; fromStart: boolean } | undefined {
  if (opt === undefined) return { n: fallback, fromStart: false };
  const m = /^([+-]?)(\d+)$/.exec(opt);
  if (m === null) return undefined;
  return { n: Number(m[2]), fromStart: m[1] === "+" };
}

/** Rewrites "-5" into "-n 5" (head/tail's obsolete syntax). */
function obsoleteCount(args: string[]): string[] {
  return args.map((a) => (/^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
}

function headTail(ctx: ProgramContext, tail: boolean): number {
  const o = parseOpts(obsoleteCount(ctx.argv.slice(1)), "fFqv", "nc", {
    follow: "f",
    "lines=": "n",
    "bytes=": "c",
  });
  if (o.bad) return badOption(ctx, o.bad);
  const lines = countArg(o.values.get("n"), 10);
  const bytes = o.values.has("c") ? countArg(o.values.get("c"), 0) : undefined;
  if (lines === undefined || (o.values.has("c") && bytes === undefined)) {
    ctx.io.err.write(
      `${ctx.name}: invalid number of ${o.values.has("c") ? "bytes" : "lines"}: ${q(ctx, o.values.get("n") ?? o.values.get("c") ?? "")}\n`,
    );
    return 1;
  }
  const files = o.operands.length > 0 ? o.operands : ["-"];
  let status = 0;
  files.forEach((f, idx) => {
    let text: string;
    try {
      text = readPath(ctx, f);
    } catch (e) {
      if (!isFsError(e)) throw e;
      status = 1;
      if (ctx.style === "gnu")
        ctx.io.err.write(`${ctx.name}: cannot open ${q(ctx, f)} for reading: ${e.text}\n`);
      else ctx.io.err.write(tail ? `tail: can't open '${f}': ${e.text}\n` : `head: ${f}: ${e.text}\n`);
      return;
    }
    if (files.length > 1 && !o.flags.has("q"))
      ctx.io.out.write(`${idx > 0 ? "\n" : ""}==> ${f === "-" ? "standard input" : f} <==\n`);
    if (bytes !== undefined) {
      ctx.io.out.write(
        tail
          ? bytes.fromStart
            ? text.slice(Math.max(0, bytes.n - 1))
            : text.slice(Math.max(0, text.length - bytes.n))
          : text.slice(0, bytes.n),
      );
      return;
    }
    const parts = text.split(/(?<=\n)/);
    if (parts[parts.length - 1] === "") parts.pop();
    let chosen: string[];
    if (tail)
      chosen = lines.fromStart
        ? parts.slice(Math.max(0, lines.n - 1))
        : lines.n === 0
          ? []
          : parts.slice(-lines.n);
    else chosen = parts.slice(0, lines.n);
    ctx.io.out.write(chosen.join(""));
  });
  if (tail && (o.flags.has("f") || o.flags.has("F")) && status === 0) ctx.rt.block();
  return status;
}

export const head: Program = (ctx) => headTail(ctx, false);
export const tail: Program = (ctx) => headTail(ctx, true);

export const wc: Program = (ctx) => {
  const o = parseOpts(ctx.argv.slice(1), "lwcmL", "", { lines: "l", words: "w", bytes: "c", chars: "m" });
  if (o.bad) return badOption(ctx, o.bad);
  let which = ["l", "w", "c", "m"].filter((f) => o.flags.has(f));
  if (which.length === 0) which = ["l", "w", "c"];
  const files = o.operands.length > 0 ? o.operands : ["-"];
  const rows: { counts: number[]; name: string }[] = [];
  const totals = which.map(() => 0);
  let status = 0;
  for (const f of files) {
    let text: string;
    try {
      text = readPath(ctx, f);
    } catch (e) {
      if (!isFsError(e)) throw e;
      status = 1;
      ctx.io.err.write(`wc: ${f}: ${e.text}\n`);
      continue;
    }
    const counts = which.map((w) =>
      w === "l"
        ? (text.match(/\n/g) ?? []).length
        : w === "w"
          ? text.split(/\s+/).filter((s) => s !== "").length
          : text.length,
    );
    counts.forEach((c, i) => {
      totals[i] = (totals[i] ?? 0) + c;
    });
    rows.push({ counts, name: f === "-" ? "" : f });
  }
  if (rows.length > 1) rows.push({ counts: totals, name: "total" });
  const single = which.length === 1 && rows.length === 1;
  const width =
    ctx.style === "gnu"
      ? single
        ? 0
        : files.includes("-")
          ? 7
          : Math.max(1, ...rows.flatMap((r) => r.counts.map((c) => String(c).length)))
      : single
        ? 0
        : 9;
  for (const r of rows) {
    const cols = r.counts.map((c) => String(c).padStart(width)).join(" ");
    ctx.io.out.write(`${cols}${r.name ? ` ${r.name}` : ""}\n`);
  }
  return status;
};

export const seq: Program = (ctx) => {
  const nums = ctx.argv.slice(1).filter((a) => !/^-[sfw]/.test(a));
  const parsed = nums.map(Number);
  if (parsed.length === 0 || parsed.length > 3 || parsed.some((n) => Number.isNaN(n))) {
    ctx.io.err.write(
      ctx.style === "gnu"
        ? "seq: missing operand\nTry 'seq --help' for more information.\n"
        : "seq: invalid number\n",
    );
    return 1;
  }
  const [first, inc, last] =
    parsed.length === 1
      ? [1, 1, parsed[0] as number]
      : parsed.length === 2
        ? [parsed[0] as number, 1, parsed[1] as number]
        : (parsed as [number, number, number]);
  if (inc === 0) return 1;
  let out = "";
  for (let i = 0, n = first; i < 100_000 && (inc > 0 ? n <= last : n >= last); i++, n += inc) out += `${n}\n`;
  ctx.io.out.write(out);
  return 0;
};

export const sort: Program = (ctx) => {
  const o = parseOpts(ctx.argv.slice(1), "rnuf");
  if (o.bad) return badOption(ctx, o.bad);
  let text = "";
  for (const f of o.operands.length > 0 ? o.operands : ["-"]) {
    try {
      text += readPath(ctx, f);
    } catch (e) {
      if (!isFsError(e)) throw e;
      ctx.io.err.write(
        ctx.style === "gnu" ? `sort: cannot read: ${f}: ${e.text}\n` : `sort: can't open '${f}': ${e.text}\n`,
      );
      return 2;
    }
  }
  let lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  const key = (s: string): string => (o.flags.has("f") ? s.toUpperCase() : s);
  lines.sort(
    o.flags.has("n")
      ? (a, b) => (Number.parseFloat(a) || 0) - (Number.parseFloat(b) || 0) || (a < b ? -1 : a > b ? 1 : 0)
      : (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0),
  );
  if (o.flags.has("r")) lines.reverse();
  if (o.flags.has("u")) lines = lines.filter((l, i) => i === 0 || l !== lines[i - 1]);
  ctx.io.out.write(lines.map((l) => `${l}\n`).join(""));
  return 0;
};

export const tee: Program = (ctx) => {
  const o = parseOpts(ctx.argv.slice(1), "ai");
  if (o.bad) return badOption(ctx, o.bad);
  ctx.io.out.write(ctx.io.stdin);
  let status = 0;
  for (const f of o.operands) {
    try {
      ctx.fs.writeFile(f, ctx.io.stdin, { append: o.flags.has("a") });
    } catch (e) {
      if (!isFsError(e)) throw e;
      status = 1;
      ctx.io.err.write(`tee: ${f}: ${e.text}\n`);
    }
  }
  return status;
};

export const basename: Program = (ctx) => {
  const [path, suffix] = ctx.argv.slice(1);
  if (path === undefined) {
    ctx.io.err.write("basename: missing operand\n");
    return 1;
  }
  let b = baseOf(path);
  if (suffix !== undefined && b.endsWith(suffix) && b !== suffix) b = b.slice(0, -suffix.length);
  ctx.io.out.write(`${b}\n`);
  return 0;
};

export const dirname: Program = (ctx) => {
  const path = ctx.argv[1];
  if (path === undefined) {
    ctx.io.err.write("dirname: missing operand\n");
    return 1;
  }
  ctx.io.out.write(`${dirOf(path)}\n`);
  return 0;
};
