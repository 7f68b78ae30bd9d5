// The terminal's line editing, apart from xterm: turns what xterm's onData delivers (keys, escape
// sequences, pasted text) into edits of one line plus actions for the terminal to perform.

export type LineAction =
  | { type: "submit"; line: string }
  | { type: "cancel"; line: string }
  | { type: "clear-screen" }
  | { type: "complete" };

/** Cells a character takes in a terminal: 2 for Hangul, CJK and other wide characters. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff)
  )
    return 2;
  return 1;
}

/** Drops control characters from typed or pasted text; a tab becomes a space. */
function printable(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === "\t") out += " ";
    else if (code >= 0x20 && code !== 0x7f) out += ch;
  }
  return out;
}

export const textWidth = (s: string) => [...s].reduce((w, ch) => w + charWidth(ch), 0);

export class LineEditor {
  /** The line as an array of characters (code points), so that cursor moves never split one. */
  private chars: string[] = [];
  cursor = 0;
  private historyIndex: number | undefined;
  private draft = "";

  constructor(private readonly history: () => readonly string[]) {}

  get line(): string {
    return this.chars.join("");
  }

  set(line: string, cursor = [...line].length): void {
    this.chars = [...line];
    this.cursor = Math.max(0, Math.min(cursor, this.chars.length));
  }

  reset(): void {
    this.set("");
    this.historyIndex = undefined;
    this.draft = "";
  }

  insert(text: string): void {
    const add = [...text];
    this.chars.splice(this.cursor, 0, ...add);
    this.cursor += add.length;
  }

  /** Feeds one onData chunk; returns the actions to perform, in order. */
  feed(data: string): LineAction[] {
    const actions: LineAction[] = [];
    switch (data) {
      case "\r":
        actions.push(this.submit());
        return actions;
      case "\x7f":
      case "\b":
        if (this.cursor > 0) {
          this.chars.splice(this.cursor - 1, 1);
          this.cursor--;
        }
        return actions;
      case "\x1b[3~":
        this.chars.splice(this.cursor, 1);
        return actions;
      case "\x1b[D":
        this.cursor = Math.max(0, this.cursor - 1);
        return actions;
      case "\x1b[C":
        this.cursor = Math.min(this.chars.length, this.cursor + 1);
        return actions;
      case "\x1b[H":
      case "\x1bOH":
      case "\x01":
        this.cursor = 0;
        return actions;
      case "\x1b[F":
      case "\x1bOF":
      case "\x05":
        this.cursor = this.chars.length;
        return actions;
      case "\x1b[A":
        this.walkHistory(-1);
        return actions;
      case "\x1b[B":
        this.walkHistory(1);
        return actions;
      case "\x03": {
        const line = this.line;
        this.reset();
        actions.push({ type: "cancel", line });
        return actions;
      }
      case "\x0c":
        actions.push({ type: "clear-screen" });
        return actions;
      case "\x15":
        this.chars.splice(0, this.cursor);
        this.cursor = 0;
        return actions;
      case "\x0b":
        this.chars.splice(this.cursor);
        return actions;
      case "\t":
        actions.push({ type: "complete" });
        return actions;
    }
    if (data.startsWith("\x1b")) return actions; // other keys (function keys, alt-…) do nothing
    // Typed or pasted text: each line break submits the line so far.
    const parts = data.replace(/\r\n/g, "\n").replace(/\r/g, "\n").split("\n");
    parts.forEach((part, i) => {
      this.insert(printable(part));
      if (i < parts.length - 1) actions.push(this.submit());
    });
    return actions;
  }

  private submit(): LineAction {
    const line = this.line;
    this.reset();
    return { type: "submit", line };
  }

  private walkHistory(step: -1 | 1): void {
    const history = this.history();
    if (history.length === 0) return;
    if (this.historyIndex === undefined) {
      if (step === 1) return;
      this.draft = this.line;
      this.historyIndex = history.length - 1;
    } else {
      const next = this.historyIndex + step;
      if (next >= history.length) {
        this.historyIndex = undefined;
        this.set(this.draft);
        return;
      }
      this.historyIndex = Math.max(0, next);
    }
    this.set(history[this.historyIndex] ?? "");
  }

  /** Width in cells of the text after the cursor (how far to move left after redrawing the line). */
  widthAfterCursor(): number {
    return textWidth(this.chars.slice(this.cursor).join(""));
  }
}
