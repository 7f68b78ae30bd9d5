/** A recursive-descent parser for the POSIX shell subset the simulator runs. */
import type { AndOr, Command, List, ParamOp, Pipeline, Redir, Word, WordPart } from "./ast";

export type ParseErrorKind = "quote" | "eof" | "token" | "depth";

export class ParseError extends Error {
  readonly kind: ParseErrorKind;
  readonly detail: string;
  constructor(kind: ParseErrorKind, detail: string) {
    super(`${kind}: ${detail}`);
    this.kind = kind;
    this.detail = detail;
  }
}

const MAX_DEPTH = 40;
const MAX_SCRIPT = 256 * 1024;
const DELIMS = new Set([" ", "\t", "\n", ";", "&", "|", "<", ">", "(", ")"]);
const RESERVED = new Set([
  "if",
  "then",
  "elif",
  "else",
  "fi",
  "while",
  "until",
  "do",
  "done",
  "for",
  "in",
  "{",
  "}",
  "!",
  "case",
  "esac",
]);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

type Compound = Exclude<Command, { kind: "simple" } | { kind: "func" }>;

export function parseScript(src: string): List {
  if (src.length > MAX_SCRIPT) throw new ParseError("depth", "script too long");
  const p = new Parser(src);
  const list = p.list([]);
  p.skipBlank(true);
  if (!p.eof()) throw new ParseError("token", p.peekToken());
  return list;
}

/** Parses `text` as a single word (used for ${VAR:-word} arguments). */
export function parseWordText(text: string, depth: number): Word {
  const p = new Parser(text, depth);
  return p.word(true) ?? { parts: [] };
}

class Parser {
  pos = 0;
  constructor(
    private readonly src: string,
    private depth = 0,
  ) {}

  eof(): boolean {
    return this.pos >= this.src.length;
  }

  private ch(offset = 0): string {
    return this.src[this.pos + offset] ?? "";
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) throw new ParseError("depth", "nesting too deep");
  }

  private leave(): void {
    this.depth--;
  }

  /** Skips spaces, tabs, comments, line continuations and (if asked) newlines. */
  skipBlank(newlines: boolean): void {
    while (!this.eof()) {
      const c = this.ch();
      if (c === " " || c === "\t" || (newlines && c === "\n")) this.pos++;
      else if (c === "\\" && this.ch(1) === "\n") this.pos += 2;
      else if (c === "#") while (!this.eof() && this.ch() !== "\n") this.pos++;
      else break;
    }
  }

  peekToken(): string {
    const c = this.ch();
    const two = this.src.slice(this.pos, this.pos + 2);
    if (["&&", "||", ";;", ">>"].includes(two)) return two;
    if (DELIMS.has(c) && c !== " " && c !== "\t") return c === "\n" ? "newline" : c;
    return this.peekBare() ?? c;
  }

  /** The next unquoted bare word, if it is followed by a delimiter (for reserved-word checks). */
  private peekBare(): string | undefined {
    let i = this.pos;
    while (i < this.src.length && !DELIMS.has(this.src[i] as string)) {
      const c = this.src[i] as string;
      if (c === "'" || c === '"' || c === "\\" || c === "$" || c === "`") return undefined;
      i++;
    }
    return i > this.pos ? this.src.slice(this.pos, i) : undefined;
  }

  private peekReserved(): string | undefined {
    const w = this.peekBare();
    return w !== undefined && RESERVED.has(w) ? w : undefined;
  }

  private expectReserved(word: string): void {
    this.skipBlank(true);
    if (this.peekReserved() !== word) {
      if (this.eof()) throw new ParseError("eof", word);
      throw new ParseError("token", this.peekToken());
    }
    this.pos += word.length;
  }

  list(stops: readonly string[]): List {
    this.enter();
    const items: List["items"] = [];
    for (;;) {
      this.skipBlank(true);
      if (this.eof() || this.ch() === ")") break;
      const r = this.peekReserved();
      if (r !== undefined && stops.includes(r)) break;
      if (r !== undefined && ["then", "elif", "else", "fi", "do", "done", "}", "esac", "in"].includes(r)) {
        throw new ParseError("token", r);
      }
      const andOr = this.andOr();
      this.skipBlank(false);
      let background = false;
      if (this.ch() === "&" && this.ch(1) !== "&") {
        this.pos++;
        background = true;
      } else if (this.ch() === ";" && this.ch(1) !== ";") {
        this.pos++;
      } else if (this.ch() === "\n") {
        this.pos++;
      } else if (!this.eof() && this.ch() !== ")") {
        const next = this.peekReserved();
        if (next === undefined || !stops.includes(next)) throw new ParseError("token", this.peekToken());
      }
      items.push({ andOr, background });
    }
    this.leave();
    return { items };
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr["rest"] = [];
    for (;;) {
      this.skipBlank(false);
      const two = this.src.slice(this.pos, this.pos + 2);
      if (two !== "&&" && two !== "||") break;
      this.pos += 2;
      this.skipBlank(true);
      rest.push({ op: two, pipeline: this.pipeline() });
    }
    return { first, rest };
  }

  private pipeline(): Pipeline {
    this.skipBlank(false);
    let negate = false;
    if (this.peekReserved() === "!") {
      this.pos++;
      negate = true;
    }
    const commands = [this.command()];
    for (;;) {
      this.skipBlank(false);
      if (this.ch() !== "|" || this.ch(1) === "|") break;
      this.pos++;
      this.skipBlank(true);
      commands.push(this.command());
    }
    return { negate, commands };
  }

  private command(): Command {
    this.skipBlank(false);
    const r = this.peekReserved();
    if (r === "if") return this.withRedirs(this.ifCommand());
    if (r === "while" || r === "until") return this.withRedirs(this.loop(r === "until"));
    if (r === "for") return this.withRedirs(this.forCommand());
    if (r === "{") {
      this.pos++;
      const body = this.list(["}"]);
      this.expectReserved("}");
      return this.withRedirs({ kind: "group", subshell: false, body, redirs: [] });
    }
    if (this.ch() === "(") {
      this.pos++;
      const body = this.list([]);
      this.skipBlank(true);
      if (this.ch() !== ")")
        throw this.eof() ? new ParseError("eof", ")") : new ParseError("token", this.peekToken());
      this.pos++;
      return this.withRedirs({ kind: "group", subshell: true, body, redirs: [] });
    }
    const bare = this.peekBare();
    if (bare !== undefined && NAME.test(bare) && /^\s*\(\s*\)/.test(this.src.slice(this.pos + bare.length))) {
      this.pos += bare.length;
      this.pos = this.src.indexOf(")", this.pos) + 1;
      this.skipBlank(true);
      return { kind: "func", name: bare, body: this.command() };
    }
    return this.simple();
  }

  private withRedirs<C extends Compound>(cmd: C): C {
    for (;;) {
      this.skipBlank(false);
      const redir = this.redir();
      if (redir === undefined) return cmd;
      cmd.redirs.push(redir);
    }
  }

  private ifCommand(): Compound {
    this.pos += 2;
    const clauses: { cond: List; body: List }[] = [];
    let otherwise: List | undefined;
    let cond = this.list(["then"]);
    for (;;) {
      this.expectReserved("then");
      const body = this.list(["elif", "else", "fi"]);
      clauses.push({ cond, body });
      this.skipBlank(true);
      const r = this.peekReserved();
      if (r === "elif") {
        this.pos += 4;
        cond = this.list(["then"]);
        continue;
      }
      if (r === "else") {
        this.pos += 4;
        otherwise = this.list(["fi"]);
      }
      this.expectReserved("fi");
      break;
    }
    return otherwise === undefined
      ? { kind: "if", clauses, redirs: [] }
      : { kind: "if", clauses, otherwise, redirs: [] };
  }

  private loop(until: boolean): Compound {
    this.pos += until ? 5 : 5;
    const cond = this.list(["do"]);
    this.expectReserved("do");
    const body = this.list(["done"]);
    this.expectReserved("done");
    return { kind: "loop", until, cond, body, redirs: [] };
  }

  private forCommand(): Compound {
    this.pos += 3;
    this.skipBlank(false);
    const name = this.peekBare();
    if (name === undefined || !NAME.test(name)) throw new ParseError("token", this.peekToken());
    this.pos += name.length;
    this.skipBlank(true);
    let items: Word[] | undefined;
    if (this.peekReserved() === "in") {
      this.pos += 2;
      items = [];
      for (;;) {
        this.skipBlank(false);
        if (this.ch() === ";" || this.ch() === "\n") {
          this.pos++;
          break;
        }
        if (this.eof()) throw new ParseError("eof", "do");
        const w = this.word(false);
        if (w === undefined) throw new ParseError("token", this.peekToken());
        items.push(w);
      }
    } else if (this.ch() === ";") {
      this.pos++;
    }
    this.expectReserved("do");
    const body = this.list(["done"]);
    this.expectReserved("done");
    return items === undefined
      ? { kind: "for", name, body, redirs: [] }
      : { kind: "for", name, items, body, redirs: [] };
  }

  private newlines: number[] | undefined;

  private lineAt(pos: number): number {
    if (this.newlines === undefined) {
      this.newlines = [];
      for (let i = this.src.indexOf("\n"); i >= 0; i = this.src.indexOf("\n", i + 1)) this.newlines.push(i);
    }
    let lo = 0;
    let hi = this.newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.newlines[mid] as number) < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }

  private simple(): Command {
    const line = this.lineAt(this.pos);
    const assigns: { name: string; value: Word }[] = [];
    const words: Word[] = [];
    const redirs: Redir[] = [];
    for (;;) {
      this.skipBlank(false);
      if (this.eof()) break;
      const c = this.ch();
      const redir = this.redir();
      if (redir !== undefined) {
        redirs.push(redir);
        continue;
      }
      if (DELIMS.has(c)) break;
      const w = this.word(false);
      if (w === undefined) break;
      const first = w.parts[0];
      if (words.length === 0 && first?.t === "lit" && !first.q) {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.v);
        if (m?.[1] !== undefined) {
          const rest = first.v.slice(m[0].length);
          const parts: WordPart[] =
            rest === "" ? w.parts.slice(1) : [{ t: "lit", v: rest, q: false }, ...w.parts.slice(1)];
          assigns.push({ name: m[1], value: { parts } });
          continue;
        }
      }
      words.push(w);
    }
    if (words.length === 0 && assigns.length === 0 && redirs.length === 0) {
      if (this.eof()) throw new ParseError("eof", "command");
      throw new ParseError("token", this.peekToken());
    }
    return { kind: "simple", assigns, words, redirs, line };
  }

  private redir(): Redir | undefined {
    const m = /^(\d?)(>>|>&|<&|>\||&>|>|<)/.exec(this.src.slice(this.pos, this.pos + 4));
    if (m === null) return undefined;
    const [all, digits, opText] = m as unknown as [string, string, string];
    this.pos += all.length;
    this.skipBlank(false);
    const target = this.word(false);
    if (target === undefined)
      throw this.eof() ? new ParseError("eof", "word") : new ParseError("token", this.peekToken());
    const op = opText === ">|" ? ">" : opText === "&>" ? ">" : (opText as Redir["op"]);
    const fd = digits !== "" ? Number(digits) : op === "<" || op === "<&" ? 0 : 1;
    if (opText === "&>") return { fd: 1, op: ">", target };
    return { fd, op, target };
  }

  /** Reads one word; `toEnd` reads to the end of the text ignoring delimiters. */
  word(toEnd: boolean): Word | undefined {
    const parts: WordPart[] = [];
    let lit = "";
    const flush = (): void => {
      if (lit !== "") parts.push({ t: "lit", v: lit, q: false });
      lit = "";
    };
    const start = this.pos;
    while (!this.eof()) {
      const c = this.ch();
      if (!toEnd && DELIMS.has(c)) break;
      if (c === "\\") {
        if (this.ch(1) === "\n") {
          this.pos += 2;
          continue;
        }
        flush();
        parts.push({ t: "lit", v: this.ch(1), q: true });
        this.pos += 2;
      } else if (c === "'") {
        flush();
        const end = this.src.indexOf("'", this.pos + 1);
        if (end < 0) throw new ParseError("quote", "'");
        parts.push({ t: "lit", v: this.src.slice(this.pos + 1, end), q: true });
        this.pos = end + 1;
      } else if (c === '"') {
        flush();
        this.pos++;
        this.doubleQuoted(parts);
      } else if (c === "$" || c === "`") {
        const part = this.dollar(false);
        if (part === undefined) {
          lit += c;
          this.pos++;
        } else {
          flush();
          parts.push(part);
        }
      } else {
        lit += c;
        this.pos++;
      }
    }
    flush();
    return this.pos > start ? { parts } : undefined;
  }

  private doubleQuoted(parts: WordPart[]): void {
    let lit = "";
    for (;;) {
      if (this.eof()) throw new ParseError("quote", '"');
      const c = this.ch();
      if (c === '"') {
        this.pos++;
        break;
      }
      if (c === "\\" && ["$", "`", '"', "\\", "\n"].includes(this.ch(1))) {
        if (this.ch(1) !== "\n") lit += this.ch(1);
        this.pos += 2;
      } else if (c === "$" || c === "`") {
        const part = this.dollar(true);
        if (part === undefined) {
          lit += c;
          this.pos++;
        } else {
          parts.push({ t: "lit", v: lit, q: true });
          lit = "";
          parts.push(part);
        }
      } else {
        lit += c;
        this.pos++;
      }
    }
    parts.push({ t: "lit", v: lit, q: true });
  }

  /** Parses $… or `…` at pos; undefined when the "$" is literal. */
  private dollar(q: boolean): WordPart | undefined {
    if (this.ch() === "`") {
      const end = this.src.indexOf("`", this.pos + 1);
      if (end < 0) throw new ParseError("quote", "`");
      const inner = this.src.slice(this.pos + 1, end);
      this.pos = end + 1;
      this.enter();
      const list = new Parser(inner, this.depth).list([]);
      this.leave();
      return { t: "cmd", list, q };
    }
    const next = this.ch(1);
    if (next === "(" && this.ch(2) === "(") {
      const end = this.matchClose(this.pos + 3, "(", ")", 2);
      const expr = this.src.slice(this.pos + 3, end);
      this.pos = end + 2;
      return { t: "arith", expr, q };
    }
    if (next === "(") {
      this.pos += 2;
      const list = this.list([]);
      this.skipBlank(true);
      if (this.ch() !== ")") throw new ParseError("eof", ")");
      this.pos++;
      return { t: "cmd", list, q };
    }
    if (next === "{") {
      const end = this.matchClose(this.pos + 2, "{", "}", 1);
      const inner = this.src.slice(this.pos + 2, end);
      this.pos = end + 1;
      return this.braceParam(inner, q);
    }
    const special = /^[?$#@*!0-9-]/.exec(next);
    if (special) {
      this.pos += 2;
      return { t: "param", name: next, q };
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.src.slice(this.pos + 1, this.pos + 257));
    if (m === null) return undefined;
    this.pos += 1 + m[0].length;
    return { t: "param", name: m[0], q };
  }

  private braceParam(inner: string, q: boolean): WordPart {
    if (inner.startsWith("#") && inner.length > 1) return { t: "param", name: inner.slice(1), q, op: "len" };
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[?$#@*!0-9])(:-|:\+|:=|-|\+|=|#|%)?([\s\S]*)$/.exec(inner);
    if (m === null || m[1] === undefined) throw new ParseError("token", `\${${inner}}`);
    const op = m[2] as ParamOp | undefined;
    if (op === undefined) {
      if ((m[3] ?? "") !== "") throw new ParseError("token", `\${${inner}}`);
      return { t: "param", name: m[1], q };
    }
    return { t: "param", name: m[1], q, op, arg: parseWordText(m[3] ?? "", this.depth + 1) };
  }

  /** Index of the closer matching an already-open group of `count` openers. */
  private matchClose(from: number, open: string, close: string, count: number): number {
    let depth = 1;
    let quote = "";
    for (let i = from; i < this.src.length; i++) {
      const c = this.src[i] as string;
      if (quote !== "") {
        if (c === quote) quote = "";
        else if (c === "\\" && quote === '"') i++;
        continue;
      }
      if (c === "'" || c === '"') quote = c;
      else if (c === "\\") i++;
      else if (c === open) depth++;
      else if (c === close) {
        depth--;
        if (depth === 0 && (count === 1 || this.src[i + 1] === close)) return i;
        if (depth === 0) depth = 1;
      }
    }
    throw new ParseError("eof", close.repeat(count));
  }
}
