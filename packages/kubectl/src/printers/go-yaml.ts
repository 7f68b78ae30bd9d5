// YAML exactly as `kubectl get -o yaml` writes it. kubectl marshals with sigs.k8s.io/yaml, which turns the
// object into JSON and the JSON into YAML with its go-yaml v2 fork (sigs.k8s.io/yaml/goyaml.v2). That
// emitter sorts map keys, wraps long scalars after column 80 and quotes by its own rules, which the npm
// `yaml` package cannot reproduce, so this file ports the parts of go-yaml v2 that JSON data reaches:
// encode.go (stringv, floatv), resolve.go (resolve, isBase60Float), sorter.go (keyList.Less) and
// emitterc.go (block mapping/sequence, scalar analysis, style selection and the four scalar writers).
import { formatGoFloat } from "./go-float";
import {
  analyzeScalar,
  BEST_INDENT,
  BEST_WIDTH,
  isBreak,
  isPrintable,
  type Json,
  selectStyle,
  sortedKeys,
} from "./go-yaml-scalar";

export { goYamlKeyLess } from "./go-yaml-scalar";

// emitterc.go: yaml_emitter_write_double_quoted_scalar escapes
const DOUBLE_ESCAPES: Record<number, string> = {
  0: "0",
  7: "a",
  8: "b",
  9: "t",
  10: "n",
  11: "v",
  12: "f",
  13: "r",
  27: "e",
  34: '"',
  92: "\\",
  133: "N",
  160: "_",
  8232: "L",
  8233: "P",
};

class Emitter {
  out = "";
  column = 0;
  whitespace = true;
  indention = true;
  openEnded = false;
  indent = -1;

  private put(ch: string): void {
    this.out += ch;
    this.column++;
  }

  private putBreak(): void {
    this.out += "\n";
    this.column = 0;
  }

  // emitterc.go: yaml_emitter_write_indent
  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace))
      this.putBreak();
    while (this.column < indent) this.put(" ");
    this.whitespace = true;
    this.indention = true;
  }

  // emitterc.go: yaml_emitter_write_indicator
  private writeIndicator(
    indicator: string,
    needWhitespace: boolean,
    isWhitespace: boolean,
    isIndention: boolean,
  ): void {
    if (needWhitespace && !this.whitespace) this.put(" ");
    for (const ch of indicator) this.put(ch);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
    this.openEnded = false;
  }

  // emitterc.go: yaml_emitter_increase_indent
  private increaseIndent(flow: boolean, indentless: boolean): number {
    const saved = this.indent;
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
    return saved;
  }

  node(value: Json, mappingContext: boolean, simpleKey: boolean): void {
    if (Array.isArray(value)) this.sequence(value, mappingContext);
    else if (value !== null && typeof value === "object") this.mapping(value);
    else this.scalar(value, simpleKey);
  }

  private mapping(map: Record<string, Json>): void {
    const keys = sortedKeys(map);
    if (keys.length === 0) {
      // yaml_emitter_check_empty_mapping: an empty mapping is written in flow style
      this.writeIndicator("{", true, true, false);
      this.writeIndicator("}", false, false, false);
      return;
    }
    const saved = this.increaseIndent(false, false);
    for (const key of keys) {
      this.writeIndent();
      this.scalar(key, true);
      this.writeIndicator(":", false, false, false);
      this.node(map[key] ?? null, true, false);
    }
    this.indent = saved;
  }

  private sequence(items: Json[], mappingContext: boolean): void {
    if (items.length === 0) {
      this.writeIndicator("[", true, true, false);
      this.writeIndicator("]", false, false, false);
      return;
    }
    // a block sequence that is a mapping value is not indented under its key
    const saved = this.increaseIndent(false, mappingContext && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator("-", true, false, true);
      this.node(item, false, false);
    }
    this.indent = saved;
  }

  private scalar(value: null | boolean | number | string, simpleKey: boolean): void {
    const text = scalarText(value);
    const analysis = analyzeScalar(text);
    const style = selectStyle(text, typeof value === "string", simpleKey, analysis);
    const saved = this.increaseIndent(true, false);
    const allowBreaks = !simpleKey;
    if (style === "plain") this.writePlain(text, allowBreaks);
    else if (style === "single") this.writeSingle(text, allowBreaks);
    else if (style === "double") this.writeDouble(text, allowBreaks);
    else this.writeLiteral(text);
    this.indent = saved;
  }

  // emitterc.go: yaml_emitter_write_plain_scalar (JSON strings reach it without line breaks)
  private writePlain(value: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(" ");
    const chars = [...value];
    let spaces = false;
    chars.forEach((ch, i) => {
      if (ch === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== " ") this.writeIndent();
        else this.put(ch);
        spaces = true;
      } else {
        this.put(ch);
        this.indention = false;
        spaces = false;
      }
    });
    this.whitespace = false;
    this.indention = false;
  }

  // emitterc.go: yaml_emitter_write_single_quoted_scalar (never reached with line breaks, see selectStyle)
  private writeSingle(value: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    const chars = [...value];
    let spaces = false;
    chars.forEach((ch, i) => {
      if (ch === " ") {
        if (
          allowBreaks &&
          !spaces &&
          this.column > BEST_WIDTH &&
          i > 0 &&
          i < chars.length - 1 &&
          chars[i + 1] !== " "
        ) {
          this.writeIndent();
        } else {
          this.put(ch);
        }
        spaces = true;
      } else {
        if (ch === "'") this.put("'");
        this.put(ch);
        this.indention = false;
        spaces = false;
      }
    });
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  // emitterc.go: yaml_emitter_write_double_quoted_scalar
  private writeDouble(value: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    const chars = [...value];
    let spaces = false;
    chars.forEach((ch, i) => {
      const cp = ch.codePointAt(0) ?? 0;
      if (!isPrintable(cp) || cp === 0xfeff || isBreak(ch) || ch === '"' || ch === "\\") {
        this.put("\\");
        const short = DOUBLE_ESCAPES[cp];
        if (short !== undefined) {
          this.put(short);
        } else {
          const [prefix, width] = cp <= 0xff ? ["x", 2] : cp <= 0xffff ? ["u", 4] : ["U", 8];
          for (const c of `${prefix}${cp.toString(16).toUpperCase().padStart(width, "0")}`) this.put(c);
        }
        spaces = false;
      } else if (ch === " ") {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
          this.writeIndent();
          if (chars[i + 1] === " ") this.put("\\");
        } else {
          this.put(ch);
        }
        spaces = true;
      } else {
        this.put(ch);
        spaces = false;
      }
    });
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  // emitterc.go: yaml_emitter_write_literal_scalar with yaml_emitter_write_block_scalar_hints
  private writeLiteral(value: string): void {
    this.writeIndicator("|", true, false, false);
    const chars = [...value];
    if (chars[0] === " " || isBreak(chars[0])) this.writeIndicator(String(BEST_INDENT), false, false, false);
    this.openEnded = false;
    const last = chars[chars.length - 1];
    let chomp = "";
    if (chars.length === 0 || !isBreak(last)) chomp = "-";
    else if (chars.length === 1 || isBreak(chars[chars.length - 2])) chomp = "+";
    if (chomp !== "") this.writeIndicator(chomp, false, false, false);
    if (chomp === "+") this.openEnded = true;
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const ch of chars) {
      if (isBreak(ch)) {
        if (ch === "\n") this.putBreak();
        else {
          this.out += ch;
          this.column = 0;
        }
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(ch);
        this.indention = false;
        breaks = false;
      }
    }
  }

  // emitterc.go: document end and stream end for an implicit document
  finish(): void {
    this.indent = -1;
    this.writeIndent();
    if (this.openEnded) {
      this.writeIndicator("...", true, false, false);
      this.writeIndent();
    }
  }
}

// encode.go: intv (strconv.FormatInt), floatv (strconv.FormatFloat(f, 'g', -1, 64)), boolv, nilv
function scalarText(value: null | boolean | number | string): string {
  if (value === null) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") {
    // kubectl's YAML is go-yaml reading the object's JSON: an integer literal that fits int64 stays an
    // int; a bigger one (1e20) is read as a float and printed as one (1e+20).
    if (Number.isInteger(value) && Math.abs(value) < 2 ** 63) return BigInt(value).toString();
    if (Number.isNaN(value)) return ".nan";
    if (!Number.isFinite(value)) return value > 0 ? ".inf" : "-.inf";
    return formatGoFloat(value);
  }
  return value;
}

/** A JSON-compatible value as kubectl prints it with -o yaml. `undefined` fields are dropped, as JSON does. */
export function toGoYaml(value: unknown): string {
  const json = JSON.parse(JSON.stringify(value ?? null)) as Json;
  const emitter = new Emitter();
  emitter.node(json, false, false);
  emitter.finish();
  return emitter.out;
}
