// staging/src/k8s.io/cli-runtime/pkg/printers/terminal.go: EscapeTerminal replaces ESC with `^[` and
// CR with `\r` so that object data cannot drive the learner's terminal.
export function escapeTerminal(text: string): string {
  return text.replaceAll("\x1b", "^[").replaceAll("\r", "\\r");
}
