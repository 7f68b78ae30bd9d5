/** Which simulated program an executable runs, and the dispatch to it. */
import type { ContainerFs } from "../fs/container-fs";
import { basename } from "../fs/tree";
import { curl } from "./commands/curl";
import { echo, printf } from "./commands/echo-printf";
import { cat, cp, mkdir, mv, rm, rmdir, touch } from "./commands/files";
import { dnsmasqNanny, dnsSidecar, kubeDns, prometheusToSd } from "./commands/gke-daemons";
import { grep } from "./commands/grep";
import { killApplet } from "./commands/kill";
import { ls } from "./commands/ls";
import { ip, nslookup } from "./commands/net-tools";
import { python } from "./commands/python";
import {
  helloApp,
  httpd,
  nginx,
  nginxEntrypoint,
  redisCli,
  redisEntrypoint,
  redisServer,
} from "./commands/servers";
import {
  date,
  df,
  env,
  falseProgram,
  hostname,
  id,
  mount,
  printenv,
  pwd,
  sleep,
  trueProgram,
  uname,
  whoami,
} from "./commands/system";
import { test } from "./commands/test-expr";
import { basename as basenameCmd, dirname, head, seq, sort, tail, tee, wc } from "./commands/text";
import { wget } from "./commands/wget";
import type { Io } from "./io";
import type { Program, ProgramContext, Runtime, ToolStyle } from "./program-context";
import type { ShellEnv } from "./types";

/** Tools shared by busybox and the GNU userland (messages differ by `style`). */
export const TOOLS: Record<string, Program> = {
  basename: basenameCmd,
  cat,
  cp,
  date,
  df,
  dirname,
  echo,
  egrep: grep,
  env,
  false: falseProgram,
  fgrep: grep,
  grep,
  head,
  hostname,
  id,
  ls,
  mkdir,
  mount,
  mv,
  printenv,
  printf,
  pwd,
  rm,
  rmdir,
  seq,
  sleep,
  sort,
  tail,
  tee,
  test,
  "[": test,
  touch,
  true: trueProgram,
  uname,
  wc,
  whoami,
};

/** busybox-only applets. */
const APPLETS: Record<string, Program> = { ...TOOLS, ip, kill: killApplet, nslookup, wget };

/** Standalone programs by id. */
const SPECIAL: Record<string, Program> = {
  curl,
  "dnsmasq-nanny": dnsmasqNanny,
  "k8s-dns-sidecar": dnsSidecar,
  "kube-dns": kubeDns,
  "prometheus-to-sd": prometheusToSd,
  httpd,
  nginx,
  "nginx-entrypoint": nginxEntrypoint,
  python,
  "redis-cli": redisCli,
  "redis-entrypoint": redisEntrypoint,
  "redis-server": redisServer,
};

export interface ProgramEnv {
  io: Io;
  env: Record<string, string>;
  fs: ContainerFs;
  sys: ShellEnv;
  rt: Runtime;
}

function context(argv: string[], name: string, style: ToolStyle, penv: ProgramEnv): ProgramContext {
  return { argv, name, style, io: penv.io, env: penv.env, fs: penv.fs, sys: penv.sys, rt: penv.rt };
}

/** Runs the program `id` (from an executable's content) with `argv`. */
export function runProgram(id: string, argv: string[], penv: ProgramEnv): number {
  const name = basename(argv[0] ?? id);
  if (id === "busybox") {
    let args = argv;
    let applet = name;
    if (applet === "busybox") {
      args = argv.slice(1);
      applet = basename(args[0] ?? "");
      if (applet === "") {
        penv.io.out.write(
          "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\nBusyBox is copyrighted by many authors between 1998-2015.\nLicensed under GPLv2. See source distribution for detailed\ncopyright notices.\n\nUsage: busybox [function [arguments]...]\n",
        );
        return 0;
      }
    }
    if (applet === "sh" || applet === "ash")
      return penv.rt.runShell("busybox", context(args, applet, "busybox", penv));
    const program = Object.hasOwn(APPLETS, applet) ? APPLETS[applet] : undefined;
    if (program === undefined) {
      penv.io.err.write(`${applet}: applet not found\n`);
      return 127;
    }
    return program(context(args, applet, "busybox", penv));
  }
  if (id === "dash" || id === "bash") return penv.rt.runShell(id, context(argv, name, "gnu", penv));
  if (id.startsWith("gnu:")) {
    const tool = id.slice(4);
    const program = Object.hasOwn(TOOLS, tool) ? TOOLS[tool] : undefined;
    if (program !== undefined) return program(context(argv, tool, "gnu", penv));
  }
  if (id.startsWith("hello-app:"))
    return helloApp(id.slice("hello-app:".length))(context(argv, name, "gnu", penv));
  const special = Object.hasOwn(SPECIAL, id) ? SPECIAL[id] : undefined;
  if (special !== undefined) return special(context(argv, name, "gnu", penv));
  penv.io.err.write(`${name}: cannot execute binary file: Exec format error\n`);
  return 126;
}
