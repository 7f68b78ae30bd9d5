/**
 * What a container's main process does with a signal that `kill 1` sends from inside the container.
 * PID 1 of a pid namespace gets only the signals it has a handler for (kill(2), pid_namespaces(7)):
 * SIGKILL and SIGSTOP from inside never reach it, and a program without handlers (a shell,
 * `sleep`, Python for SIGTERM) ignores everything. Servers stop as they log it.
 */
import type { ServerKind } from "../types";
import { SIGNAL_NAMES, signalOf } from "./kill";
import { httpdTime, redisTime } from "./servers";
import { formatDate } from "./system";

export type SignalReaction = { exits: false } | { exits: true; exitCode: number; log: string };

const IGNORED: SignalReaction = { exits: false };

const SIGHUP = signalOf("HUP");
const SIGINT = signalOf("INT");
const SIGQUIT = signalOf("QUIT");
const SIGTERM = signalOf("TERM");
const SIGWINCH = signalOf("WINCH");

/** nginx's master (1) and the two workers it started (29, 30) stopping: fast for TERM/INT, graceful for QUIT. */
function nginxStops(signal: number, from: number, now: number): string {
  const s = formatDate("%Y/%m/%d %H:%M:%S", now);
  const name = `SIG${SIGNAL_NAMES[signal]}`;
  const graceful = signal === SIGQUIT;
  const lines = [
    `1#1: signal ${signal} (${name}) received from ${from}, ${graceful ? "shutting down" : "exiting"}`,
    ...(graceful ? ["29#29: gracefully shutting down", "30#30: gracefully shutting down"] : []),
    "29#29: exiting",
    "30#30: exiting",
    "29#29: exit",
    "30#30: exit",
    "1#1: signal 17 (SIGCHLD) received from 29",
    "1#1: worker process 29 exited with code 0",
    "1#1: worker process 30 exited with code 0",
    "1#1: exit",
  ];
  return lines.map((l) => `${s} [notice] ${l}\n`).join("");
}

function redisStops(signal: number, now: number): string {
  const ts = redisTime(now);
  return [
    `1:signal-handler (${Math.floor(now / 1000)}) Received SIG${SIGNAL_NAMES[signal]} scheduling shutdown...`,
    `1:M ${ts} * User requested shutdown...`,
    `1:M ${ts} * Saving the final RDB snapshot before exiting.`,
    `1:M ${ts} * DB saved on disk`,
    `1:M ${ts} # Redis is now ready to exit, bye bye...`,
  ]
    .map((l) => `${l}\n`)
    .join("");
}

/** The reaction of the main process, known by the server it runs (undefined: not a server). */
export function mainProcessReaction(
  server: ServerKind | undefined,
  signal: number,
  from: number,
  now: number,
): SignalReaction {
  switch (server) {
    case "nginx":
      if (signal === SIGTERM || signal === SIGINT || signal === SIGQUIT)
        return { exits: true, exitCode: 0, log: nginxStops(signal, from, now) };
      return IGNORED;
    case "httpd":
      if (signal === SIGTERM || signal === SIGINT)
        return {
          exits: true,
          exitCode: 0,
          log: `[${httpdTime(now)}] [mpm_event:notice] [pid 1:tid 1] AH00491: caught SIGTERM, shutting down\n`,
        };
      if (signal === SIGWINCH)
        return {
          exits: true,
          exitCode: 0,
          log: `[${httpdTime(now)}] [mpm_event:notice] [pid 1:tid 1] AH00492: caught SIGWINCH, shutting down gracefully\n`,
        };
      return IGNORED;
    case "redis":
      if (signal === SIGTERM || signal === SIGINT)
        return { exits: true, exitCode: 0, log: redisStops(signal, now) };
      return IGNORED;
    case "python-http":
      // Python handles SIGINT (KeyboardInterrupt, which http.server catches) and nothing else.
      if (signal === SIGINT)
        return { exits: true, exitCode: 0, log: "\nKeyboard interrupt received, exiting.\n" };
      return IGNORED;
    case "hello-app":
    case "dns":
    case "metrics":
      // Go's runtime handles these itself; with no signal.Notify it cannot die by the signal as
      // PID 1 and ends with exit(2) (runtime.dieFromSignal).
      if (signal === SIGHUP || signal === SIGINT || signal === SIGQUIT || signal === SIGTERM)
        return { exits: true, exitCode: 2, log: "" };
      return IGNORED;
    default:
      return IGNORED;
  }
}
