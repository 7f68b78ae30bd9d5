/** The error messages of busybox ash, dash and bash. */
import type { FsError } from "../fs/fs-error";
import type { ParseError } from "./parser";

export type ShellKind = "busybox" | "dash" | "bash";

export interface ShellIdentity {
  kind: ShellKind;
  /** $0: "sh", "/bin/sh", "bash", a script path. */
  arg0: string;
  /** Running a script file (not -c). */
  script: boolean;
}

/** "sh: ", "sh: 1: ", "bash: line 1: ". */
export function prefix(id: ShellIdentity, line: number): string {
  if (id.kind === "dash") return `${id.arg0}: ${line}: `;
  if (id.kind === "bash") return `${id.arg0}: line ${line}: `;
  return id.script ? `${id.arg0}: line ${line}: ` : `${id.arg0}: `;
}

export function notFound(id: ShellIdentity, line: number, name: string): string {
  const p = prefix(id, line);
  if (name.includes("/")) {
    return id.kind === "bash" ? `${p}${name}: No such file or directory\n` : `${p}${name}: not found\n`;
  }
  return id.kind === "bash" ? `${p}${name}: command not found\n` : `${p}${name}: not found\n`;
}

export function permissionDenied(id: ShellIdentity, line: number, name: string, isDir: boolean): string {
  const why = id.kind === "bash" && isDir ? "Is a directory" : "Permission denied";
  return `${prefix(id, line)}${name}: ${why}\n`;
}

/** Output redirection that could not be opened. */
export function cantCreate(id: ShellIdentity, line: number, path: string, e: FsError): string {
  const p = prefix(id, line);
  if (id.kind === "bash") return `${p}${path}: ${e.text}\n`;
  if (id.kind === "dash")
    return `${p}cannot create ${path}: ${e.code === "ENOENT" ? "Directory nonexistent" : e.text}\n`;
  return `${p}can't create ${path}: ${e.code === "ENOENT" ? "nonexistent directory" : e.text}\n`;
}

/** Input redirection that could not be opened. */
export function cantOpen(id: ShellIdentity, line: number, path: string, e: FsError): string {
  const p = prefix(id, line);
  if (id.kind === "bash") return `${p}${path}: ${e.text}\n`;
  if (id.kind === "dash")
    return `${p}cannot open ${path}: ${e.code === "ENOENT" ? "No such file" : e.text}\n`;
  return `${p}can't open ${path}: ${e.code === "ENOENT" ? "no such file" : e.text}\n`;
}

export function cdError(id: ShellIdentity, line: number, path: string, e: FsError): string {
  const p = prefix(id, line);
  if (id.kind === "bash") return `${p}cd: ${path}: ${e.text}\n`;
  if (id.kind === "dash") return `${p}cd: can't cd to ${path}\n`;
  return `${p}cd: can't cd to ${path}: ${e.text}\n`;
}

const TOKEN_NAMES: Record<string, string> = { newline: "newline" };

export function syntaxError(id: ShellIdentity, e: ParseError, src: string): string {
  const lines = src.split("\n").length;
  if (e.kind === "depth") return `${prefix(id, 1)}${e.detail}\n`;
  if (id.kind === "bash") {
    const head = `${id.arg0}: ${id.script ? "" : "-c: "}`;
    if (e.kind === "quote") {
      return `${head}line 1: unexpected EOF while looking for matching \`${e.detail}'\n`;
    }
    if (e.kind === "eof") return `${head}line ${lines + 1}: syntax error: unexpected end of file\n`;
    const shown = TOKEN_NAMES[e.detail] ?? e.detail;
    return `${head}line 1: syntax error near unexpected token \`${shown}'\n${head}line 1: \`${src.split("\n")[0] ?? ""}'\n`;
  }
  if (id.kind === "dash") {
    const p = `${id.arg0}: ${lines}: `;
    if (e.kind === "quote") return `${p}Syntax error: Unterminated quoted string\n`;
    if (e.kind === "eof") {
      return e.detail === "command" || e.detail === "word"
        ? `${p}Syntax error: end of file unexpected\n`
        : `${p}Syntax error: end of file unexpected (expecting "${e.detail}")\n`;
    }
    return e.detail === "newline"
      ? `${p}Syntax error: newline unexpected\n`
      : `${p}Syntax error: "${e.detail}" unexpected\n`;
  }
  const p = `${id.arg0}: ${id.script ? `line ${lines}: ` : ""}`;
  if (e.kind === "quote") return `${p}syntax error: unterminated quoted string\n`;
  if (e.kind === "eof") {
    return e.detail === "command" || e.detail === "word"
      ? `${p}syntax error: unexpected end of file\n`
      : `${p}syntax error: unexpected end of file (expecting "${e.detail}")\n`;
  }
  return `${p}syntax error: unexpected ${e.detail === "newline" ? "newline" : `"${e.detail}"`}\n`;
}
