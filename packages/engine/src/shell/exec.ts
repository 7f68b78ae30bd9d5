/** Entry points: `kubectl exec` (exec) and a container's main process (startProcess). */
import { isFsError } from "../fs/fs-error";
import { fakeSha256 } from "../images/digest";
import { Collector } from "./io";
import { lookPath } from "./look-path";
import { ProcessRuntime } from "./runtime";
import { BlockSignal, LimitError } from "./signals";
import type { ExecResult, ProcessOutcome, ShellEnv } from "./types";

/** Linux MAX_ARG_STRLEN and a total argv budget. */
const MAX_ARG = 128 * 1024;
const MAX_ARGV_TOTAL = 2 * 1024 * 1024;
const MAX_ARGC = 10_000;

type Resolution = { ok: true; path: string } | { ok: false; reason: string };

/** What runc would say when it cannot exec argv[0]. */
function resolveExecutable(argv: string[], env: ShellEnv, rt: ProcessRuntime): Resolution {
  const name = argv[0];
  if (name === undefined || name === "")
    return { ok: false, reason: `exec: "": executable file not found in $PATH` };
  if (
    argv.length > MAX_ARGC ||
    argv.some((a) => a.length > MAX_ARG) ||
    argv.reduce((n, a) => n + a.length + 1, 0) > MAX_ARGV_TOTAL
  ) {
    return { ok: false, reason: `exec: "${name.slice(0, 64)}": argument list too long` };
  }
  // This search ran in a shell of its own, which took a pid: keep the pids programs print.
  rt.nextPid();
  const path = lookPath(env.fs, env.env.PATH, name);
  if (path === undefined) {
    return name.includes("/")
      ? { ok: false, reason: `exec: "${name}": stat ${name}: no such file or directory` }
      : { ok: false, reason: `exec: "${name}": executable file not found in $PATH` };
  }
  try {
    const st = env.fs.stat(path);
    if (st.type === "dir" || (st.mode & 0o111) === 0)
      return { ok: false, reason: `exec: "${name}": permission denied` };
  } catch (e) {
    if (!isFsError(e)) throw e;
    return { ok: false, reason: `exec: "${name}": ${e.text.toLowerCase()}` };
  }
  return { ok: true, path };
}

/** Runs what `kubectl exec POD -- argv...` runs. */
export function exec(argv: string[], env: ShellEnv): ExecResult {
  const rt = new ProcessRuntime("exec", env, 7 + (argv.join(" ").length % 50));
  env.fs.cwd = env.cwd;
  const resolved = resolveExecutable(argv, env, rt);
  if (!resolved.ok) {
    const execId = fakeSha256(`${env.hostname}\u0000${env.now}\u0000${argv.join("\u0000").slice(0, 4096)}`);
    return {
      stdout: "",
      stderr: `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${execId}": OCI runtime exec failed: exec failed: unable to start container process: ${resolved.reason}: unknown\n`,
      exitCode: 1,
      elapsedMs: 0,
      execFailed: true,
    };
  }
  const out = new Collector();
  const io = { stdin: "", out: out.out, err: out.err };
  try {
    const code = rt.exec(argv, io, env.env, resolved.path);
    return { stdout: out.stdout(), stderr: out.stderr(), exitCode: code, elapsedMs: rt.elapsed };
  } catch (e) {
    if (!(e instanceof BlockSignal) && !(e instanceof LimitError)) throw e;
    const result: ExecResult = {
      stdout: out.stdout(),
      stderr: out.stderr(),
      exitCode: 0,
      elapsedMs: rt.elapsed,
      stillRunning: true,
    };
    if (rt.listeners.length > 0) result.listens = [...rt.listeners];
    return result;
  } finally {
    env.fs.cwd = env.cwd;
  }
}

/** Runs a container's main process (resolved entrypoint + cmd, or the pod's command + args). */
export function startProcess(argv: string[], env: ShellEnv): ProcessOutcome {
  const rt = new ProcessRuntime("start", env, 1);
  env.fs.cwd = env.cwd;
  const resolved = resolveExecutable(argv, env, rt);
  if (!resolved.ok) {
    return {
      kind: "start-error",
      message: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${resolved.reason}: unknown`,
    };
  }
  const out = new Collector();
  const io = { stdin: "", out: out.out, err: out.err };
  try {
    const code = rt.exec(argv, io, env.env, resolved.path);
    return { kind: "exited", exitCode: code, afterMs: rt.elapsed, logs: out.all() };
  } catch (e) {
    if (!(e instanceof BlockSignal) && !(e instanceof LimitError)) throw e;
    return { kind: "running", listens: [...rt.listeners], logs: out.all() };
  }
}
