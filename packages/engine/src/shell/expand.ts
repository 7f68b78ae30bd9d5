/** Word expansion: parameters, command substitution, arithmetic, field splitting, globbing. */
import type { ContainerFs } from "../fs/container-fs";
import { evalArith } from "./arith";
import type { List, Word, WordPart } from "./ast";
import { parseWordText } from "./parser";

export interface ExpandHost {
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  positional(): string[];
  /** $? $$ $# $0 $! $- */
  special(name: string): string | undefined;
  substitute(list: List): string;
  fs: ContainerFs;
  /** Raised for ${VAR?} style errors and bad arithmetic. */
  fail(message: string): never;
}

const MAX_FIELDS = 10_000;
const MAX_WORD = 1024 * 1024;

type Piece = { text: string; quoted: boolean };
type Field = Piece[];

function paramValue(host: ExpandHost, name: string): string | undefined {
  if (/^[A-Za-z_]/.test(name)) return host.getVar(name);
  if (name === "@" || name === "*") return host.positional().join(" ");
  if (/^[1-9]$/.test(name)) return host.positional()[Number(name) - 1];
  return host.special(name);
}

function removeAffix(value: string, pattern: string, prefix: boolean): string {
  const re = globRegex(pattern);
  if (prefix) {
    for (let i = 0; i <= value.length; i++) if (re.test(value.slice(0, i))) return value.slice(i);
  } else {
    for (let i = value.length; i >= 0; i--) if (re.test(value.slice(i))) return value.slice(0, i);
  }
  return value;
}

/** Expands one part into pieces; `split` marks pieces subject to field splitting. */
function expandPart(host: ExpandHost, part: WordPart, fields: Field[]): void {
  const cur = (): Field => fields[fields.length - 1] as Field;
  const addText = (text: string, quoted: boolean, splittable: boolean): void => {
    if (!splittable) {
      cur().push({ text, quoted });
      return;
    }
    const pieces = text.split(/[ \t\n]+/);
    pieces.forEach((p, i) => {
      if (i > 0) {
        if (fields.length >= MAX_FIELDS) host.fail("too many arguments");
        fields.push([]);
      }
      if (p !== "") cur().push({ text: p, quoted: true });
    });
  };
  switch (part.t) {
    case "lit":
      cur().push({ text: part.v, quoted: part.q });
      return;
    case "arith": {
      const exprText = expandWord(host, parseInner(part.expr));
      addText(String(evalArith(exprText, (n) => host.getVar(n))), part.q, !part.q);
      return;
    }
    case "cmd":
      addText(host.substitute(part.list).replace(/\n+$/, ""), part.q, !part.q);
      return;
    case "param": {
      if (part.name === "@" && part.q && part.op === undefined) {
        const args = host.positional();
        args.forEach((a, i) => {
          if (i > 0) fields.push([]);
          cur().push({ text: a, quoted: true });
        });
        if (args.length === 0) cur().push({ text: "", quoted: false });
        return;
      }
      let value = paramValue(host, part.name);
      const arg = (): string => (part.arg ? expandWord(host, part.arg) : "");
      switch (part.op) {
        case "len":
          value = String((value ?? "").length);
          break;
        case ":-":
          if (value === undefined || value === "") value = arg();
          break;
        case "-":
          if (value === undefined) value = arg();
          break;
        case ":+":
          value = value === undefined || value === "" ? "" : arg();
          break;
        case "+":
          value = value === undefined ? "" : arg();
          break;
        case ":=":
        case "=":
          if (value === undefined || (part.op === ":=" && value === "")) {
            value = arg();
            host.setVar(part.name, value);
          }
          break;
        case "#":
          value = removeAffix(value ?? "", arg(), true);
          break;
        case "%":
          value = removeAffix(value ?? "", arg(), false);
          break;
        default:
          break;
      }
      addText(value ?? "", part.q, !part.q);
      return;
    }
  }
}

/** Arithmetic text may contain $VAR and $(…): expand it as a word first. */
function parseInner(expr: string): Word {
  return parseWordText(expr, 0);
}

function expandFields(host: ExpandHost, word: Word): Field[] {
  const fields: Field[] = [[]];
  for (const part of word.parts) expandPart(host, part, fields);
  return fields;
}

/** Expands a word to a single string (assignments, redirection targets). */
export function expandWord(host: ExpandHost, word: Word): string {
  const text = expandFields(host, word)
    .map((f) => f.map((p) => p.text).join(""))
    .join(" ");
  return text.length > MAX_WORD ? host.fail("argument too long") : text;
}

/** Expands command words into argv (with field splitting, tilde and pathname expansion). */
export function expandWords(host: ExpandHost, words: Word[]): string[] {
  const argv: string[] = [];
  for (const word of words) {
    for (const field of expandFields(host, word)) {
      if (field.length === 0) continue;
      const first = field[0];
      if (first !== undefined && !first.quoted && (first.text === "~" || first.text.startsWith("~/"))) {
        field[0] = { text: (host.getVar("HOME") ?? "/root") + first.text.slice(1), quoted: true };
      }
      const text = field.map((p) => p.text).join("");
      if (field.every((p) => p.quoted === false) && text === "") continue;
      const globbable = field.some((p) => !p.quoted && /[*?[]/.test(p.text));
      const matches = globbable ? glob(host.fs, field) : [];
      if (matches.length > 0) argv.push(...matches);
      else argv.push(text);
      if (argv.length > MAX_FIELDS) host.fail("too many arguments");
    }
  }
  return argv;
}

/** A regex for a shell pattern (quoted characters already escaped with backslash). */
export function globRegex(pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === "\\" && i + 1 < pattern.length) re += escapeRe(pattern[++i] as string);
    else if (c === "*") re += "[\\s\\S]*";
    else if (c === "?") re += "[\\s\\S]";
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 2);
      if (end < 0) re += "\\[";
      else {
        const body = pattern
          .slice(i + 1, end)
          .replace(/^!/, "^")
          .replace(/\\/g, "\\\\");
        re += `[${body}]`;
        i = end;
      }
    } else re += escapeRe(c);
  }
  return new RegExp(`^${re}$`);
}

function escapeRe(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? `\\${c}` : c;
}

function glob(fs: ContainerFs, field: Field): string[] {
  const pattern = field
    .map((p) => (p.quoted ? p.text.replace(/[\\*?[]/g, (m) => `\\${m}`) : p.text))
    .join("");
  const absolute = pattern.startsWith("/");
  const segs = pattern.split("/").filter((s) => s !== "");
  let paths: string[] = [absolute ? "/" : ""];
  for (const seg of segs) {
    const next: string[] = [];
    const wild = /(^|[^\\])[*?[]/.test(seg);
    for (const base of paths) {
      const dir = base === "" ? "." : base;
      if (!wild) {
        const literal = seg.replace(/\\(.)/g, "$1");
        const p = base === "" ? literal : base === "/" ? `/${literal}` : `${base}/${literal}`;
        if (fs.exists(p)) next.push(p);
        continue;
      }
      let names: string[];
      try {
        names = fs.readdir(dir);
      } catch {
        continue;
      }
      const re = globRegex(seg);
      for (const name of names) {
        if (name.startsWith(".") && !seg.startsWith(".")) continue;
        if (re.test(name)) next.push(base === "" ? name : base === "/" ? `/${name}` : `${base}/${name}`);
      }
    }
    paths = next.slice(0, MAX_FIELDS);
    if (paths.length === 0) return [];
  }
  return paths.sort();
}
