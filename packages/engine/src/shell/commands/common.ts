/** Helpers shared by the simulated tools. */
import { FsError, isFsError } from "../../fs/fs-error";
import type { ProgramContext } from "../program-context";

/** Quotes a file name the way the tool does ('x', or ‘x’ for GNU tools in a UTF-8 locale). */
export function q(ctx: ProgramContext, name: string): string {
  const utf8 = ctx.style === "gnu" && /utf-?8/i.test(ctx.env.LC_ALL ?? ctx.env.LANG ?? "");
  return utf8 ? `\u2018${name}\u2019` : `'${name}'`;
}

/** Reads a path, honouring "-", /dev/stdin and /dev/null. */
export function readPath(ctx: ProgramContext, path: string): string {
  if (path === "-" || path === "/dev/stdin") return ctx.io.stdin;
  if (path === "/dev/null" || path === "/dev/zero") return "";
  return ctx.fs.readFile(path);
}

/** Runs `fn`, turning an FsError into a message via `message`; returns 0 or 1. */
export function tryFs(ctx: ProgramContext, fn: () => void, message: (e: FsError) => string): number {
  try {
    fn();
    return 0;
  } catch (e) {
    if (!isFsError(e)) throw e;
    ctx.io.err.write(`${ctx.name}: ${message(e)}\n`);
    return 1;
  }
}

export function fsError(code: FsError["code"], path: string): FsError {
  return new FsError(code, path);
}

export interface ParsedOpts {
  flags: Set<string>;
  values: Map<string, string>;
  operands: string[];
  bad?: string;
}

/**
 * getopt-style parsing: `flags` are single letters, `withValue` letters take an argument,
 * `long` maps long options to letters (a trailing "=" means it takes a value).
 */
export function parseOpts(
  args: string[],
  flags: string,
  withValue = "",
  long: Record<string, string> = {},
): ParsedOpts {
  const out: ParsedOpts = { flags: new Set(), values: new Map(), operands: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "--") {
      out.operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith("--") && a.length > 2) {
      const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      const mapped = long[name] ?? long[`${name}=`];
      if (mapped === undefined) {
        out.bad = a;
        return out;
      }
      if (long[`${name}=`] !== undefined) {
        const v = inline ?? args[++i];
        if (v === undefined) {
          out.bad = a;
          return out;
        }
        out.values.set(mapped, v);
      } else out.flags.add(mapped);
      continue;
    }
    if (!a.startsWith("-") || a === "-") {
      out.operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j] as string;
      if (withValue.includes(c)) {
        const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (v === undefined) {
          out.bad = `-${c}`;
          return out;
        }
        out.values.set(c, v);
        break;
      }
      if (!flags.includes(c)) {
        out.bad = `-${c}`;
        return out;
      }
      out.flags.add(c);
    }
  }
  return out;
}

/** The "invalid option" message of busybox / GNU tools. */
export function badOption(ctx: ProgramContext, opt: string): number {
  if (opt.startsWith("--")) {
    ctx.io.err.write(
      ctx.style === "gnu"
        ? `${ctx.name}: unrecognized option '${opt}'\nTry '${ctx.name} --help' for more information.\n`
        : `${ctx.name}: unrecognized option '${opt}'\nBusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n`,
    );
    return ctx.style === "gnu" && ctx.name === "ls" ? 2 : 1;
  }
  const c = opt.slice(1);
  ctx.io.err.write(
    ctx.style === "gnu"
      ? `${ctx.name}: invalid option -- '${c}'\nTry '${ctx.name} --help' for more information.\n`
      : `${ctx.name}: invalid option -- '${c}'\nBusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n`,
  );
  return ctx.style === "gnu" && ctx.name === "ls" ? 2 : 1;
}

export function isDir(ctx: ProgramContext, path: string): boolean {
  try {
    return ctx.fs.stat(path).type === "dir";
  } catch {
    return false;
  }
}

export function joinPath(dir: string, name: string): string {
  return dir.endsWith("/") ? `${dir}${name}` : `${dir}/${name}`;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** UTC calendar fields of a ms timestamp (no Date object: the engine keeps virtual time). */
export function utcParts(ms: number): {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  us: number;
  wd: number;
  yd: number;
} {
  const total = Math.floor(ms / 1000);
  const days = Math.floor(total / 86400);
  const secs = total - days * 86400;
  // civil-from-days (Howard Hinnant)
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mo = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (mo <= 2 ? 1 : 0);
  const wd = (((days % 7) + 11) % 7) as number;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const cum = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
  const yd = (cum[mo - 1] ?? 0) + d + (leap && mo > 2 ? 1 : 0);
  return {
    y,
    mo,
    d,
    h: Math.floor(secs / 3600),
    mi: Math.floor((secs % 3600) / 60),
    s: secs % 60,
    us: Math.floor(ms % 1000) * 1000,
    wd,
    yd,
  };
}

export function dayName(wd: number): string {
  return DAYS[wd] ?? "Sun";
}

export function monthName(mo: number): string {
  return MONTHS[mo - 1] ?? "Jan";
}

export function pad(n: number, width = 2, fill = "0"): string {
  return String(n).padStart(width, fill);
}

/** "Mon Nov 25 04:58:01 UTC 2024" (date's default output). */
export function ctime(ms: number): string {
  const t = utcParts(ms);
  return `${dayName(t.wd)} ${monthName(t.mo)} ${pad(t.d, 2, " ")} ${pad(t.h)}:${pad(t.mi)}:${pad(t.s)} UTC ${t.y}`;
}
