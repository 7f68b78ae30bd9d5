/** ls, as it prints when stdout is not a terminal (kubectl exec without -t). */

import type { FsStat } from "../../fs/container-fs";
import { isFsError } from "../../fs/fs-error";
import type { Program, ProgramContext } from "../program-context";
import { badOption, joinPath, monthName, pad, parseOpts, q, utcParts } from "./common";

function modeString(st: FsStat): string {
  const bits = st.mode & 0o777;
  let s = st.type === "dir" ? "d" : "-";
  for (let shift = 6; shift >= 0; shift -= 3) {
    const b = (bits >> shift) & 7;
    s += `${b & 4 ? "r" : "-"}${b & 2 ? "w" : "-"}${b & 1 ? "x" : "-"}`;
  }
  return s;
}

function longLine(
  ctx: ProgramContext,
  path: string,
  name: string,
  st: FsStat,
  widths: { links: number; size: number },
): string {
  const links = st.type === "dir" ? 2 + safeSubdirs(ctx, path) : 1;
  const t = utcParts(ctx.rt.now());
  const date = `${monthName(t.mo)} ${pad(t.d, 2, " ")} ${pad(t.h)}:${pad(t.mi)}`;
  if (ctx.style === "gnu") {
    return `${modeString(st)} ${String(links).padStart(widths.links)} root root ${String(st.size).padStart(widths.size)} ${date} ${name}\n`;
  }
  return `${modeString(st)} ${String(links).padStart(4)} root     root     ${String(st.size).padStart(9)} ${date} ${name}\n`;
}

function safeSubdirs(ctx: ProgramContext, path: string): number {
  try {
    return ctx.fs.readdir(path).filter((n) => ctx.fs.stat(joinPath(path, n)).type === "dir").length;
  } catch {
    return 0;
  }
}

function blocks(st: FsStat): number {
  return st.type === "dir" ? 4 : Math.ceil(st.size / 4096) * 4;
}

export const ls: Program = (ctx) => {
  const o = parseOpts(ctx.argv.slice(1), "laA1dhFRrtSpCxn", "", {
    all: "a",
    "almost-all": "A",
    directory: "d",
    "human-readable": "h",
  });
  if (o.bad) return badOption(ctx, o.bad);
  const long = o.flags.has("l") || o.flags.has("n");
  const all = o.flags.has("a");
  const almost = o.flags.has("A");
  const targets = o.operands.length > 0 ? o.operands : ["."];
  let status = 0;
  const files: { path: string; name: string; st: FsStat }[] = [];
  const dirs: string[] = [];
  for (const t of targets) {
    try {
      const st = ctx.fs.stat(t);
      if (st.type === "dir" && !o.flags.has("d")) dirs.push(t);
      else files.push({ path: t, name: t, st });
    } catch (e) {
      if (!isFsError(e)) throw e;
      status = ctx.style === "gnu" ? 2 : 1;
      ctx.io.err.write(
        ctx.style === "gnu" ? `ls: cannot access ${q(ctx, t)}: ${e.text}\n` : `ls: ${t}: ${e.text}\n`,
      );
    }
  }
  const sortEntries = <T extends { name: string }>(list: T[]): T[] => {
    const sorted = [...list].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return o.flags.has("r") ? sorted.reverse() : sorted;
  };
  const print = (entries: { path: string; name: string; st: FsStat }[], total: boolean): void => {
    const widths = {
      links: Math.max(
        1,
        ...entries.map((e) => String(e.st.type === "dir" ? 2 + safeSubdirs(ctx, e.path) : 1).length),
      ),
      size: Math.max(1, ...entries.map((e) => String(e.st.size).length)),
    };
    if (long && total) ctx.io.out.write(`total ${entries.reduce((n, e) => n + blocks(e.st), 0)}\n`);
    for (const e of entries) {
      const suffix =
        o.flags.has("F") || o.flags.has("p")
          ? e.st.type === "dir"
            ? "/"
            : o.flags.has("F") && e.st.mode & 0o111
              ? "*"
              : ""
          : "";
      ctx.io.out.write(long ? longLine(ctx, e.path, e.name + suffix, e.st, widths) : `${e.name}${suffix}\n`);
    }
  };
  if (files.length > 0) print(sortEntries(files), false);
  const multiple = targets.length > 1;
  sortEntries(dirs.map((d) => ({ name: d }))).forEach(({ name: dir }, i) => {
    if (multiple) ctx.io.out.write(`${files.length > 0 || i > 0 ? "\n" : ""}${dir}:\n`);
    let names: string[];
    try {
      names = ctx.fs.readdir(dir);
    } catch (e) {
      if (!isFsError(e)) throw e;
      status = ctx.style === "gnu" ? 2 : 1;
      ctx.io.err.write(
        ctx.style === "gnu"
          ? `ls: cannot open directory ${q(ctx, dir)}: ${e.text}\n`
          : `ls: ${dir}: ${e.text}\n`,
      );
      return;
    }
    if (!all && !almost) names = names.filter((n) => !n.startsWith("."));
    const entries = names.map((name) => ({
      path: joinPath(dir, name),
      name,
      st: ctx.fs.stat(joinPath(dir, name)),
    }));
    if (all) {
      entries.push({ path: dir, name: ".", st: ctx.fs.stat(dir) });
      entries.push({ path: joinPath(dir, ".."), name: "..", st: ctx.fs.stat(joinPath(dir, "..")) });
    }
    print(sortEntries(entries), true);
  });
  return status;
};
