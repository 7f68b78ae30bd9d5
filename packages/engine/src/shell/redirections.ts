/** Redirections (>, >>, <, 2>&1, >&2, /dev/null) around a command. */
import { isFsError } from "../fs/fs-error";
import type { Redir } from "./ast";
import { expandWord } from "./expand";
import type { Shell } from "./interpreter";
import { FileSink, type Io, NULL_SINK, type Sink } from "./io";
import { cantCreate, cantOpen, prefix } from "./messages";

/** Applies redirections around `body`; file output is flushed afterwards. */
export function withRedirs(sh: Shell, redirs: Redir[], io: Io, body: (io: Io) => number): number {
  if (redirs.length === 0) return body(io);
  const fds: { stdin: string; 1: Sink; 2: Sink } = { stdin: io.stdin, 1: io.out, 2: io.err };
  const files: FileSink[] = [];
  for (const r of redirs) {
    const target = expandWord(sh, r.target);
    if (r.op === ">&" || r.op === "<&") {
      if (r.op === "<&") continue;
      if (target === "-") setFd(fds, r.fd, NULL_SINK);
      else if (target === "1" || target === "2") setFd(fds, r.fd, fds[target === "1" ? 1 : 2]);
      else {
        const sink = openOut(sh, target, false, io.err);
        if (sink === undefined) return 1;
        if (sink instanceof FileSink) files.push(sink);
        fds[1] = sink;
        fds[2] = sink;
      }
      continue;
    }
    if (r.op === "<") {
      if (target === "/dev/null") {
        fds.stdin = "";
        continue;
      }
      try {
        fds.stdin = sh.fs.readFile(target);
      } catch (e) {
        if (!isFsError(e)) throw e;
        io.err.write(cantOpen(sh.id, sh.line, target, e));
        sh.status = sh.id.kind === "bash" ? 1 : 2;
        return sh.status;
      }
      continue;
    }
    if (target === "/dev/stdout" || target === "/dev/stderr") {
      setFd(fds, r.fd, fds[target === "/dev/stdout" ? 1 : 2]);
      continue;
    }
    const sink = openOut(sh, target, r.op === ">>", fds[2]);
    if (sink === undefined) {
      sh.status = sh.id.kind === "bash" ? 1 : 2;
      return sh.status;
    }
    if (sink instanceof FileSink) files.push(sink);
    setFd(fds, r.fd, sink);
  }
  try {
    return body({ stdin: fds.stdin, out: fds[1], err: fds[2] });
  } finally {
    flushAll(sh, files, io);
  }
}

function flushAll(sh: Shell, files: FileSink[], io: Io): void {
  for (const f of files) {
    try {
      f.flush();
    } catch (e) {
      if (!isFsError(e)) throw e;
      io.err.write(`${prefix(sh.id, sh.line)}write error: ${e.text}\n`);
    }
  }
}

function setFd(fds: { 1: Sink; 2: Sink }, fd: number, sink: Sink): void {
  if (fd === 1 || fd === 2) fds[fd] = sink;
}

function openOut(sh: Shell, path: string, append: boolean, err: Sink): Sink | undefined {
  if (path === "/dev/null") return NULL_SINK;
  try {
    if (append) {
      if (!sh.fs.exists(path)) sh.fs.writeFile(path, "");
      else if (sh.fs.stat(path).type === "dir") sh.fs.readFile(path);
      else sh.fs.writeFile(path, "", { append: true });
    } else {
      sh.fs.writeFile(path, "");
    }
    return new FileSink(sh.fs, path);
  } catch (e) {
    if (!isFsError(e)) throw e;
    err.write(cantCreate(sh.id, sh.line, path, e));
    return undefined;
  }
}
