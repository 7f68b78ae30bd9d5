/**
 * A stream of JSON values as Go's encoding/json Decoder reads one (kubectl's YAMLOrJSONDecoder uses it
 * for a file that starts with `{`): where each value ends, or where and why the stream stops, in Go's
 * words (scanner.go) and at its offset (bytes read, the bad one included, counted from the start of
 * the stream). Written here because the messages and offsets a learner compares with kubectl's are
 * Go's own; JSON.parse words its errors differently. Values are not built: the caller parses them.
 */

export interface JsonStreamScan {
  /** Each complete value, as [start, end) indexes into the text. */
  readonly values: readonly { readonly start: number; readonly end: number }[];
  readonly error?: JsonStreamError;
}

export interface JsonStreamError {
  /** Go's error text: `invalid character '}' looking for beginning of value`, or `unexpected EOF`. */
  readonly message: string;
  /** A *json.SyntaxError (with an offset), rather than io.ErrUnexpectedEOF. */
  readonly syntax: boolean;
  /** json.SyntaxError.Offset: the UTF-8 bytes read up to and including the bad one. */
  readonly offset: number;
  /** Where the bad character is in the text (its length, at the end of the input). */
  readonly index: number;
}

class Stop {
  constructor(
    readonly index: number,
    readonly message: string,
    readonly syntax: boolean,
  ) {}
}

/** Scans `text` (a BOM already taken off) value after value, until its end or the first error. */
export function scanJsonStream(text: string): JsonStreamScan {
  const values: { start: number; end: number }[] = [];
  let i = 0;
  try {
    for (;;) {
      i = skipSpace(text, i);
      if (i >= text.length) return { values };
      const start = i;
      i = value(text, i);
      values.push({ start, end: i });
    }
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    return {
      values,
      error: { message: e.message, syntax: e.syntax, index: e.index, offset: byteLength(text, e.index) + 1 },
    };
  }
}

/** Go's isSpace in scanner.go: only these four. */
function isSpace(c: string | undefined): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\r";
}

function skipSpace(text: string, i: number): number {
  while (isSpace(text[i])) i++;
  return i;
}

function at(text: string, i: number): string {
  const c = text[i];
  if (c === undefined) throw new Stop(text.length, "unexpected EOF", false);
  return c;
}

function invalid(text: string, i: number, context: string): Stop {
  return new Stop(i, `invalid character ${quoteChar(text, i)} ${context}`, true);
}

/** One value from `i` (spaces before it skipped); returns the index just past it. */
function value(text: string, i: number): number {
  i = skipSpace(text, i);
  const c = at(text, i);
  if (c === "{") return object(text, i + 1);
  if (c === "[") return array(text, i + 1);
  if (c === '"') return string(text, i + 1);
  if (c === "-" || (c >= "0" && c <= "9")) return number(text, i);
  if (c === "t") return literal(text, i, "true");
  if (c === "f") return literal(text, i, "false");
  if (c === "n") return literal(text, i, "null");
  throw invalid(text, i, "looking for beginning of value");
}

function object(text: string, i: number): number {
  i = skipSpace(text, i);
  if (at(text, i) === "}") return i + 1;
  for (;;) {
    if (at(text, i) !== '"') throw invalid(text, i, "looking for beginning of object key string");
    i = skipSpace(text, string(text, i + 1));
    if (at(text, i) !== ":") throw invalid(text, i, "after object key");
    i = skipSpace(text, value(text, i + 1));
    const c = at(text, i);
    if (c === "}") return i + 1;
    if (c !== ",") throw invalid(text, i, "after object key:value pair");
    i = skipSpace(text, i + 1);
  }
}

function array(text: string, i: number): number {
  i = skipSpace(text, i);
  if (at(text, i) === "]") return i + 1;
  for (;;) {
    i = skipSpace(text, value(text, i));
    const c = at(text, i);
    if (c === "]") return i + 1;
    if (c !== ",") throw invalid(text, i, "after array element");
    i++;
  }
}

/** A string's body from just past its opening quote; returns the index past the closing one. */
function string(text: string, i: number): number {
  for (;;) {
    const c = at(text, i);
    if (c === '"') return i + 1;
    if (c === "\\") {
      const e = at(text, i + 1);
      if (e === "u") {
        for (let k = i + 2; k < i + 6; k++)
          if (!/[0-9a-fA-F]/.test(at(text, k))) throw invalid(text, k, "in \\u hexadecimal character escape");
        i += 6;
        continue;
      }
      if (!'"\\/bfnrt'.includes(e)) throw invalid(text, i + 1, "in string escape code");
      i += 2;
      continue;
    }
    if (c < " ") throw invalid(text, i, "in string literal");
    i++;
  }
}

function number(text: string, i: number): number {
  if (text[i] === "-") {
    i++;
    const c = at(text, i);
    if (!(c >= "0" && c <= "9")) throw invalid(text, i, "in numeric literal");
  }
  if (text[i] === "0") i++;
  else while (isDigit(text[i])) i++;
  if (text[i] === ".") {
    i++;
    if (!isDigit(at(text, i))) throw invalid(text, i, "after decimal point in numeric literal");
    while (isDigit(text[i])) i++;
  }
  if (text[i] === "e" || text[i] === "E") {
    i++;
    if (text[i] === "+" || text[i] === "-") i++;
    if (!isDigit(at(text, i))) throw invalid(text, i, "in exponent of numeric literal");
    while (isDigit(text[i])) i++;
  }
  return i;
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}

function literal(text: string, i: number, word: "true" | "false" | "null"): number {
  for (let k = 1; k < word.length; k++) {
    if (at(text, i + k) !== word[k])
      throw invalid(text, i + k, `in literal ${word} (expecting ${quoteChar(word, k)})`);
  }
  return i + word.length;
}

/**
 * scanner.go quoteChar: the bad byte in single quotes, as strconv.Quote writes it. Go looks at one
 * byte: of a character beyond ASCII that is the first byte of its UTF-8 form, read as U+0080–U+00FF.
 */
function quoteChar(text: string, i: number): string {
  const c = text[i] ?? "";
  if (c === "'") return "'\\''";
  if (c === '"') return "'\"'";
  const code = c.codePointAt(0) ?? 0;
  const byte = code < 0x80 ? code : (new TextEncoder().encode(String.fromCodePoint(code))[0] ?? 0);
  return `'${goQuoteRune(byte)}'`;
}

const ESCAPES: Record<number, string> = {
  7: "\\a",
  8: "\\b",
  12: "\\f",
  10: "\\n",
  13: "\\r",
  9: "\\t",
  11: "\\v",
  92: "\\\\",
};

/** strconv.Quote's body for one rune up to U+00FF. */
function goQuoteRune(r: number): string {
  const escaped = ESCAPES[r];
  if (escaped) return escaped;
  if (r < 0x20 || r === 0x7f) return `\\x${r.toString(16).padStart(2, "0")}`;
  // Not printable to Go: the C1 controls, no-break space and soft hyphen.
  if ((r >= 0x80 && r <= 0xa0) || r === 0xad) return `\\u${r.toString(16).padStart(4, "0")}`;
  return String.fromCodePoint(r);
}

/** UTF-8 bytes of text[0, end). */
function byteLength(text: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) n += 1;
    else if (code < 0x800) n += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
