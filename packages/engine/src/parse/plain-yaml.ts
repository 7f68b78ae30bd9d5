/**
 * A fast reader for the plain YAML most manifests are written in: block mappings and sequences,
 * one-line flow collections, plain and simply quoted scalars, comments. It gives the very values the
 * `yaml` package gives (YAML 1.2 core schema), or `undefined` as soon as it meets anything else
 * (anchors, tags, block or multi-line scalars, escapes, tabs, duplicate keys, numbers other than
 * plain integers, odd indentation...), and the caller then parses the text with the `yaml` package.
 * test/plain-yaml.test.ts checks it against that package on generated and on every manifest in the
 * repository.
 */

/** One document per `---` as the `yaml` package counts them; `null` for an empty one. */
export function readPlainYaml(text: string): unknown[] | undefined {
  if (text.includes("\t") || text.includes("\r") || text.charCodeAt(0) === 0xfeff) return undefined;
  const docs: Line[][] = [];
  let current: Line[] = [];
  let started = false;
  const raw = text.split("\n");
  for (let n = 0; n < raw.length; n++) {
    const line = raw[n] as string;
    if (line.startsWith("---") || line.startsWith("...") || line.startsWith("%")) {
      if (line !== "---") return undefined;
      if (started || current.length > 0) docs.push(current);
      current = [];
      started = true;
      continue;
    }
    const content = stripComment(line);
    if (content === undefined) return undefined;
    if (content.trim() === "") continue;
    const indent = content.length - content.trimStart().length;
    current.push({ indent, text: content.trimEnd().slice(indent) });
  }
  if (started || current.length > 0) docs.push(current);
  const out: unknown[] = [];
  for (const lines of docs) {
    if (lines.length === 0) {
      out.push(null);
      continue;
    }
    const first = lines[0] as Line;
    if (first.indent !== 0) return undefined;
    const reader = { lines, at: 0, depth: 0 };
    const value = readMap(reader, 0);
    if (value === undefined || reader.at !== lines.length) return undefined;
    out.push(value);
  }
  return out;
}

interface Line {
  indent: number;
  text: string;
}

interface Reader {
  lines: Line[];
  at: number;
  /** Collections open around the current line: past MAX_DEPTH the yaml package decides. */
  depth: number;
}

const MAX_DEPTH = 64;

const FAIL = Symbol("fail");
type Value = unknown;

/** The line without its comment, or undefined when a `#` or quote makes it unclear. */
function stripComment(line: string): string | undefined {
  let quote = "";
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = "";
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === "#") {
      if (i === 0 || line[i - 1] === " ") return line.slice(0, i);
      return undefined;
    }
  }
  return quote ? undefined : line;
}

function readMap(r: Reader, indent: number): Record<string, Value> | undefined {
  const map: Record<string, Value> = {};
  while (r.at < r.lines.length) {
    const line = r.lines[r.at] as Line;
    if (line.indent < indent) break;
    if (line.indent > indent) return undefined;
    const entry = readEntry(r, line.text, indent);
    if (entry === undefined) return undefined;
    const [key, value] = entry;
    if (Object.hasOwn(map, key)) return undefined;
    map[key] = value;
  }
  return map;
}

/** `key: value` (or `key:` and a block below it) at the reader's line, the line consumed. */
function readEntry(r: Reader, text: string, indent: number): [string, Value] | undefined {
  const k = readKey(text);
  if (k === undefined) return undefined;
  const [key, rest] = k;
  r.at++;
  if (rest === "") {
    const next = r.lines[r.at];
    if (next === undefined || next.indent < indent) return [key, null];
    if (next.indent === indent) {
      if (!isDash(next.text)) return [key, null];
      if (r.depth >= MAX_DEPTH) return undefined;
      r.depth++;
      const seq = readSeq(r, indent);
      r.depth--;
      return seq === undefined ? undefined : [key, seq];
    }
    const block = readBlock(r, next.indent);
    return block === undefined ? undefined : [key, block];
  }
  const value = readInline(rest);
  return value === FAIL ? undefined : [key, value];
}

function isDash(text: string): boolean {
  return text === "-" || text.startsWith("- ");
}

/** A block mapping or sequence starting at the reader's line, which is indented by `indent`. */
function readBlock(r: Reader, indent: number): Value | undefined {
  const line = r.lines[r.at] as Line;
  if (r.depth >= MAX_DEPTH) return undefined;
  r.depth++;
  const value = isDash(line.text) ? readSeq(r, indent) : readMap(r, indent);
  r.depth--;
  return value;
}

function readSeq(r: Reader, indent: number): Value[] | undefined {
  const seq: Value[] = [];
  while (r.at < r.lines.length) {
    const line = r.lines[r.at] as Line;
    if (line.indent < indent) break;
    if (line.indent > indent || !isDash(line.text)) {
      // A sequence under a key at the key's own indentation ends where the mapping goes on.
      if (line.indent === indent && seq.length > 0) break;
      return undefined;
    }
    const after = line.text.slice(1);
    const rest = after.trimStart();
    if (rest === "") {
      r.at++;
      const next = r.lines[r.at];
      if (next === undefined || next.indent <= indent) seq.push(null);
      else {
        const block = readBlock(r, next.indent);
        if (block === undefined) return undefined;
        seq.push(block);
      }
      continue;
    }
    if (isDash(rest)) return undefined;
    const itemIndent = indent + 1 + (after.length - rest.length);
    if (readKey(rest) !== undefined) {
      // `- key: value` opens a mapping whose further keys sit under `key`.
      r.lines[r.at] = { indent: itemIndent, text: rest };
      if (r.depth >= MAX_DEPTH) return undefined;
      r.depth++;
      const map = readMap(r, itemIndent);
      r.depth--;
      if (map === undefined) return undefined;
      seq.push(map);
      continue;
    }
    const value = readInline(rest);
    if (value === FAIL) return undefined;
    r.at++;
    seq.push(value);
  }
  return seq;
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_./-]*$/;

/** A mapping key and what follows its `: `, or undefined when the text is not a simple `key:` line. */
function readKey(text: string): [string, string] | undefined {
  let key: string;
  let after: string;
  if (text.startsWith('"') || text.startsWith("'")) {
    const end = text.indexOf(text[0] as string, 1);
    if (end < 0) return undefined;
    const quoted = readQuoted(text.slice(0, end + 1));
    if (quoted === FAIL) return undefined;
    key = quoted as string;
    after = text.slice(end + 1);
    if (!after.startsWith(":")) return undefined;
    after = after.slice(1);
  } else {
    const colon = text.indexOf(":");
    if (colon <= 0) return undefined;
    key = text.slice(0, colon);
    if (!PLAIN_KEY.test(key)) return undefined;
    after = text.slice(colon + 1);
  }
  if (!isStringKey(key)) return undefined;
  if (after !== "" && !after.startsWith(" ")) return undefined;
  return [key, after.trim()];
}

/** A key that stays the same string in JavaScript: not a merge key, not null or a boolean, no prototype. */
function isStringKey(key: string): boolean {
  if (key === "__proto__" || key === "<<") return false;
  return readPlain(key, false) === key;
}

/** A value written on the key's line: a one-line flow collection, a quoted or a plain scalar. */
function readInline(text: string): Value | typeof FAIL {
  if (text.startsWith("[") || text.startsWith("{")) {
    const cursor = { text, at: 0, depth: 0 };
    const value = readFlow(cursor);
    if (value === FAIL || cursor.at !== text.length) return FAIL;
    return value;
  }
  if (text.startsWith('"') || text.startsWith("'")) return readQuoted(text);
  return readPlain(text, false);
}

/** A quoted scalar that is the whole of `text`: no escapes, no doubled quotes. */
function readQuoted(text: string): string | typeof FAIL {
  const q = text[0] as string;
  if (text.length < 2 || text[text.length - 1] !== q) return FAIL;
  const inner = text.slice(1, -1);
  if (inner.includes(q) || inner.includes("\\")) return FAIL;
  return inner;
}

// Characters that cannot start a plain scalar here (indicators), and the yaml package's core-schema
// tests (schema/core, schema/common): a scalar one of them matches is not a string.
const INDICATOR_START = /^[?:,[\]{}#&*!|>'"%@`]/;
const NOT_A_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];

/** A plain scalar resolved by the core schema; anything that could be a float, or odd, fails. */
function readPlain(text: string, flow: boolean): Value | typeof FAIL {
  if (text === "") return FAIL;
  if (text.includes(": ") || text.endsWith(":") || text.includes(" #")) return FAIL;
  if (flow && /[,[\]{}:#]/.test(text)) return FAIL;
  if (text === "null" || text === "Null" || text === "NULL" || text === "~") return null;
  if (text === "true" || text === "True" || text === "TRUE") return true;
  if (text === "false" || text === "False" || text === "FALSE") return false;
  if (/^[0-9]+$/.test(text)) {
    if ((text.length > 1 && text[0] === "0") || text.length > 15) return FAIL;
    return Number(text);
  }
  if (INDICATOR_START.test(text) || (text.startsWith("-") && !/^-[A-Za-z0-9_./]/.test(text))) return FAIL;
  // Other numbers (signed, octal, hex, floats) are the yaml package's to convert.
  if (NOT_A_STRING.some((test) => test.test(text))) return FAIL;
  return text;
}

interface Cursor {
  text: string;
  at: number;
  depth: number;
}

function skipSpaces(c: Cursor): void {
  while (c.text[c.at] === " ") c.at++;
}

function readFlow(c: Cursor): Value | typeof FAIL {
  if (c.depth >= MAX_DEPTH) return FAIL;
  c.depth++;
  const value = readFlowCollection(c);
  c.depth--;
  return value;
}

function readFlowCollection(c: Cursor): Value | typeof FAIL {
  const open = c.text[c.at];
  const close = open === "[" ? "]" : "}";
  c.at++;
  const seq: Value[] = [];
  const map: Record<string, Value> = {};
  skipSpaces(c);
  if (c.text[c.at] === close) {
    c.at++;
    return open === "[" ? seq : map;
  }
  for (;;) {
    skipSpaces(c);
    if (open === "[") {
      const item = readFlowValue(c);
      if (item === FAIL) return FAIL;
      seq.push(item);
    } else {
      const key = readFlowScalarText(c);
      if (key === FAIL) return FAIL;
      const k = key.quoted || PLAIN_KEY.test(key.text) ? key.text : undefined;
      if (k === undefined || !isStringKey(k) || Object.hasOwn(map, k)) return FAIL;
      if (c.text[c.at] !== ":" || c.text[c.at + 1] !== " ") return FAIL;
      c.at += 2;
      skipSpaces(c);
      const value = readFlowValue(c);
      if (value === FAIL) return FAIL;
      map[k] = value;
    }
    skipSpaces(c);
    const sep = c.text[c.at];
    c.at++;
    if (sep === close) return open === "[" ? seq : map;
    if (sep !== ",") return FAIL;
    skipSpaces(c);
    if (c.text[c.at] === close || c.text[c.at] === ",") return FAIL;
  }
}

function readFlowValue(c: Cursor): Value | typeof FAIL {
  const ch = c.text[c.at];
  if (ch === "[" || ch === "{") return readFlow(c);
  const scalar = readFlowScalarText(c);
  if (scalar === FAIL) return FAIL;
  return scalar.quoted ? scalar.text : readPlain(scalar.text, true);
}

/** A flow scalar's text up to the next `,`, `]`, `}` or `: `. */
function readFlowScalarText(c: Cursor): { text: string; quoted: boolean } | typeof FAIL {
  const ch = c.text[c.at];
  if (ch === '"' || ch === "'") {
    const end = c.text.indexOf(ch, c.at + 1);
    if (end < 0) return FAIL;
    const text = readQuoted(c.text.slice(c.at, end + 1));
    if (text === FAIL) return FAIL;
    c.at = end + 1;
    return { text, quoted: true };
  }
  const start = c.at;
  while (c.at < c.text.length) {
    const x = c.text[c.at];
    if (x === "," || x === "]" || x === "}") break;
    if (x === ":" && c.text[c.at + 1] === " ") break;
    c.at++;
  }
  const text = c.text.slice(start, c.at).trimEnd();
  if (text === "") return FAIL;
  return { text, quoted: false };
}
