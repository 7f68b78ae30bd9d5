// A port of Go's text/tabwriter (golang.org/src/text/tabwriter/tabwriter.go) for the two settings
// kubectl uses; only what those settings need: left alignment, ' ' padding, no escapes, no '\v'/'\f'.

export interface TabwriterSettings {
  /** Minimal cell width including padding. */
  minwidth: number;
  /** Padding added to a cell's width before computing the column width. */
  padding: number;
}

// staging/src/k8s.io/cli-runtime/pkg/printers/tabwriter.go: tabwriterMinWidth = 6, tabwriterWidth = 4,
// tabwriterPadding = 3, tabwriterPadChar = ' ', tabwriterFlags = tabwriter.RememberWidths
export const GET_TABWRITER: TabwriterSettings = { minwidth: 6, padding: 3 };

// staging/src/k8s.io/kubectl/pkg/describe/describe.go: tabbedString: out.Init(buf, 0, 8, 2, ' ', 0)
export const DESCRIBE_TABWRITER: TabwriterSettings = { minwidth: 0, padding: 2 };

interface Cell {
  text: string;
  width: number;
}

/** Width as Go's tabwriter counts it: utf8.RuneCount of the cell text. */
function runeCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * Lays out `text` as Go's tabwriter does: cells are terminated by '\t', lines by '\n'. A column block is
 * a run of consecutive lines that have a tab-terminated cell in that column; each block is as wide as its
 * widest cell plus padding (at least minwidth). The last cell of a line belongs to no column and is never
 * padded; a tab-terminated cell is padded even when nothing follows it (so trailing spaces can appear).
 */
export function tabwrite(text: string, settings: TabwriterSettings): string {
  const lines: Cell[][] = text
    .split("\n")
    .map((line) => line.split("\t").map((t) => ({ text: t, width: runeCount(t) })));
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (line0: number, line1: number): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i] ?? [];
      let s = "";
      line.forEach((cell, j) => {
        s += cell.text;
        const w = widths[j];
        if (w !== undefined && j < widths.length) s += " ".repeat(Math.max(0, w - cell.width));
      });
      out.push(s);
    }
  };

  const format = (line0In: number, line1: number): void => {
    let line0 = line0In;
    const column = widths.length;
    for (let current = line0; current < line1; current++) {
      const line = lines[current] ?? [];
      if (column >= line.length - 1) continue;
      // cell exists in this column => this line has more cells than the previous line
      writeLines(line0, current);
      line0 = current;
      let width = settings.minwidth;
      for (; current < line1; current++) {
        const l = lines[current] ?? [];
        if (column >= l.length - 1) break;
        const c = l[column];
        const w = (c?.width ?? 0) + settings.padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, current);
      widths.pop();
      line0 = current;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join("\n");
}
