/**
 * `kubectl exec -it POD -- sh` in the lesson terminal: a shell inside the container, one line at a time.
 * Each line the learner types runs as its own `kubectl exec POD -- sh -c SCRIPT sh LINE`, where SCRIPT
 * starts in the session's working directory and ends by printing a marker and `$PWD`, so `cd` carries
 * over from one line to the next. Shell variables do not (each line is a new `sh`); `exit` ends the
 * session. Pure functions here; the terminal component owns the session.
 */
import { isShellCommand } from "@kubejam/engine";

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

const INTERACTIVE_FLAGS = new Set(["-i", "-t", "-it", "-ti", "--stdin", "--tty"]);
const VALUE_FLAGS = new Set(["-c", "--container", "-n", "--namespace"]);

/** `exec -it POD [-c C] [-n NS] -- SHELL` (words after `kubectl`); undefined for anything else. */
export function interactiveShell(words: readonly string[]): ShellTarget | undefined {
  if (words[0] !== "exec") return undefined;
  const dashDash = words.indexOf("--");
  if (dashDash === -1) return undefined;
  const command = words.slice(dashDash + 1);
  if (command.length !== 1 || !isShellCommand(command[0] ?? "")) return undefined;
  let pod: string | undefined;
  let container: string | undefined;
  let namespace: string | undefined;
  let interactive = false;
  const before = words.slice(1, dashDash);
  for (let i = 0; i < before.length; i++) {
    const w = before[i] ?? "";
    if (INTERACTIVE_FLAGS.has(w)) interactive = true;
    else if (VALUE_FLAGS.has(w)) {
      const value = before[++i];
      if (w === "-c" || w === "--container") container = value;
      else namespace = value;
    } else if (/^--(container|namespace)=/.test(w)) {
      const value = w.slice(w.indexOf("=") + 1);
      if (w.startsWith("--container")) container = value;
      else namespace = value;
    } else if (!w.startsWith("-") && pod === undefined) pod = w;
  }
  if (!interactive || pod === undefined) return undefined;
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
  if (words[0] !== "run") return undefined;
  const dashDash = words.indexOf("--");
  const flags = dashDash === -1 ? words.slice(1) : words.slice(1, dashDash);
  const command = dashDash === -1 ? [] : words.slice(dashDash + 1);
  const has = (...names: string[]) => flags.some((f) => names.includes(f));
  const interactive = has("-i", "-it", "-ti", "--stdin", "-i=true", "--stdin=true");
  if (!interactive) return undefined;
  const value = (name: string) => {
    const i = flags.findIndex((f) => f === name || f.startsWith(`${name}=`));
    if (i === -1) return undefined;
    const f = flags[i] ?? "";
    return f.includes("=") ? f.slice(f.indexOf("=") + 1) : flags[i + 1];
  };
  const image = value("--image") ?? "";
  const name = flags.find(
    (f, i) =>
      !f.startsWith("-") && !["--image", "--restart", "-n", "--namespace"].includes(flags[i - 1] ?? ""),
  );
  if (!name) return undefined;
  const shell =
    command.length === 0
      ? SHELL_IMAGES.test(image)
        ? "sh"
        : undefined
      : command.length === 1 && isShellCommand(command[0] ?? "")
        ? command[0]
        : undefined;
  if (!shell) return undefined;
  const namespace = value("--namespace") ?? value("-n");
  return {
    target: { pod: name, container: name, shell, ...(namespace !== undefined ? { namespace } : {}) },
    createWords: [
      "run",
      ...flags.filter((w) => w !== "--rm" && w !== "--rm=true"),
      "--attach=false",
      ...(dashDash === -1 ? [] : words.slice(dashDash)),
    ],
    remove: has("--rm", "--rm=true"),
    restart: value("--restart") ?? "Always",
  };
}

/** Marks where the line's own output ends and the working directory begins (ASCII record separator). */
export const CWD_MARKER = "\u001e";

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
  const script = `cd "$1" 2>/dev/null; eval "$2"; __kj_status=$?; printf '${CWD_MARKER}%s' "$PWD"; exit $__kj_status`;
  return execWords(session, [session.shell, "-c", script, session.shell, session.cwd, line]);
}

/** Splits a line's stdout into what the learner sees and the working directory after it. */
export function splitOutput(stdout: string): { output: string; cwd?: string } {
  const at = stdout.lastIndexOf(CWD_MARKER);
  if (at === -1) return { output: stdout };
  return { output: stdout.slice(0, at), cwd: stdout.slice(at + 1) };
}

/** kubectl's trailer for a non-zero exit: inside a shell session a failing command ends nothing. */
export function withoutExitTrailer(stderr: string): string {
  return stderr.replace(/command terminated with exit code \d+\n?$/, "");
}

/** `exit` or `exit N`, the words that leave the session. */
export function isExit(line: string): boolean {
  return /^\s*(exit|logout)(\s+\d+)?\s*$/.test(line);
}

/** The prompt the container's shell shows as root. */
export function sessionPrompt(session: ContainerSession): string {
  if (session.style === "busybox") return `${session.cwd} # `;
  if (session.style === "bash") return `root@${session.pod}:${session.cwd}# `;
  return "# ";
}
