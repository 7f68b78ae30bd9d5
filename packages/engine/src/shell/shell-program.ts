/** The sh / ash / dash / bash programs: option parsing around the interpreter. */
import { isFsError } from "../fs/fs-error";
import { Shell } from "./interpreter";
import type { ShellKind } from "./messages";
import type { ProgramContext } from "./program-context";

const BASH_VERSION = `GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)
Copyright (C) 2022 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>

This is free software; you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.
`;

/** `sh`, `ash`, `dash`, `bash`, bare or as /bin/… or /usr/bin/…: a word that starts a shell. */
export function isShellCommand(word: string): boolean {
  return /^(?:(?:\/usr)?\/bin\/)?(?:sh|ash|dash|bash)$/.test(word);
}

export function runShellProgram(kind: ShellKind, ctx: ProgramContext): number {
  const argv = ctx.argv;
  const arg0 = argv[0] ?? "sh";
  let command: string | undefined;
  let wantCommand = false;
  let errexit = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--") {
      i++;
      break;
    }
    if (kind === "bash" && a === "--version") {
      ctx.io.out.write(BASH_VERSION);
      return 0;
    }
    if (a.startsWith("--")) continue;
    if (!/^[-+][a-zA-Z]+$/.test(a)) break;
    if (a.includes("c")) wantCommand = true;
    if (a.startsWith("-") && a.includes("e")) errexit = true;
    if (a.includes("o")) i++;
  }
  if (wantCommand) {
    command = argv[i];
    if (command === undefined) {
      ctx.io.err.write(
        kind === "bash"
          ? `${arg0}: -c: option requires an argument\n`
          : kind === "dash"
            ? `${arg0}: 0: -c requires an argument\n`
            : `${arg0}: -c requires an argument\n`,
      );
      return 2;
    }
    i++;
  }
  let src: string;
  let name = arg0;
  let script = false;
  let args: string[];
  if (command !== undefined) {
    src = command;
    name = argv[i] ?? arg0;
    args = argv.slice(i + 1);
  } else if (argv[i] !== undefined) {
    const file = argv[i] as string;
    try {
      src = ctx.fs.readFile(file);
    } catch (e) {
      if (!isFsError(e)) throw e;
      if (kind === "bash") {
        ctx.io.err.write(`${arg0}: ${file}: ${e.text}\n`);
        return 127;
      }
      ctx.io.err.write(
        kind === "dash"
          ? `${arg0}: 0: cannot open ${file}: No such file\n`
          : `${arg0}: can't open '${file}': ${e.text}\n`,
      );
      return kind === "dash" ? 2 : 127;
    }
    name = file;
    script = true;
    args = argv.slice(i + 1);
  } else {
    // An interactive shell (kubectl run -i/-t, stdin: true) waits for what someone types.
    if (ctx.sys.stdinOpen && ctx.rt.mode === "start") ctx.rt.block();
    src = ctx.io.stdin;
    args = [];
  }
  const sh = new Shell({ kind, arg0: name, args, script, env: ctx.env, sys: ctx.sys, rt: ctx.rt });
  sh.errexit = errexit;
  return sh.run(src, { ...ctx.io, stdin: command !== undefined || script ? ctx.io.stdin : "" });
}
