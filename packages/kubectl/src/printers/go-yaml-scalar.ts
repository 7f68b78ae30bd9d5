// The scalar side of go-yaml v2 (sigs.k8s.io/yaml/goyaml.v2), as kubectl -o yaml reaches it: key order
// (sorter.go: keyList.Less), which strings need quotes (encode.go: stringv; resolve.go: resolve,
// isBase60Float) and which style the emitter picks (emitterc.go: yaml_emitter_analyze_scalar,
// yaml_emitter_select_scalar_style).

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type Style = "plain" | "single" | "double" | "literal";

// emitterc.go: yaml_emitter_emit_document_start: best_indent 2, best_width 80
export const BEST_INDENT = 2;
export const BEST_WIDTH = 80;

const isLetter = (ch: string): boolean => /\p{L}/u.test(ch);
const isDigit = (ch: string): boolean => ch >= "0" && ch <= "9";

/** sorter.go: keyList.Less — letters after non-letters, runs of digits compared as numbers. */
export function goYamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i] ?? "";
    const bc = br[i] ?? "";
    if (ac === bc) continue;
    const al = isLetter(ac);
    const bl = isLetter(bc);
    if (al && bl) return (ac.codePointAt(0) ?? 0) < (bc.codePointAt(0) ?? 0);
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ac === "0" || bc === "0") {
      for (let j = i - 1; j >= 0 && isDigit(ar[j] ?? ""); j--) {
        if (ar[j] !== "0") {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai] ?? ""); ai++) an = an * 10 + Number(ar[ai]);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi] ?? ""); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return (ac.codePointAt(0) ?? 0) < (bc.codePointAt(0) ?? 0);
  }
  return ar.length < br.length;
}

export function sortedKeys(map: Record<string, Json>): string[] {
  return Object.keys(map).sort((x, y) => (goYamlKeyLess(x, y) ? -1 : goYamlKeyLess(y, x) ? 1 : 0));
}

// resolve.go: resolveMapList (every entry except "<<", whose first byte has no hint)
const RESOLVE_MAP = new Set([
  ...["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"],
  ...["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"],
  ...["", "~", "null", "Null", "NULL"],
  ...[".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF"],
]);

// resolve.go: yamlStyleFloat
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
// strconv.ParseInt(s, 0, 64) syntax (decimal forms are covered by YAML_STYLE_FLOAT)
const GO_BASE_PREFIXED_INT = /^[-+]?0([xX][0-9a-fA-F]+|[oO]?[0-7]+|[bB][01]+)$/;
// resolve.go: base60float
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
// resolve.go: allowedTimestampFormats "2006-1-2T15:4:5.999999999Z07:00", "2006-1-2t15:4:5.999999999Z07:00",
// "2006-1-2 15:4:5.999999999", "2006-1-2"
const TIMESTAMP =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})| (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?)?$/;

function isTimestamp(s: string): boolean {
  const m = TIMESTAMP.exec(s);
  if (m === null) return false;
  const [, y, mo, d, h1, mi1, s1, h2, mi2, s2] = m;
  const month = Number(mo);
  const day = Number(d);
  const daysInMonth = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return false;
  const hour = Number(h1 ?? h2 ?? 0);
  const minute = Number(mi1 ?? mi2 ?? 0);
  const second = Number(s1 ?? s2 ?? 0);
  return hour < 24 && minute < 60 && second < 60;
}

/** resolve.go: resolve("", s) yields a tag other than !!str, or isBase60Float: the string must be quoted. */
function resolvesToNonString(s: string): boolean {
  const first = s === "" ? "N" : (s[0] ?? "");
  let hint = "";
  if (first === "+" || first === "-") hint = "S";
  else if (isDigit(first)) hint = "D";
  else if ("yYnNtTfFoO~".includes(first)) hint = "M";
  else if (first === ".") hint = ".";
  else if (first === "N") hint = "N";
  if (hint !== "") {
    if (RESOLVE_MAP.has(s)) return true;
    if (hint === "." && /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s)) return true;
    if (hint === "D" || hint === "S") {
      if (isTimestamp(s)) return true;
      const plain = s.replaceAll("_", "");
      if (GO_BASE_PREFIXED_INT.test(plain) || YAML_STYLE_FLOAT.test(plain)) return true;
    }
  }
  const c = s[0] ?? "";
  if (!(c === "+" || c === "-" || isDigit(c)) || !s.includes(":")) return false;
  return BASE60_FLOAT.test(s);
}

// yamlh.go: is_printable (#x0A, #x20-#x7E, #xA0-#xD7FF, #xE000-#xFFFD except #xFEFF); nothing above #xFFFF
export function isPrintable(cp: number): boolean {
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

export const isBreak = (ch: string | undefined): boolean =>
  ch === "\r" || ch === "\n" || ch === "\u0085" || ch === "\u2028" || ch === "\u2029";
const isBlank = (ch: string | undefined): boolean => ch === " " || ch === "\t";

export interface ScalarAnalysis {
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

// emitterc.go: yaml_emitter_analyze_scalar
export function analyzeScalar(value: string): ScalarAnalysis {
  if (value.length === 0) {
    return {
      multiline: false,
      flowPlainAllowed: false,
      blockPlainAllowed: true,
      singleQuotedAllowed: true,
      blockAllowed: false,
    };
  }
  const chars = [...value];
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  if (value.startsWith("---") || value.startsWith("...")) {
    blockIndicators = true;
    flowIndicators = true;
  }
  let precededByWhitespace = true;
  chars.forEach((ch, i) => {
    const next = chars[i + 1];
    const followedByWhitespace = next === undefined || isBlank(next);
    if (i === 0) {
      if ("#,[]{}&*!|>'\"%@`".includes(ch)) {
        flowIndicators = true;
        blockIndicators = true;
      } else if (ch === "?" || ch === ":") {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      } else if (ch === "-" && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else if (",?[]{}".includes(ch)) {
      flowIndicators = true;
    } else if (ch === ":") {
      flowIndicators = true;
      if (followedByWhitespace) blockIndicators = true;
    } else if (ch === "#" && precededByWhitespace) {
      flowIndicators = true;
      blockIndicators = true;
    }
    // the encoder sets emitter.unicode, so only non-printable characters are special
    if (!isPrintable(ch.codePointAt(0) ?? 0)) specialCharacters = true;
    if (ch === " ") {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(ch)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlank(ch) || isBreak(ch);
  });
  const a: ScalarAnalysis = {
    multiline: lineBreaks,
    flowPlainAllowed: true,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
    blockAllowed: true,
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
    a.blockAllowed = false;
  }
  if (lineBreaks) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (flowIndicators) a.flowPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}

/** encode.go: stringv's requested style, then emitterc.go: yaml_emitter_select_scalar_style (block context). */
export function selectStyle(value: string, isString: boolean, simpleKey: boolean, a: ScalarAnalysis): Style {
  let style: Style = "plain";
  if (isString) {
    if (value.includes("\n")) style = "literal";
    else if (!resolvesToNonString(value)) style = "plain";
    else style = "double";
  }
  if (simpleKey && a.multiline) style = "double";
  if (style === "plain") {
    if (!a.blockPlainAllowed) style = "single";
    if (value.length === 0 && simpleKey) style = "single";
  }
  if (style === "single" && !a.singleQuotedAllowed) style = "double";
  if (style === "literal" && (!a.blockAllowed || simpleKey)) style = "double";
  return style;
}
