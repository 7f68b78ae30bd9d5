/**
 * `kubectl exec -it POD -- sh` in the lesson terminal: a shell inside the container, one line at a time.
 * Each line the learner types runs as its own `kubectl exec POD -- sh -c SCRIPT sh CWD LINE STATUS VARS`:
 * SCRIPT sets the variables the last line left (VARS, what `set` and `export -p` printed), goes to the
 * session's working directory, makes `$?` the last line's status, runs the line, and prints a marker,
 * `$PWD`, `set` and `export -p` after the line's own output. So `cd`, `X=1`, `export X` and `echo $?`
 * carry over from one line to the next as in one shell; functions do not. `exit` ends the session.
 * Pure functions here; the terminal component owns the session.
 */
import { isShellCommand } from "@kubejam/engine";
import { boolFlag, END_SESSION, flag, parseCommandLine } from "@kubejam/kubectl";

/** What an interactive `kubectl exec` asks for. */
export interface ShellTarget {
  pod: string;
  container?: string;
  namespace?: string;
  /** The shell as typed: `sh`, `/bin/sh`, `bash`, `/bin/bash`, `ash`. */
  shell: string;
}

export interface ContainerSession extends ShellTarget {
  cwd: string;
  /** busybox's ash shows the directory (`/etc # `); dash shows `# `; bash `root@POD:/etc# `. */
  style: "busybox" | "dash" | "bash";
  /** The shell's variables after the last line, as a script that sets (and exports) them again. */
  vars?: string;
  /** The last line's exit status: the next line's `$?`. */
  status?: number;
  /** A pod `kubectl run -it` made for this session: what happens to it when the session ends. */
  ownPod?: { remove: boolean; restart: string };
}

/** `kubectl run NAME -it [--rm] --image=I [-- SHELL]`: the pod to create, then a shell in it. */
export interface RunSession {
  target: ShellTarget;
  /** The run command that creates the pod without attaching (kubectl here answers one command at a time). */
  createWords: string[];
  remove: boolean;
  restart: string;
}

/** `exec -it POD [-c C] [-n NS] -- SHELL` (words after `kubectl`, read as kubectl reads them); undefined for anything else. */
export function interactiveShell(words: readonly string[]): ShellTarget | undefined {
  const { path, args } = parseCommandLine(words);
  if (path[0] !== "exec" || args.errors.length > 0) return undefined;
  const command = args.rest ?? [];
  if (command.length !== 1 || !isShellCommand(command[0] ?? "")) return undefined;
  const pod = args.positionals[0];
  if (!(boolFlag(args, "stdin") || boolFlag(args, "tty")) || pod === undefined) return undefined;
  const container = flag(args, "container");
  const namespace = flag(args, "namespace");
  return {
    pod,
    shell: command[0] ?? "sh",
    ...(container !== undefined ? { container } : {}),
    ...(namespace !== undefined ? { namespace } : {}),
  };
}

const SHELL_IMAGES = /^(docker\.io\/)?(library\/)?(busybox|alpine)(:|@|$)/;

/**
 * `run NAME -i -t [--rm] --image=I [flags] [-- SHELL]` (words after `kubectl`), where the container's
 * process is a shell: a busybox or alpine image with no command, or one shell word after `--`.
 */
export function interactiveRun(words: readonly string[]): RunSession | undefined {
  const { path, args } = parseCommandLine(words);
  if (path[0] !== "run" || args.errors.length > 0 || !boolFlag(args, "stdin")) return undefined;
  const name = args.positionals[0];
  if (!name) return undefined;
  const image = flag(args, "image") ?? "";
  const command = args.rest ?? [];
  const shell =
    command.length === 0
      ? SHELL_IMAGES.test(image)
        ? "sh"
        : undefined
      : command.length === 1 && isShellCommand(command[0] ?? "")
        ? command[0]
        : undefined;
  if (!shell) return undefined;
  const namespace = flag(args, "namespace");
  const dashDash = words.indexOf("--");
  const before = dashDash === -1 ? [...words] : words.slice(0, dashDash);
  before.splice(before.indexOf("run"), 1);
  return {
    target: { pod: name, container: name, shell, ...(namespace !== undefined ? { namespace } : {}) },
    createWords: [
      "run",
      ...before.filter((w) => w !== "--rm" && w !== "--rm=true"),
      "--attach=false",
      ...(dashDash === -1 ? [] : words.slice(dashDash)),
    ],
    remove: boolFlag(args, "rm"),
    restart: flag(args, "restart") ?? "Always",
  };
}

/** Marks where the line's own output ends and the working directory begins (ASCII record separator). */
export const CWD_MARKER = "\u001e";
/** Ends the working directory, then the variables (ASCII group separator). */
export const VARS_MARKER = "\u001d";

/** Past this size a session stops carrying variables: each line passes them as one argument. */
const MAX_VARS = 64 * 1024;

function execWords(target: ShellTarget, argv: readonly string[]): string[] {
  return [
    "exec",
    target.pod,
    ...(target.container !== undefined ? ["-c", target.container] : []),
    ...(target.namespace !== undefined ? ["-n", target.namespace] : []),
    "--",
    ...argv,
  ];
}

/** The first exec: is the container there, which shell is it, where does it start. */
export function probeWords(target: ShellTarget): string[] {
  return execWords(target, [
    target.shell,
    "-c",
    'command -v busybox >/dev/null && echo busybox; echo "$PWD"',
  ]);
}

/** The session from the probe's output, knowing which shell was asked for. */
export function startSession(target: ShellTarget, probeOutput: string): ContainerSession {
  const lines = probeOutput.split("\n").filter((l) => l !== "");
  const busybox = lines[0] === "busybox";
  const cwd = lines.at(-1)?.startsWith("/") ? (lines.at(-1) as string) : "/";
  const style = /bash$/.test(target.shell) ? "bash" : busybox ? "busybox" : "dash";
  return { ...target, cwd, style };
}

/** The kubectl words that run one typed line in the session. */
export function lineWords(session: ContainerSession, line: string): string[] {
  const script = [
    'eval "$4" 2>/dev/null',
    '__kj_line=$2; __kj_status=$3; cd "$1" 2>/dev/null; set --',
    '__kj_return() { return "$1"; }; __kj_return "$__kj_status"',
    'eval "$__kj_line"; __kj_status=$?',
    `printf '${CWD_MARKER}%s${VARS_MARKER}' "$PWD"; set; printf '${VARS_MARKER}'; export -p`,
    "exit $__kj_status",
  ].join("; ");
  return execWords(session, [
    session.shell,
    "-c",
    script,
    session.shell,
    session.cwd,
    line,
    String(session.status ?? 0),
    session.vars ?? "",
  ]);
}

/**
 * Splits a line's stdout into what the learner sees, the working directory after it, and the script
 * that sets its variables again (what `set` printed, then one `export` of the names `export -p` named).
 */
export function splitOutput(stdout: string): { output: string; cwd?: string; vars?: string } {
  const at = stdout.lastIndexOf(CWD_MARKER);
  if (at === -1) return { output: stdout };
  const [cwd = "", set, exported] = stdout.slice(at + 1).split(VARS_MARKER);
  if (set === undefined || exported === undefined) return { output: stdout.slice(0, at), cwd };
  const names = [...exported.matchAll(/^(?:export|declare -x) ([A-Za-z_][A-Za-z0-9_]*)/gm)].map((m) => m[1]);
  const vars = names.length > 0 ? `${set}export ${names.join(" ")}\n` : set;
  return { output: stdout.slice(0, at), cwd, ...(vars.length <= MAX_VARS ? { vars } : {}) };
}

/** kubectl's trailer for a non-zero exit: inside a shell session a failing command ends nothing. */
export function withoutExitTrailer(stderr: string): string {
  return stderr.replace(/command terminated with exit code \d+\n?$/, "");
}

/** `exit` or `exit N`, the words that leave the session. */
export function isExit(line: string): boolean {
  return /^\s*(exit|logout)(\s+\d+)?\s*$/.test(line);
}

/** The status an `exit [N]` line leaves with, as the shell takes it (0-255). */
export function exitStatus(line: string): number {
  return Number(line.trim().split(/\s+/)[1] ?? 0) % 256;
}

/**
 * The simulator's words for `exit` in the shell `kubectl run -it` attached to: the container's main
 * process is that shell, so it ends, and the kubelet restarts it or not by the pod's restartPolicy.
 */
export function endSessionWords(session: ContainerSession, status: number): string[] {
  return [
    END_SESSION,
    session.pod,
    ...(session.container !== undefined ? ["-c", session.container] : []),
    ...(session.namespace !== undefined ? ["-n", session.namespace] : []),
    String(status),
  ];
}

/** The prompt the container's shell shows as root. */
export function sessionPrompt(session: ContainerSession): string {
  if (session.style === "busybox") return `${session.cwd} # `;
  if (session.style === "bash") return `root@${session.pod}:${session.cwd}# `;
  return "# ";
}
