"use client";

import { FitAddon } from "@xterm/addon-fit";
import { Terminal } from "@xterm/xterm";
import "@xterm/xterm/css/xterm.css";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { complete, KJ_WORDS } from "../../../../../workspace/terminal/complete";
import {
  type ContainerSession,
  endSessionWords,
  exitStatus,
  interactiveRun,
  interactiveShell,
  isExit,
  lineWords,
  probeWords,
  sessionPrompt,
  splitOutput,
  startSession,
  withoutExitTrailer,
} from "../../../../../workspace/terminal/container-session";
import { LineEditor } from "../../../../../workspace/terminal/line-editor";
import { tokenize } from "../../../../../workspace/terminal/tokenize";
import { useWorkspace, useWorkspaceStore } from "./workspace-context";

const PROMPT = "\x1b[1;32m$\x1b[0m ";
const crlf = (s: string) => s.replace(/\r?\n/g, "\r\n");

const LIGHT = {
  background: "#f6f8fa",
  foreground: "#1f2328",
  cursor: "#1f2328",
  selectionBackground: "#b6d4fe",
  black: "#24292f",
  green: "#116329",
  red: "#a40e26",
  yellow: "#7d4e00",
  blue: "#0550ae",
  brightBlack: "#57606a",
};
const DARK = {
  background: "#0d1117",
  foreground: "#e6edf3",
  cursor: "#e6edf3",
  selectionBackground: "#264f78",
  green: "#3fb950",
  red: "#ff7b72",
  yellow: "#d29922",
  blue: "#79c0ff",
  brightBlack: "#8b949e",
};

const INTERACTIVE = new Set(["-i", "-t", "-it", "-ti", "--stdin", "--tty"]);
const isKj = (word: string | undefined) => (KJ_WORDS as readonly string[]).includes(word ?? "");

/** xterm.js running kubectl (the same `run` as kjctl) in the worker, on the cluster the editor applies to. */
export function KubectlTerminal({ active }: { active: boolean }) {
  const t = useTranslations("terminal");
  const store = useWorkspaceStore();
  const host = useRef<HTMLElement | null>(null);
  const termRef = useRef<Terminal | null>(null);
  const fitRef = useRef<FitAddon | null>(null);
  const runQueued = useRef<(command: string) => Promise<void>>(async () => undefined);

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const dark = window.matchMedia("(prefers-color-scheme: dark)").matches;
    const term = new Terminal({
      fontFamily:
        'ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", "D2Coding", monospace',
      fontSize: 13,
      lineHeight: 1.2,
      cursorBlink: true,
      convertEol: false,
      scrollback: 2000,
      theme: dark ? DARK : LIGHT,
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);
    termRef.current = term;
    fitRef.current = fit;
    try {
      fit.fit();
    } catch {
      // not laid out yet
    }
    const editor = new LineEditor(() => store.getSnapshot().history);
    let busy = false;
    // `kubectl exec -it POD -- sh`: lines run in the container until `exit`.
    let session: ContainerSession | undefined;
    const prompt = () => (session ? sessionPrompt(session) : PROMPT);

    const redraw = () => {
      term.write(`\r\x1b[K${prompt()}${editor.line}`);
      const back = editor.widthAfterCursor();
      if (back > 0) term.write(`\x1b[${back}D`);
    };
    const println = (text: string, style?: "dim" | "error") => {
      const body = crlf(text.replace(/\n$/, ""));
      const styled =
        style === "dim" ? `\x1b[90m${body}\x1b[0m` : style === "error" ? `\x1b[31m${body}\x1b[0m` : body;
      term.write(`${styled}\r\n`);
    };

    const write = (text: string) => {
      if (text) term.write(crlf(text.endsWith("\n") ? text : `${text}\n`));
    };

    /** One line typed in a container's shell: its output, and the directory it leaves the session in. */
    const inSession = async (current: ContainerSession, line: string) => {
      if (isExit(line)) {
        session = undefined;
        const status = exitStatus(line);
        if (current.ownPod) {
          await endRunSession(current, current.ownPod, status);
          return;
        }
        if (status !== 0) write(`command terminated with exit code ${status}`);
        return;
      }
      const result = await store.kubectl(lineWords(current, line));
      const { output, cwd, vars } = splitOutput(result.stdout);
      // No directory back: the pod or its container is gone, and the session with it.
      if (cwd === undefined && result.exitCode !== 0 && output === "") {
        write(result.stderr);
        session = undefined;
        return;
      }
      write(output);
      write(withoutExitTrailer(result.stderr));
      if (cwd)
        session = { ...current, cwd, status: result.exitCode, ...(vars !== undefined ? { vars } : {}) };
    };

    const deleteOwnPod = async (target: ContainerSession | { pod: string; namespace?: string }) => {
      const ns = target.namespace !== undefined ? ["-n", target.namespace] : [];
      const removed = await store.kubectl(["delete", "pod", target.pod, "--wait=false", ...ns]);
      write(removed.stdout);
      write(removed.stderr);
    };

    /** The end of `kubectl run -it`'s session: its shell ends, attach's last words, `--rm` deletes the pod. */
    const endRunSession = async (
      current: ContainerSession,
      own: { remove: boolean; restart: string },
      status = 0,
    ) => {
      await store.kj(endSessionWords(current, status));
      if (own.restart === "Always")
        write(
          `Session ended, resume using 'kubectl attach ${current.pod} -c ${current.container ?? current.pod} -i -t' command when the pod is running`,
        );
      if (own.remove) await deleteOwnPod(current);
    };

    const execute = async (line: string) => {
      store.pushHistory(line);
      if (session) {
        await inSession(session, line);
        return;
      }
      const tokens = tokenize(line);
      if (!tokens.ok) {
        println(tokens.reason === "pipes" ? t("noPipes") : t("quote"), "error");
        return;
      }
      const [first, ...rest] = tokens.words;
      if (first === undefined) return;
      if (first === "clear") {
        term.clear();
        return;
      }
      if (first === "help") {
        println(t("help"), "dim");
        return;
      }
      if (first === "history") {
        store.getSnapshot().history.forEach((h, i) => {
          println(`${String(i + 1).padStart(4)}  ${h}`);
        });
        return;
      }
      // The simulator's own commands: `trace`, `why`, `advance`, bare or after `kjctl` (which also runs kubectl's).
      const kj = isKj(first) ? tokens.words : first === "kjctl" && isKj(rest[0]) ? rest : undefined;
      if (kj) {
        const result = await store.kj(kj);
        if (result.stdout)
          term.write(crlf(result.stdout.endsWith("\n") ? result.stdout : `${result.stdout}\n`));
        if (result.stderr)
          term.write(crlf(result.stderr.endsWith("\n") ? result.stderr : `${result.stderr}\n`));
        if (kj[0] === "advance" && result.exitCode === 0)
          println(t("advanced", { duration: kj[1] ?? "" }), "dim");
        return;
      }
      if (first !== "kubectl" && first !== "k" && first !== "kjctl") {
        println(t("notFound", { command: first }), "error");
        return;
      }
      const dashDash = rest.indexOf("--");
      const beforeCommand = dashDash === -1 ? rest : rest.slice(0, dashDash);
      const runSession = interactiveRun(rest);
      if (runSession) {
        const created = await store.kubectl(runSession.createWords);
        if (created.exitCode !== 0) {
          write(created.stderr);
          return;
        }
        const probe = await store.kubectl(probeWords(runSession.target));
        if (probe.exitCode !== 0) {
          // The container never started (a wrong image, no room on a node): kubectl stops waiting.
          if (runSession.remove) await deleteOwnPod(runSession.target);
          write("error: timed out waiting for the condition");
          return;
        }
        write("If you don't see a command prompt, try pressing enter.");
        session = {
          ...startSession(runSession.target, probe.stdout),
          ownPod: { remove: runSession.remove, restart: runSession.restart },
        };
        return;
      }
      const shell = interactiveShell(rest);
      if (shell) {
        const probe = await store.kubectl(probeWords(shell));
        if (probe.exitCode !== 0) write(probe.stderr);
        else session = startSession(shell, probe.stdout);
        return;
      }
      if (rest[0] === "attach") {
        println(t("interactive"), "error");
        return;
      }
      // -i/-t with a command that ends (`exec -it web -- ls /`) prints what it prints without a terminal.
      const words =
        rest[0] === "exec"
          ? [...beforeCommand.filter((w) => !INTERACTIVE.has(w)), ...rest.slice(beforeCommand.length)]
          : rest;
      const result = await store.kubectl(words);
      if (result.stdout)
        term.write(crlf(result.stdout.endsWith("\n") ? result.stdout : `${result.stdout}\n`));
      if (result.stderr)
        term.write(crlf(result.stderr.endsWith("\n") ? result.stderr : `${result.stderr}\n`));
    };

    const submit = async (line: string) => {
      term.write("\r\n");
      busy = true;
      try {
        if (line.trim() !== "") await execute(line);
      } finally {
        busy = false;
        redraw();
      }
    };

    // One command at a time: a Run button pressed while another command is still running waits for it,
    // or the first one's closing prompt would be drawn in the middle of the second one's line and output.
    let running: Promise<void> = Promise.resolve();
    const serially = (task: () => Promise<void>) => {
      running = running.then(task).catch(() => undefined);
      return running;
    };

    const tab = () => {
      const s = store.getSnapshot();
      const before = editor.line.slice(0, editor.cursor);
      const c = complete(before, {
        commands: s.commands,
        resources: s.resourceTypes,
        objects: s.snapshot?.names ?? {},
        containers: s.snapshot?.containers ?? {},
        files: s.files.map((f) => f.name),
      });
      const typed = before.slice(c.start);
      if (c.candidates.length === 0) {
        term.write("\x07");
        return;
      }
      if (c.common.length > typed.length) {
        const single = c.candidates.length === 1 && !/[=/]$/.test(c.common);
        editor.insert(c.common.slice(typed.length) + (single ? " " : ""));
        redraw();
        return;
      }
      if (c.candidates.length > 1) {
        term.write("\r\n");
        println(c.candidates.join("  "));
        redraw();
      }
    };

    runQueued.current = (command: string) =>
      serially(async () => {
        // The lesson's commands run on the learner's machine, not in a container: leave its shell first.
        if (session) {
          const leaving = session;
          term.write(`\r\x1b[K${prompt()}exit\r\n`);
          session = undefined;
          if (leaving.ownPod) await endRunSession(leaving, leaving.ownPod);
        }
        editor.set(command);
        redraw();
        editor.reset();
        await submit(command);
      });

    term.attachCustomKeyEventHandler((e) => {
      if (e.type !== "keydown") return true;
      const mod = e.ctrlKey || e.metaKey;
      // Copy: Ctrl+C with a selection (or Ctrl+Shift+C); Ctrl+C without one interrupts the line.
      if (mod && e.key.toLowerCase() === "c" && (term.hasSelection() || e.shiftKey)) {
        void navigator.clipboard?.writeText(term.getSelection());
        term.clearSelection();
        return false;
      }
      // Paste: let the browser deliver the clipboard (xterm passes it to onData).
      if (mod && e.key.toLowerCase() === "v") return false;
      // Ctrl+Enter is the page's Apply.
      if (mod && e.key === "Enter") return false;
      return true;
    });

    term.onData((data) => {
      if (busy) return;
      for (const action of editor.feed(data)) {
        if (action.type === "submit") {
          void serially(() => submit(action.line));
          return;
        }
        if (action.type === "cancel") {
          term.write(`\r\x1b[K${prompt()}${action.line}^C\r\n`);
        } else if (action.type === "clear-screen") {
          term.clear();
        } else if (action.type === "complete") {
          // Inside a container the names to complete are its files: not known here.
          if (session) term.write("\x07");
          else tab();
          return;
        }
      }
      redraw();
    });

    println(t("welcome"), "dim");
    redraw();
    const onResize = () => {
      // A hidden panel has no size: keep the last one rather than shrink the terminal to nothing.
      if (el.clientWidth === 0 || el.clientHeight === 0) return;
      try {
        fit.fit();
      } catch {
        // hidden
      }
      term.scrollToBottom();
    };
    const observer = new ResizeObserver(onResize);
    observer.observe(el);
    return () => {
      observer.disconnect();
      term.dispose();
      termRef.current = null;
    };
  }, []);

  useEffect(() => {
    if (!active) return;
    // While the panel was hidden xterm drew nothing: once it is laid out again, fit it, show the latest
    // lines and the prompt, and redraw.
    const id = requestAnimationFrame(() => {
      const term = termRef.current;
      if (!term) return;
      try {
        fitRef.current?.fit();
      } catch {
        // not laid out
      }
      term.scrollToBottom();
      term.refresh(0, term.rows - 1);
    });
    termRef.current?.focus();
    return () => cancelAnimationFrame(id);
  }, [active]);

  // Commands sent from the lesson's "Run" buttons, run as if typed.
  const queue = useWorkspace((s) => s.commandQueue);
  useEffect(() => {
    if (queue.length === 0 || !termRef.current) return;
    const commands = store.takeCommands();
    void (async () => {
      for (const c of commands) await runQueued.current(c.command);
    })();
  }, [queue, store]);

  return <section ref={host} className="terminal-host" aria-label={t("label")} />;
}
