// kubectl's JSONPath template parser, written here as a port of
// staging/src/k8s.io/client-go/util/jsonpath/parser.go (node types from node.go). Texts outside `{...}`
// become text nodes; each `{...}` becomes a list node of path steps, quoted literals and identifiers
// (`range`, `end`, `true`, `false`). Errors carry client-go's messages, e.g. "unclosed action".

export interface ParamsEntry {
  value: number;
  known: boolean;
  derived: boolean;
}

export type JsonPathNode =
  | { type: "list"; nodes: JsonPathNode[] }
  | { type: "text"; text: string }
  | { type: "field"; value: string }
  | { type: "array"; params: [ParamsEntry, ParamsEntry, ParamsEntry] }
  | { type: "filter"; left: ListNode; right: ListNode; operator: string }
  | { type: "int"; value: number }
  | { type: "float"; value: number }
  | { type: "bool"; value: boolean }
  | { type: "wildcard" }
  | { type: "recursive" }
  | { type: "union"; nodes: ListNode[] }
  | { type: "identifier"; name: string };

export type ListNode = { type: "list"; nodes: JsonPathNode[] };

export class JsonPathSyntaxError extends Error {}

const EOF = "";
const LEFT_DELIM = "{";
const RIGHT_DELIM = "}";

// parser.go: dictKeyRex, sliceOperatorRex
const DICT_KEY = /^'([^']*)'$/;
const SLICE_OPERATOR = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
// parser.go: parseFilter
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/;

const isSpace = (r: string): boolean => r === " " || r === "\t";
const isEndOfLine = (r: string): boolean => r === "\r" || r === "\n";
const isDigit = (r: string): boolean => /^\p{Nd}$/u.test(r);
const isAlphaNumeric = (r: string): boolean => r === "_" || /^[\p{L}\p{Nd}]$/u.test(r);

// parser.go: isTerminator
function isTerminator(r: string): boolean {
  if (isSpace(r) || isEndOfLine(r)) return true;
  return r === EOF || ".,[]$@{}".includes(r);
}

/** fmt's %#U: `U+0021 '!'` (the quoted character only when printable). */
function formatRune(r: string): string {
  const cp = r.codePointAt(0) ?? 0;
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(r) ? `${hex} '${r}'` : hex;
}

// parser.go: UnquoteExtend (strconv.UnquoteChar escapes; either quote character)
function unquoteExtend(s: string): string {
  const quote = s[0];
  if (s.length < 2 || quote !== s[s.length - 1] || (quote !== '"' && quote !== "'"))
    throw new Error("invalid syntax");
  const body = s.slice(1, -1);
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? "";
    if (c === quote) throw new Error("invalid syntax");
    if (c !== "\\") {
      out += c;
      continue;
    }
    const e = body[++i] ?? "";
    const simple: Record<string, string> = {
      a: "\x07",
      b: "\b",
      f: "\f",
      n: "\n",
      r: "\r",
      t: "\t",
      v: "\v",
      "\\": "\\",
    };
    if (e in simple) out += simple[e];
    else if (e === quote) out += e;
    else if (e === "x" || e === "u" || e === "U") {
      const n = e === "x" ? 2 : e === "u" ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + n);
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) throw new Error("invalid syntax");
      out += String.fromCodePoint(Number.parseInt(hex, 16));
      i += n;
    } else if (/[0-7]/.test(e)) {
      const oct = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct)) throw new Error("invalid syntax");
      out += String.fromCharCode(Number.parseInt(oct, 8));
      i += 2;
    } else {
      throw new Error("invalid syntax");
    }
  }
  return out;
}

class Parser {
  readonly root: ListNode = { type: "list", nodes: [] };
  private input = "";
  private pos = 0;
  private start = 0;
  private width = 0;

  parse(text: string): ListNode {
    this.input = text;
    this.pos = 0;
    this.parseText(this.root);
    return this.root;
  }

  private consumeText(): string {
    const value = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return value;
  }

  private next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const r = String.fromCodePoint(this.input.codePointAt(this.pos) ?? 0);
    this.width = r.length;
    this.pos += this.width;
    return r;
  }

  private peek(): string {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private rest(): string {
    return this.input.slice(this.pos);
  }

  private parseText(cur: ListNode): void {
    for (;;) {
      if (this.rest().startsWith(LEFT_DELIM)) {
        if (this.pos > this.start) cur.nodes.push({ type: "text", text: this.consumeText() });
        this.parseLeftDelim(cur);
        return;
      }
      if (this.next() === EOF) break;
    }
    // Correctly reached EOF.
    if (this.pos > this.start) cur.nodes.push({ type: "text", text: this.consumeText() });
  }

  private parseLeftDelim(cur: ListNode): void {
    this.pos += LEFT_DELIM.length;
    this.consumeText();
    const node: ListNode = { type: "list", nodes: [] };
    cur.nodes.push(node);
    this.parseInsideAction(node);
  }

  private parseInsideAction(cur: ListNode): void {
    const rest = this.rest();
    if (rest.startsWith(RIGHT_DELIM)) {
      this.parseRightDelim();
      return;
    }
    if (rest.startsWith("[?(")) {
      this.parseFilter(cur);
      return;
    }
    if (rest.startsWith("..")) {
      this.parseRecursive(cur);
      return;
    }
    const r = this.next();
    if (r === EOF || isEndOfLine(r)) throw new JsonPathSyntaxError("unclosed action");
    if (r === " " || r === "@" || r === "$") {
      // the current object, just pass it
      this.consumeText();
    } else if (r === "[") {
      this.parseArray(cur);
      return;
    } else if (r === '"' || r === "'") {
      this.parseQuote(cur, r);
      return;
    } else if (r === ".") {
      this.parseField(cur);
      return;
    } else if (r === "+" || r === "-" || isDigit(r)) {
      this.backup();
      this.parseNumber(cur);
      return;
    } else if (isAlphaNumeric(r)) {
      this.backup();
      this.parseIdentifier(cur);
      return;
    } else {
      throw new JsonPathSyntaxError(`unrecognized character in action: ${formatRune(r)}`);
    }
    this.parseInsideAction(cur);
  }

  private parseRightDelim(): void {
    this.pos += RIGHT_DELIM.length;
    this.consumeText();
    this.parseText(this.root);
  }

  private parseIdentifier(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (value === "true" || value === "false") cur.nodes.push({ type: "bool", value: value === "true" });
    else cur.nodes.push({ type: "identifier", name: value });
    this.parseInsideAction(cur);
  }

  private parseRecursive(cur: ListNode): void {
    if (cur.nodes[cur.nodes.length - 1]?.type === "recursive") {
      throw new JsonPathSyntaxError("invalid multiple recursive descent");
    }
    this.pos += 2;
    this.consumeText();
    cur.nodes.push({ type: "recursive" });
    if (isAlphaNumeric(this.peek())) {
      this.parseField(cur);
      return;
    }
    this.parseInsideAction(cur);
  }

  private parseNumber(cur: ListNode): void {
    const first = this.peek();
    if (first === "+" || first === "-") this.next();
    for (;;) {
      const r = this.next();
      if (r !== "." && !isDigit(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consumeText();
    if (/^[+-]?\d+$/.test(value)) cur.nodes.push({ type: "int", value: Number(value) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.nodes.push({ type: "float", value: Number(value) });
    else throw new JsonPathSyntaxError(`cannot parse number ${value}`);
    this.parseInsideAction(cur);
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === "\n") throw new JsonPathSyntaxError("unterminated array");
      if (r === "]") break;
    }
    let text = this.consumeText().slice(1, -1);
    if (text === "*") text = ":";

    // union operator
    const strs = text.split(",");
    if (strs.length > 1) {
      const union = strs.map((s) => parseAction(`[${s.replace(/^ +| +$/g, "")}]`));
      cur.nodes.push({ type: "union", nodes: union });
      this.parseInsideAction(cur);
      return;
    }

    // dict key
    const dict = DICT_KEY.exec(text);
    if (dict !== null) {
      cur.nodes.push(...parseAction(`.${dict[1] ?? ""}`).nodes);
      this.parseInsideAction(cur);
      return;
    }

    // slice operator
    const m = SLICE_OPERATOR.exec(text);
    if (m === null) throw new JsonPathSyntaxError(`invalid array index ${text}`);
    const parts = [m[1] ?? "", m[2] ?? "", m[3] ?? ""];
    const params: ParamsEntry[] = [];
    for (let i = 0; i < 3; i++) {
      let part = parts[i] ?? "";
      const entry: ParamsEntry = { value: 0, known: false, derived: false };
      if (part !== "") {
        if (i > 0) part = part.slice(1);
        if (i > 0 && part === "") {
          entry.known = false;
        } else {
          if (!/^[+-]?\d+$/.test(part)) throw new JsonPathSyntaxError(`array index ${part} is not a number`);
          entry.known = true;
          entry.value = Number(part);
        }
      } else if (i === 1) {
        entry.known = true;
        entry.value = (params[0]?.value ?? 0) + 1;
        entry.derived = true;
      }
      params.push(entry);
    }
    const [p0, p1, p2] = params;
    if (p0 === undefined || p1 === undefined || p2 === undefined)
      throw new JsonPathSyntaxError(`invalid array index ${text}`);
    cur.nodes.push({ type: "array", params: [p0, p1, p2] });
    this.parseInsideAction(cur);
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consumeText();
    let begin = false;
    let end = false;
    let pair = "";
    for (;;) {
      const r = this.next();
      if (r === EOF || r === "\n") throw new JsonPathSyntaxError("unterminated filter");
      if (r === '"' || r === "'") {
        if (!begin) {
          // save the paired rune
          begin = true;
          pair = r;
          continue;
        }
        // only add when met paired rune
        if (this.input[this.pos - 2] !== "\\" && r === pair) end = true;
      } else if (r === ")") {
        // in rightParser below quotes only appear zero or once and must be paired at the beginning and end
        if (begin === end) break;
      }
    }
    if (this.next() !== "]") throw new JsonPathSyntaxError("unclosed array expect ]");
    const text = this.consumeText().slice(0, -2);
    const m = FILTER.exec(text);
    if (m === null) {
      cur.nodes.push({
        type: "filter",
        left: parseAction(text),
        right: { type: "list", nodes: [] },
        operator: "exists",
      });
    } else {
      cur.nodes.push({
        type: "filter",
        left: parseAction(m[1] ?? ""),
        right: parseAction(m[3] ?? ""),
        operator: m[2] ?? "",
      });
    }
    this.parseInsideAction(cur);
  }

  private parseQuote(cur: ListNode, end: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === "\n") throw new JsonPathSyntaxError("unterminated quoted string");
      // if it's not escape break the Loop
      if (r === end && this.input[this.pos - 2] !== "\\") break;
    }
    const value = this.consumeText();
    let s: string;
    try {
      s = unquoteExtend(value);
    } catch (e) {
      throw new JsonPathSyntaxError(
        `unquote string ${value} error ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    cur.nodes.push({ type: "text", text: s });
    this.parseInsideAction(cur);
  }

  private parseField(cur: ListNode): void {
    this.consumeText();
    while (this.advance()) {
      // scan until a non-escaped terminator
    }
    const value = this.consumeText();
    if (value === "*") cur.nodes.push({ type: "wildcard" });
    else cur.nodes.push({ type: "field", value: value.replaceAll("\\", "") });
    this.parseInsideAction(cur);
  }

  private advance(): boolean {
    const r = this.next();
    if (r === "\\") {
      this.next();
    } else if (isTerminator(r)) {
      this.backup();
      return false;
    }
    return true;
  }
}

// parser.go: parseAction parses the expression inside delimiters and returns its list node
function parseAction(text: string): ListNode {
  const root = new Parser().parse(`${LEFT_DELIM}${text}${RIGHT_DELIM}`);
  const first = root.nodes[0];
  return first?.type === "list" ? first : { type: "list", nodes: [] };
}

/** Parses a template such as `{range .items[*]}{.metadata.name}{"\n"}{end}`; throws JsonPathSyntaxError. */
export function parseJsonPath(template: string): ListNode {
  return new Parser().parse(template);
}
