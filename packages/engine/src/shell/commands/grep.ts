/** grep with basic, extended and fixed-string patterns. */
import { isFsError } from "../../fs/fs-error";
import type { Program } from "../program-context";
import { badOption, joinPath, parseOpts, readPath } from "./common";

const MAX_PATTERN = 1024;
const MAX_LINE = 64 * 1024;

/** Converts a POSIX basic regular expression to a JavaScript one. */
function breToEre(p: string): string {
  let out = "";
  for (let i = 0; i < p.length; i++) {
    const c = p[i] as string;
    if (c === "\\" && i + 1 < p.length) {
      const n = p[++i] as string;
      out += "(){}|+?".includes(n) ? n : `\\${n}`;
    } else if ("(){}|+?".includes(c)) out += `\\${c}`;
    else out += c;
  }
  return out;
}

/** Nested quantifiers can make a backtracking engine run for ever: refuse them. */
function dangerous(re: string): boolean {
  return /\([^)]*[+*}][^)]*\)\s*[+*{]/.test(re) || /(\.\*){4,}/.test(re);
}

export const grep: Program = (ctx) => {
  const name = ctx.name;
  const o = parseOpts(ctx.argv.slice(1), "ivncqlLEFwxrRHhsoe", "e", {
    "ignore-case": "i",
    "invert-match": "v",
    "line-number": "n",
    count: "c",
    quiet: "q",
    silent: "q",
    recursive: "r",
  });
  if (o.bad) return badOption(ctx, o.bad) + 1;
  const operands = [...o.operands];
  const pattern = o.values.get("e") ?? operands.shift();
  if (pattern === undefined) {
    ctx.io.err.write(
      ctx.style === "gnu"
        ? "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n"
        : "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: grep [-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...\n",
    );
    return 2;
  }
  const extended = o.flags.has("E") || name === "egrep";
  let source: string;
  if (o.flags.has("F") || name === "fgrep") source = pattern.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
  else source = extended ? pattern : breToEre(pattern);
  if (o.flags.has("w")) source = `(?<![\\w])(?:${source})(?![\\w])`;
  if (o.flags.has("x")) source = `^(?:${source})$`;
  let re: RegExp;
  try {
    if (source.length > MAX_PATTERN || dangerous(source)) throw new Error("too complex");
    re = new RegExp(source, o.flags.has("i") ? "i" : "");
  } catch {
    ctx.io.err.write(`${name}: ${ctx.style === "gnu" ? "Unmatched ( or \\(" : `bad regex '${pattern}'`}\n`);
    return 2;
  }
  const recursive = o.flags.has("r") || o.flags.has("R");
  const files: string[] = [];
  const expand = (path: string, depth: number): void => {
    try {
      if (recursive && ctx.fs.stat(path).type === "dir" && depth < 32) {
        for (const n of ctx.fs.readdir(path)) if (files.length < 5000) expand(joinPath(path, n), depth + 1);
        return;
      }
    } catch {}
    files.push(path);
  };
  for (const f of operands.length > 0 ? operands : [recursive ? "." : "-"]) expand(f, 0);
  const showName = (files.length > 1 || recursive) && !o.flags.has("h") ? true : o.flags.has("H");
  let matched = false;
  let status = 0;
  for (const f of files) {
    let text: string;
    try {
      text = readPath(ctx, f);
    } catch (e) {
      if (!isFsError(e)) throw e;
      if (!o.flags.has("s")) ctx.io.err.write(`${name}: ${f}: ${e.text}\n`);
      status = 2;
      continue;
    }
    const label = f === "-" ? "(standard input)" : f;
    const lines = text.split("\n");
    if (lines[lines.length - 1] === "") lines.pop();
    let count = 0;
    for (const [i, line] of lines.entries()) {
      const hit = re.test(line.length > MAX_LINE ? line.slice(0, MAX_LINE) : line) !== o.flags.has("v");
      if (!hit) continue;
      count++;
      matched = true;
      if (o.flags.has("q")) return 0;
      if (o.flags.has("l") || o.flags.has("c") || o.flags.has("L")) continue;
      const prefix = `${showName ? `${label}:` : ""}${o.flags.has("n") ? `${i + 1}:` : ""}`;
      if (o.flags.has("o") && !o.flags.has("v")) {
        const g = new RegExp(re.source, `${re.flags}g`);
        for (const m of line.matchAll(g)) if (m[0] !== "") ctx.io.out.write(`${prefix}${m[0]}\n`);
      } else ctx.io.out.write(`${prefix}${line}\n`);
    }
    if (o.flags.has("c")) ctx.io.out.write(`${showName ? `${label}:` : ""}${count}\n`);
    if (o.flags.has("l") && count > 0) ctx.io.out.write(`${label}\n`);
    if (o.flags.has("L") && count === 0) ctx.io.out.write(`${label}\n`);
  }
  if (status === 2 && !matched) return 2;
  return matched ? 0 : status === 2 ? 2 : 1;
};
