// kubectl's flag grammar: spf13/pflag's FlagSet.Parse over the flags one command defines (its own and
// the root's persistent ones). `--name=value`, `--name value`, `-n value`, `-nvalue`, `-n=value`,
// grouped shorthands (`-it`), a flag with NoOptDefVal (every bool, `--dry-run`, `--validate`, ...)
// takes no separate value, and everything after `--` is passed through untouched.

/** pflag value types kubectl's flags are declared with (what a value must parse as). */
export type FlagType =
  | "bool"
  | "string"
  | "int"
  | "int32"
  | "int64"
  | "float64"
  | "duration"
  | "stringArray"
  | "stringSlice"
  | "level";

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly type: FlagType;
  /** The value `--name` alone gives (pflag's NoOptDefVal); every bool has "true". */
  readonly noOptDefVal?: string;
}

export interface ParsedArgs {
  positionals: string[];
  /** Values by long flag name, in the order given; a bool's is "true" or "false". */
  flags: Map<string, string[]>;
  /** Arguments after `--`. */
  rest: string[] | undefined;
  errors: string[];
}

export class FlagSet {
  private readonly byName = new Map<string, FlagSpec>();
  private readonly byShort = new Map<string, FlagSpec>();

  constructor(specs: Iterable<FlagSpec>) {
    // A command's own flag shadows a persistent one of the same name, as cobra merges them.
    for (const spec of specs) {
      if (this.byName.has(spec.name)) continue;
      this.byName.set(spec.name, spec);
      if (spec.short) this.byShort.set(spec.short, spec);
    }
  }

  /**
   * kubectl's flags are normalized as pflag's Lookup does with kubectl's WordSepNormalizeFunc:
   * `--all_namespaces` is `--all-namespaces` (an unknown one is reported as typed).
   */
  lookup(name: string): FlagSpec | undefined {
    return this.byName.get(name.includes("_") ? name.replaceAll("_", "-") : name);
  }

  lookupShort(short: string): FlagSpec | undefined {
    return this.byShort.get(short);
  }

  /** Whether `--name` (or `-x`) alone is complete, taking no value from the next argument. */
  takesNoArgument(spec: FlagSpec | undefined): boolean {
    return noOptDefVal(spec) !== undefined;
  }
}

function noOptDefVal(spec: FlagSpec | undefined): string | undefined {
  if (!spec) return undefined;
  return spec.noOptDefVal ?? (spec.type === "bool" ? "true" : undefined);
}

/** pflag's FlagSet.Parse: flags anywhere (interspersed), `--` ends them. Stops at the first error. */
export function parseFlags(argv: readonly string[], set: FlagSet): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string[]>();
  const errors: string[] = [];
  let rest: string[] | undefined;
  const store = (spec: FlagSpec, raw: string): boolean => {
    const value = checkValue(spec, raw);
    if (typeof value === "object") {
      const shown = spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
      errors.push(`invalid argument ${goQuote(raw)} for ${goQuote(shown)} flag: ${value.error}`);
      return false;
    }
    const values = flags.get(spec.name) ?? [];
    if (spec.type === "stringSlice") values.push(...splitSlice(value));
    else values.push(value);
    flags.set(spec.name, values);
    return true;
  };
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i++] ?? "";
    if (arg.length < 2 || arg[0] !== "-") {
      positionals.push(arg);
      continue;
    }
    if (arg === "--") {
      rest = argv.slice(i);
      break;
    }
    if (arg[1] === "-") {
      const body = arg.slice(2);
      if (body[0] === "-" || body[0] === "=") {
        errors.push(`bad flag syntax: ${arg}`);
        break;
      }
      const eq = body.indexOf("=");
      const name = eq === -1 ? body : body.slice(0, eq);
      const spec = set.lookup(name);
      if (!spec) {
        errors.push(`unknown flag: --${name}`);
        break;
      }
      let value: string;
      const optional = noOptDefVal(spec);
      if (eq !== -1) value = body.slice(eq + 1);
      else if (optional !== undefined) value = optional;
      else if (i < argv.length) value = argv[i++] ?? "";
      else {
        errors.push(`flag needs an argument: ${arg}`);
        break;
      }
      if (!store(spec, value)) break;
      continue;
    }
    // Shorthands: "-abc" is -a -b -c until one of them takes the rest of the word as its value.
    let shorthands = arg.slice(1);
    let failed = false;
    while (shorthands.length > 0) {
      const c = shorthands[0] ?? "";
      const spec = set.lookupShort(c);
      if (!spec) {
        errors.push(`unknown shorthand flag: '${c}' in -${shorthands}`);
        failed = true;
        break;
      }
      let value: string;
      const optional = noOptDefVal(spec);
      if (shorthands.length > 2 && shorthands[1] === "=") {
        value = shorthands.slice(2);
        shorthands = "";
      } else if (optional !== undefined) {
        value = optional;
        shorthands = shorthands.slice(1);
      } else if (shorthands.length > 1) {
        value = shorthands.slice(1);
        shorthands = "";
      } else if (i < argv.length) {
        value = argv[i++] ?? "";
        shorthands = "";
      } else {
        errors.push(`flag needs an argument: '${c}' in -${shorthands}`);
        failed = true;
        break;
      }
      if (!store(spec, value)) {
        failed = true;
        break;
      }
    }
    if (failed) break;
  }
  return { positionals, flags, rest, errors };
}

/** The value as stored (bools and ints normalised), or why the flag's type rejects it. */
function checkValue(spec: FlagSpec, raw: string): string | { error: string } {
  switch (spec.type) {
    case "bool": {
      const b = parseGoBool(raw);
      return b === undefined
        ? { error: `strconv.ParseBool: parsing ${goQuote(raw)}: invalid syntax` }
        : String(b);
    }
    case "int":
    case "int64":
    case "int32":
    case "level": {
      return parseGoInt(raw, spec.type === "int32" || spec.type === "level" ? 32 : 64);
    }
    case "float64":
      return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^[+-]?(Inf|inf|NaN)$/.test(raw)
        ? raw
        : { error: `strconv.ParseFloat: parsing ${goQuote(raw)}: invalid syntax` };
    case "duration":
      return isGoDuration(raw) ? raw : { error: durationError(raw) };
    default:
      return raw;
  }
}

/** strconv.ParseBool's spellings. */
export function parseGoBool(s: string): boolean | undefined {
  if (["1", "t", "T", "TRUE", "true", "True"].includes(s)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(s)) return false;
  return undefined;
}

/** strconv.ParseInt(s, 0, bits) as a decimal string: 0x, 0o, 0b and leading-0 octal prefixes, `_` after a prefix. */
function parseGoInt(s: string, bits: 32 | 64): string | { error: string } {
  const syntax = { error: `strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax` };
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|0[0-7_]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return syntax;
  const sign = m[1] === "-" ? -1n : 1n;
  let digits = m[2] ?? "0";
  if (digits.includes("_") && !/^0[xXbBoO]?/.test(digits)) return syntax;
  digits = digits.replaceAll("_", "");
  if (/^0[0-7]+$/.test(digits)) digits = `0o${digits.slice(1)}`;
  if (/^0[xXbBoO]$/.test(digits)) return syntax;
  const value = sign * BigInt(digits);
  const limit = 1n << BigInt(bits - 1);
  if (value >= limit || value < -limit)
    return { error: `strconv.ParseInt: parsing ${goQuote(s)}: value out of range` };
  return value.toString();
}

const DURATION = /^[+-]?(0|((\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h))+)$/;

/** time.ParseDuration's grammar: "300ms", "-1.5h", "2h45m"; a bare number other than 0 has no unit. */
function isGoDuration(s: string): boolean {
  return DURATION.test(s);
}

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** A duration flag's value (already checked by the grammar) in milliseconds: "1m30s" is 90000. */
export function goDurationMs(s: string): number {
  const sign = s.startsWith("-") ? -1 : 1;
  let ms = 0;
  for (const m of s.matchAll(/(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g))
    ms += Number(m[1]) * (UNIT_MS[m[2] ?? ""] ?? 0);
  return sign * ms;
}

function durationError(s: string): string {
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return `time: missing unit in duration ${goQuote(s)}`;
  const unit = /^[+-]?(\d+\.?\d*|\.\d+)([^\d.]+)/.exec(s)?.[2];
  if (unit && !/^(ns|us|µs|μs|ms|s|m|h)/.test(unit))
    return `time: unknown unit ${goQuote(unit)} in duration ${goQuote(s)}`;
  return `time: invalid duration ${goQuote(s)}`;
}

/** pflag's stringSlice: one value may hold several, comma-separated (a CSV record). */
function splitSlice(value: string): string[] {
  if (value === "") return [];
  const out: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (quoted) {
      if (ch === '"' && value[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") {
      out.push(field);
      field = "";
    } else field += ch;
  }
  out.push(field);
  return out;
}

/** Go's %q for the plain strings flags carry. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}
