// Splits a terminal line into words the way a POSIX shell would (quotes, backslashes), using shell-quote.
// This terminal runs one command per line: pipes, redirections and `;` are refused with a clear message.
import { parse } from "shell-quote";

export type Tokenized = { ok: true; words: string[] } | { ok: false; reason: "pipes" | "quote" };

/** True when a quote opened on the line is never closed. */
function hasOpenQuote(line: string): boolean {
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
    } else if (c === "\\") i++;
    else if (quote === '"') {
      if (c === '"') quote = undefined;
    } else if (c === "'" || c === '"') quote = c;
  }
  return quote !== undefined;
}

export function tokenize(line: string): Tokenized {
  if (hasOpenQuote(line)) return { ok: false, reason: "quote" };
  // Variables are left for the shell inside the container (`sh -c "echo $HOSTNAME"`).
  const entries = parse(line, (name) => `$${name}`);
  const words: string[] = [];
  for (const e of entries) {
    if (typeof e === "string") words.push(e);
    else if ("comment" in e) break;
    else if ("op" in e && e.op === "glob") words.push(e.pattern);
    else return { ok: false, reason: "pipes" };
  }
  return { ok: true, words };
}
