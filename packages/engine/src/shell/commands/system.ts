/** hostname, env, printenv, sleep, true, false, date, id, whoami, df, uname, pwd. */
import { NODE_DISK } from "../../fs/container-fs";
import type { Program, ProgramContext } from "../program-context";
import { badOption, ctime, dayName, monthName, pad, parseOpts, utcParts } from "./common";

export const KERNEL_RELEASE = "6.6.56+";
const KERNEL_VERSION = "#1 SMP PREEMPT_DYNAMIC Sat Nov  9 09:49:25 UTC 2024";

export const trueProgram: Program = () => 0;
export const falseProgram: Program = () => 1;

export function podIp(ctx: ProgramContext): string | undefined {
  const eth = ctx.sys.net.interfaces().find((i) => i.name.startsWith("eth0") && i.cidr !== undefined);
  return eth?.cidr?.split("/")[0];
}

export const hostname: Program = (ctx) => {
  const arg = ctx.argv[1];
  if (arg === "-i" || arg === "-I") {
    const ip = podIp(ctx);
    ctx.io.out.write(`${ip ?? "127.0.0.1"}${arg === "-I" ? " " : ""}\n`);
    return 0;
  }
  if (arg !== undefined && !arg.startsWith("-")) {
    ctx.io.err.write(
      ctx.style === "gnu"
        ? "hostname: you must be root to change the host name\n"
        : "hostname: sethostname: Operation not permitted\n",
    );
    return 1;
  }
  ctx.io.out.write(`${ctx.sys.hostname}\n`);
  return 0;
};

export const env: Program = (ctx) => {
  const args = ctx.argv.slice(1);
  const vars: Record<string, string> = { ...ctx.env };
  let i = 0;
  if (args[0] === "-i" || args[0] === "-") {
    for (const k of Object.keys(vars)) delete vars[k];
    i++;
  }
  for (; i < args.length; i++) {
    const m = /^([^=]+)=(.*)$/s.exec(args[i] as string);
    if (m === null) break;
    vars[m[1] as string] = m[2] as string;
  }
  if (i < args.length) return ctx.rt.spawn(args.slice(i), { ...ctx, env: vars });
  ctx.io.out.write(
    Object.entries(vars)
      .map(([k, v]) => `${k}=${v}\n`)
      .join(""),
  );
  return 0;
};

export const printenv: Program = (ctx) => {
  const names = ctx.argv.slice(1).filter((a) => !a.startsWith("-"));
  if (names.length === 0) {
    ctx.io.out.write(
      Object.entries(ctx.env)
        .map(([k, v]) => `${k}=${v}\n`)
        .join(""),
    );
    return 0;
  }
  let status = 0;
  for (const n of names) {
    const v = Object.hasOwn(ctx.env, n) ? ctx.env[n] : undefined;
    if (v === undefined) status = 1;
    else ctx.io.out.write(`${v}\n`);
  }
  return status;
};

function parseDuration(text: string): number | undefined {
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(text);
  if (m === null) return undefined;
  const mult = { "": 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] ?? ""] ?? 1;
  return Number(m[1]) * mult * 1000;
}

export const sleep: Program = (ctx) => {
  const args = ctx.argv.slice(1);
  if (args.length === 0) {
    ctx.io.err.write(
      ctx.style === "gnu"
        ? "sleep: missing operand\nTry 'sleep --help' for more information.\n"
        : "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: sleep [N]...\n",
    );
    return 1;
  }
  let total = 0;
  for (const a of args) {
    if (a === "infinity" || a === "inf") ctx.rt.block();
    const ms = parseDuration(a);
    if (ms === undefined) {
      ctx.io.err.write(
        ctx.style === "gnu"
          ? `sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`
          : `sleep: invalid number '${a}'\n`,
      );
      return 1;
    }
    total += ms;
  }
  ctx.rt.advance(Math.round(total));
  return 0;
};

const LONG_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const LONG_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

type DateParts = ReturnType<typeof utcParts>;

/** strftime's conversions, built once (formatting runs for every access-log line). */
const CONVERSIONS: Record<string, (t: DateParts, ms: number) => string> = {
  Y: (t) => String(t.y),
  y: (t) => pad(t.y % 100),
  m: (t) => pad(t.mo),
  d: (t) => pad(t.d),
  e: (t) => pad(t.d, 2, " "),
  H: (t) => pad(t.h),
  k: (t) => pad(t.h, 2, " "),
  I: (t) => pad(((t.h + 11) % 12) + 1),
  M: (t) => pad(t.mi),
  S: (t) => pad(t.s),
  N: (t) => pad(t.us * 1000, 9),
  s: (_, ms) => String(Math.floor(ms / 1000)),
  a: (t) => dayName(t.wd),
  A: (t) => LONG_DAYS[t.wd] ?? "",
  b: (t) => monthName(t.mo),
  h: (t) => monthName(t.mo),
  B: (t) => LONG_MONTHS[t.mo - 1] ?? "",
  j: (t) => pad(t.yd, 3),
  p: (t) => (t.h < 12 ? "AM" : "PM"),
  u: (t) => String(t.wd === 0 ? 7 : t.wd),
  w: (t) => String(t.wd),
  Z: () => "UTC",
  z: () => "+0000",
  T: (t) => `${pad(t.h)}:${pad(t.mi)}:${pad(t.s)}`,
  R: (t) => `${pad(t.h)}:${pad(t.mi)}`,
  F: (t) => `${t.y}-${pad(t.mo)}-${pad(t.d)}`,
  D: (t) => `${pad(t.mo)}/${pad(t.d)}/${pad(t.y % 100)}`,
  c: (_, ms) => ctime(ms).replace(" UTC", ""),
  n: () => "\n",
  t: () => "\t",
  "%": () => "%",
};

const CONVERSION = /%([a-zA-Z%])/g;

// Virtual time stands still during one operation: a thousand access-log lines share one instant.
let last: { fmt: string; ms: number; text: string } | undefined;

export function formatDate(fmt: string, ms: number): string {
  if (last !== undefined && last.ms === ms && last.fmt === fmt) return last.text;
  const t = utcParts(ms);
  const text = fmt.replace(CONVERSION, (m, c: string) =>
    Object.hasOwn(CONVERSIONS, c) ? (CONVERSIONS[c]?.(t, ms) ?? m) : m,
  );
  last = { fmt, ms, text };
  return text;
}

export const date: Program = (ctx) => {
  const o = parseOpts(ctx.argv.slice(1), "uRI", "d", { utc: "u", "rfc-email": "R" });
  if (o.bad) return badOption(ctx, o.bad);
  const now = ctx.rt.now();
  const fmt = o.operands.find((a) => a.startsWith("+"));
  if (fmt !== undefined) ctx.io.out.write(`${formatDate(fmt.slice(1), now)}\n`);
  else if (o.flags.has("R")) ctx.io.out.write(`${formatDate("%a, %d %b %Y %H:%M:%S +0000", now)}\n`);
  else if (o.flags.has("I")) ctx.io.out.write(`${formatDate("%Y-%m-%d", now)}\n`);
  else ctx.io.out.write(`${ctime(now)}\n`);
  return 0;
};

function groupsOfRoot(ctx: ProgramContext): string {
  const groups: string[] = [];
  try {
    const lines = ctx.fs.readFile("/etc/group").split("\n");
    for (const line of lines) {
      const [name, , gid, members] = line.split(":");
      if (name === undefined || gid === undefined) continue;
      if (gid === "0" || (members ?? "").split(",").includes("root")) groups.push(`${gid}(${name})`);
    }
  } catch {}
  return groups.length > 0 ? groups.join(",") : "0(root)";
}

export const id: Program = (ctx) => {
  const args = ctx.argv.slice(1).join("");
  if (args.includes("u")) ctx.io.out.write(args.includes("n") ? "root\n" : "0\n");
  else if (args.includes("g")) ctx.io.out.write(args.includes("n") ? "root\n" : "0\n");
  else ctx.io.out.write(`uid=0(root) gid=0(root) groups=${groupsOfRoot(ctx)}\n`);
  return 0;
};

export const whoami: Program = (ctx) => {
  ctx.io.out.write("root\n");
  return 0;
};

export const uname: Program = (ctx) => {
  const flags = ctx.argv.slice(1).join("");
  const parts: string[] = [];
  const all = flags.includes("a");
  if (all || flags.includes("s") || flags === "") parts.push("Linux");
  if (all || flags.includes("n")) parts.push(ctx.sys.hostname);
  if (all || flags.includes("r")) parts.push(KERNEL_RELEASE);
  if (all || flags.includes("v")) parts.push(KERNEL_VERSION);
  if (all || flags.includes("m")) parts.push("x86_64");
  if (all || flags.includes("o")) parts.push("GNU/Linux");
  ctx.io.out.write(`${parts.join(" ")}\n`);
  return 0;
};

export const pwd: Program = (ctx) => {
  ctx.io.out.write(`${ctx.fs.cwd}\n`);
  return 0;
};

/** A line of the container's mount table: what /proc/mounts says and statfs counts. */
interface MountLine {
  device: string;
  type: string;
  path: string;
  options: string;
  sizeKb: number;
  usedKb: number;
  /** A pseudo file system (proc): listed by `mount`, left out by `df`. */
  pseudo?: boolean;
}

const NODE_USED_KB = 6012440;
const SMALL_TMPFS_KB = 65536;

/** The container's mounts as /proc/mounts lists them (of the pseudo file systems, proc). */
function mountTable(ctx: ProgramContext): MountLine[] {
  const lines: MountLine[] = [
    {
      device: "overlay",
      type: "overlay",
      path: "/",
      options: "rw,relatime",
      sizeKb: NODE_DISK.sizeBytes / 1024,
      usedKb: NODE_USED_KB,
    },
    {
      device: "proc",
      type: "proc",
      path: "/proc",
      options: "rw,nosuid,nodev,noexec,relatime",
      sizeKb: 0,
      usedKb: 0,
      pseudo: true,
    },
    {
      device: "tmpfs",
      type: "tmpfs",
      path: "/dev",
      options: "rw,nosuid,size=65536k,mode=755",
      sizeKb: SMALL_TMPFS_KB,
      usedKb: 0,
    },
  ];
  for (const m of ctx.fs.mountPoints()) {
    const src = m.source;
    const onNode = src.device === NODE_DISK.device;
    const sizeKb = Math.floor(src.sizeBytes / 1024);
    // A fresh ext4 disk holds lost+found and its journal's blocks; a token volume its three files.
    const usedKb = onNode ? NODE_USED_KB : src.type === "ext4" ? 24 : src.type === "tmpfs" ? 12 : 0;
    const mode = m.readOnly ? "ro" : "rw";
    const options =
      src.type === "nfs4"
        ? `${mode},relatime,vers=4.1,rsize=1048576,wsize=1048576,hard,proto=tcp,timeo=600,retrans=2`
        : src.type === "tmpfs"
          ? `${mode},relatime,size=${sizeKb}k`
          : `${mode},relatime`;
    lines.push({ device: src.device, type: src.type, path: m.path, options, sizeKb, usedKb });
  }
  lines.push({
    device: "shm",
    type: "tmpfs",
    path: "/dev/shm",
    options: "rw,nosuid,nodev,noexec,relatime,size=65536k",
    sizeKb: SMALL_TMPFS_KB,
    usedKb: 0,
  });
  return lines;
}

/** The mount a path is on: the deepest mount point above it. */
function mountOf(lines: readonly MountLine[], path: string): MountLine | undefined {
  let best: MountLine | undefined;
  for (const l of lines) {
    const under = l.path === "/" || path === l.path || path.startsWith(`${l.path}/`);
    if (under && (!best || l.path.length > best.path.length)) best = l;
  }
  return best;
}

export const df: Program = (ctx) => {
  const args = ctx.argv.slice(1);
  const human = args.some((a) => a.startsWith("-") && a.includes("h"));
  const table = mountTable(ctx).filter((l) => !l.pseudo);
  let rows = table;
  let status = 0;
  const paths = args.filter((a) => !a.startsWith("-"));
  if (paths.length > 0) {
    rows = [];
    for (const p of paths) {
      const line = ctx.fs.exists(p) ? mountOf(table, ctx.fs.resolve(p)) : undefined;
      if (line) rows.push(line);
      else {
        ctx.io.err.write(
          ctx.style === "gnu"
            ? `df: ${p}: No such file or directory\n`
            : `df: ${p}: can't find mount point\n`,
        );
        status = 1;
      }
    }
    if (rows.length === 0) return status;
  }
  if (ctx.style === "gnu") {
    ctx.io.out.write(coreutilsDf(rows, human));
    return status;
  }
  const size = (kb: number): string =>
    human
      ? kb >= 1048576
        ? `${(kb / 1048576).toFixed(1)}G`
        : kb >= 1024
          ? `${Math.round(kb / 1024)}M`
          : `${kb}K`
      : String(kb);
  let out = `Filesystem     ${human ? "     Size" : "1K-blocks"}    Used Available Use% Mounted on\n`;
  for (const { device, sizeKb, usedKb, path } of rows) {
    const pct = sizeKb === 0 ? 0 : Math.ceil((usedKb * 100) / sizeKb);
    out += `${device.padEnd(14)} ${size(sizeKb).padStart(9)} ${size(usedKb).padStart(7)} ${size(sizeKb - usedKb).padStart(9)} ${`${pct}%`.padStart(4)} ${path}\n`;
  }
  ctx.io.out.write(out);
  return status;
};

/**
 * coreutils df: each column as wide as its widest cell, at least Filesystem 14, sizes 5, Use% 4;
 * -h rounds up, to one decimal below 10 (human.c with human_ceiling, powers of 1024).
 */
function coreutilsDf(rows: readonly MountLine[], human: boolean): string {
  const size = (kb: number): string => (human ? humanCeiling(kb * 1024) : String(kb));
  const table = [
    ["Filesystem", human ? "Size" : "1K-blocks", "Used", human ? "Avail" : "Available", "Use%", "Mounted on"],
    ...rows.map(({ device, sizeKb, usedKb, path }) => [
      device,
      size(sizeKb),
      size(usedKb),
      size(sizeKb - usedKb),
      `${sizeKb === 0 ? 0 : Math.ceil((usedKb * 100) / sizeKb)}%`,
      path,
    ]),
  ];
  const minimum = [14, 5, 5, 5, 4, 0];
  const widths = minimum.map((min, i) => Math.max(min, ...table.map((row) => (row[i] ?? "").length)));
  return table
    .map((row) =>
      row
        .map((cell, i) =>
          i === 0 ? cell.padEnd(widths[i] ?? 0) : i === row.length - 1 ? cell : cell.padStart(widths[i] ?? 0),
        )
        .join(" "),
    )
    .map((line) => `${line}\n`)
    .join("");
}

/** `95G`, `5.8G`, `64M`, `12K`, `0`: the size in the largest unit it reaches, rounded up. */
function humanCeiling(bytes: number): string {
  if (bytes === 0) return "0";
  const units = ["", "K", "M", "G", "T", "P"];
  let unit = 0;
  let value = bytes;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = value < 10 ? Math.ceil(value * 10) / 10 : Math.ceil(value);
  // Rounding up can reach the next unit (1023.1K is 1.0M).
  if (shown >= 1024 && unit < units.length - 1) return `1.0${units[unit + 1]}`;
  const text = value < 10 && shown < 10 ? shown.toFixed(1) : String(shown);
  return `${text}${units[unit]}`;
}

/** `mount` with no arguments: the mount table (busybox and util-linux print /proc/mounts alike). */
export const mount: Program = (ctx) => {
  if (ctx.argv.length > 1) {
    ctx.io.err.write(`mount: permission denied (are you root?)\n`);
    return 255;
  }
  let out = "";
  for (const l of mountTable(ctx)) out += `${l.device} on ${l.path} type ${l.type} (${l.options})\n`;
  ctx.io.out.write(out);
  return 0;
};
