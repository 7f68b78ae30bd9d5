/** cat, mkdir, touch, rm, rmdir, cp, mv. */
import { isFsError } from "../../fs/fs-error";
import { basename } from "../../fs/tree";
import type { Program, ProgramContext } from "../program-context";
import { badOption, isDir, joinPath, parseOpts, q, readPath } from "./common";

export const cat: Program = (ctx) => {
  const o = parseOpts(ctx.argv.slice(1), "uAnvetsb");
  if (o.bad) return badOption(ctx, o.bad);
  const files = o.operands.length > 0 ? o.operands : ["-"];
  let status = 0;
  let line = 1;
  for (const f of files) {
    try {
      let text = readPath(ctx, f);
      if (o.flags.has("n")) {
        text = text.replace(/^.*(\n|$)/gm, (m) => (m === "" ? "" : `${String(line++).padStart(6)}\t${m}`));
      }
      ctx.io.out.write(text);
    } catch (e) {
      if (!isFsError(e)) throw e;
      status = 1;
      if (ctx.style === "gnu") ctx.io.err.write(`cat: ${f}: ${e.text}\n`);
      else if (e.code === "EISDIR") ctx.io.err.write("cat: read error: Is a directory\n");
      else ctx.io.err.write(`cat: can't open '${f}': ${e.text}\n`);
    }
  }
  return status;
};

export const mkdir: Program = (ctx) => {
  const o = parseOpts(ctx.argv.slice(1), "pv", "m", { parents: "p", verbose: "v", "mode=": "m" });
  if (o.bad) return badOption(ctx, o.bad);
  if (o.operands.length === 0) return missingOperand(ctx);
  let status = 0;
  for (const dir of o.operands) {
    try {
      ctx.fs.mkdir(dir, { parents: o.flags.has("p") });
      if (o.flags.has("v")) ctx.io.out.write(`mkdir: created directory ${q(ctx, dir)}\n`);
    } catch (e) {
      if (!isFsError(e)) throw e;
      status = 1;
      ctx.io.err.write(
        ctx.style === "gnu"
          ? `mkdir: cannot create directory ${q(ctx, dir)}: ${e.text}\n`
          : `mkdir: can't create directory '${dir}': ${e.text}\n`,
      );
    }
  }
  return status;
};

export const touch: Program = (ctx) => {
  const o = parseOpts(ctx.argv.slice(1), "acfmh", "dtr");
  if (o.bad) return badOption(ctx, o.bad);
  if (o.operands.length === 0) return missingOperand(ctx);
  let status = 0;
  for (const f of o.operands) {
    try {
      if (!ctx.fs.exists(f) && !o.flags.has("c")) ctx.fs.writeFile(f, "");
      else if (ctx.fs.exists(f) && ctx.fs.stat(f).readOnly) ctx.fs.writeFile(f, ctx.fs.readFile(f));
    } catch (e) {
      if (!isFsError(e)) throw e;
      status = 1;
      ctx.io.err.write(
        ctx.style === "gnu" ? `touch: cannot touch ${q(ctx, f)}: ${e.text}\n` : `touch: ${f}: ${e.text}\n`,
      );
    }
  }
  return status;
};

export const rm: Program = (ctx) => {
  const o = parseOpts(ctx.argv.slice(1), "rRfivd", "", {
    recursive: "r",
    force: "f",
    verbose: "v",
    "no-preserve-root": "P",
  });
  if (o.bad) return badOption(ctx, o.bad);
  const recursive = o.flags.has("r") || o.flags.has("R");
  if (o.operands.length === 0) return o.flags.has("f") ? 0 : missingOperand(ctx);
  let status = 0;
  for (const f of o.operands) {
    if (recursive && ctx.fs.resolve(f) === "/" && !o.flags.has("P")) {
      ctx.io.err.write(
        ctx.style === "gnu"
          ? "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n"
          : "rm: can't remove '/': Device or resource busy\n",
      );
      status = 1;
      continue;
    }
    try {
      const st = ctx.fs.stat(f);
      if (st.type === "dir" && !recursive && !o.flags.has("d")) {
        status = 1;
        ctx.io.err.write(
          ctx.style === "gnu"
            ? `rm: cannot remove ${q(ctx, f)}: Is a directory\n`
            : `rm: '${f}' is a directory\n`,
        );
        continue;
      }
      ctx.fs.remove(f, { recursive });
      if (o.flags.has("v")) ctx.io.out.write(`removed ${q(ctx, f)}\n`);
    } catch (e) {
      if (!isFsError(e)) throw e;
      if (e.code === "ENOENT" && o.flags.has("f")) continue;
      status = 1;
      ctx.io.err.write(
        ctx.style === "gnu"
          ? `rm: cannot remove ${q(ctx, f)}: ${e.text}\n`
          : `rm: can't remove '${f}': ${e.text}\n`,
      );
    }
  }
  return status;
};

export const rmdir: Program = (ctx) => {
  const o = parseOpts(ctx.argv.slice(1), "pv");
  if (o.bad) return badOption(ctx, o.bad);
  if (o.operands.length === 0) return missingOperand(ctx);
  let status = 0;
  for (const d of o.operands) {
    try {
      if (ctx.fs.stat(d).type !== "dir") ctx.fs.readdir(d);
      ctx.fs.remove(d);
    } catch (e) {
      if (!isFsError(e)) throw e;
      status = 1;
      ctx.io.err.write(
        ctx.style === "gnu"
          ? `rmdir: failed to remove ${q(ctx, d)}: ${e.text}\n`
          : `rmdir: '${d}': ${e.text}\n`,
      );
    }
  }
  return status;
};

function missingOperand(ctx: ProgramContext): number {
  ctx.io.err.write(
    ctx.style === "gnu"
      ? `${ctx.name}: missing operand\nTry '${ctx.name} --help' for more information.\n`
      : `BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: ${ctx.name} [OPTIONS] FILE...\n`,
  );
  return 1;
}

function copyOrMove(ctx: ProgramContext, move: boolean): number {
  const o = move
    ? parseOpts(ctx.argv.slice(1), "finvT", "t", { force: "f", verbose: "v" })
    : parseOpts(ctx.argv.slice(1), "rRafpdiLPvnHT", "t", {
        recursive: "r",
        archive: "a",
        force: "f",
        verbose: "v",
      });
  if (o.bad) return badOption(ctx, o.bad);
  const recursive = o.flags.has("r") || o.flags.has("R") || o.flags.has("a");
  const ops = [...o.operands];
  const targetDir = o.values.get("t");
  if (targetDir !== undefined) ops.push(targetDir);
  if (ops.length < 2) {
    if (ops.length === 0) return missingOperand(ctx);
    ctx.io.err.write(
      ctx.style === "gnu"
        ? `${ctx.name}: missing destination file operand after ${q(ctx, ops[0] ?? "")}\nTry '${ctx.name} --help' for more information.\n`
        : `BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: ${ctx.name} [-fin] SOURCE DEST\n`,
    );
    return 1;
  }
  const dest = ops.pop() as string;
  const destIsDir = isDir(ctx, dest);
  if (ops.length > 1 && !destIsDir) {
    ctx.io.err.write(
      ctx.style === "gnu"
        ? `${ctx.name}: target ${q(ctx, dest)} is not a directory\n`
        : `${ctx.name}: '${dest}' is not a directory\n`,
    );
    return 1;
  }
  let status = 0;
  for (const src of ops) {
    const target = destIsDir ? joinPath(dest, basename(src)) : dest;
    if (!ctx.fs.exists(src)) {
      status = 1;
      ctx.io.err.write(
        ctx.style === "gnu"
          ? `${ctx.name}: cannot stat ${q(ctx, src)}: No such file or directory\n`
          : move
            ? `mv: can't rename '${src}': No such file or directory\n`
            : `cp: can't stat '${src}': No such file or directory\n`,
      );
      continue;
    }
    if (!move && isDir(ctx, src) && !recursive) {
      status = 1;
      ctx.io.err.write(
        ctx.style === "gnu"
          ? `cp: -r not specified; omitting directory ${q(ctx, src)}\n`
          : `cp: omitting directory '${src}'\n`,
      );
      continue;
    }
    try {
      if (move) ctx.fs.rename(src, target);
      else if (isDir(ctx, src) && isDir(ctx, target)) copyInto(ctx, src, target);
      else ctx.fs.copy(src, target, { recursive });
      if (o.flags.has("v"))
        ctx.io.out.write(`${move ? "renamed " : ""}${q(ctx, src)} -> ${q(ctx, target)}\n`);
    } catch (e) {
      if (!isFsError(e)) throw e;
      status = 1;
      if (ctx.style === "gnu") {
        ctx.io.err.write(
          move
            ? `mv: cannot move ${q(ctx, src)} to ${q(ctx, target)}: ${e.text}\n`
            : `cp: cannot create ${isDir(ctx, src) ? "directory" : "regular file"} ${q(ctx, target)}: ${e.text}\n`,
        );
      } else {
        ctx.io.err.write(
          move ? `mv: can't rename '${src}': ${e.text}\n` : `cp: can't create '${target}': ${e.text}\n`,
        );
      }
    }
  }
  return status;
}

/** cp -r into an existing directory merges the trees. */
function copyInto(ctx: ProgramContext, src: string, dst: string): void {
  for (const name of ctx.fs.readdir(src)) {
    const from = joinPath(src, name);
    const to = joinPath(dst, name);
    if (isDir(ctx, from) && isDir(ctx, to)) copyInto(ctx, from, to);
    else ctx.fs.copy(from, to, { recursive: true });
  }
}

export const cp: Program = (ctx) => copyOrMove(ctx, false);
export const mv: Program = (ctx) => copyOrMove(ctx, true);
