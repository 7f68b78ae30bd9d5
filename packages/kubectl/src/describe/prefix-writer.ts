// staging/src/k8s.io/kubectl/pkg/describe/describe.go: PrefixWriter (2 spaces per level) over tabbedString's
// tabwriter (minwidth 0, tabwidth 8, padding 2, ' '): cells end at '\t' and align per column block.
import { escapeTerminal } from "../printers/escape";
import { DESCRIBE_TABWRITER, tabwrite } from "../printers/tabwriter";

// describe.go: LEVEL_0 .. LEVEL_4
export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

export class PrefixWriter {
  private buffer = "";

  /** describe.go: prefixWriter.Write (the text already formatted; `\t` separates aligned cells). */
  write(level: number, text: string): void {
    // printers.WriteEscaped
    this.buffer += escapeTerminal("  ".repeat(level) + text);
  }

  /** describe.go: prefixWriter.WriteLine (fmt.Sprintln of one value: the value and a newline). */
  writeLine(text = ""): void {
    this.buffer += escapeTerminal(`${text}\n`);
  }

  /** describe.go: tabbedString: flush the tabwriter. */
  toString(): string {
    return tabwrite(this.buffer, DESCRIBE_TABWRITER);
  }
}
