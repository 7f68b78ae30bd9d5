import type { LineCounter, YAMLError } from "yaml";

/**
 * A syntax error as go-yaml reports it (sigs.k8s.io/yaml, which kubectl parses with): its words for
 * the mistakes learners make most, and its line. The yaml package finds the same mistakes and words
 * them its own way, at the place the mistake is; go-yaml names the line of its "problem mark": for a
 * parser error that is the 0-based line of the token it could not use (one less than where the
 * mistake is), for a scanner error the 1-based one. Each rule was checked against kubectl v1.33.1;
 * an error without a rule keeps the yaml package's words at its own line.
 */
export function goYamlError(
  error: YAMLError,
  text: string,
  lines: LineCounter,
): { line: number; reason: string } {
  const offset = error.pos[0];
  const line = lines.linePos(offset).line;
  const message = error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? error.message;
  switch (error.code) {
    case "TAB_AS_INDENT":
      return { line, reason: "found character that cannot start any token" };
    case "BAD_INDENT":
      // A key out of its mapping's column, or a flow collection left open at the end of the file.
      if (message.startsWith("Flow map"))
        return { line: line - 1, reason: "did not find expected ',' or '}'" };
      if (message.startsWith("Flow sequence"))
        return { line: line - 1, reason: "did not find expected ',' or ']'" };
      return { line: line - 1, reason: expectedKeyOrDash(text, line) };
    case "UNEXPECTED_TOKEN":
      if (/flow-(map|seq)-end/.test(message)) return { line: line - 1, reason: "did not find expected key" };
      // `list: |>` or `>x`: a block scalar's header holds only its indicators.
      if (message.startsWith("Block scalar header"))
        return { line, reason: "did not find expected comment or line break" };
      break;
    case "BAD_ALIAS":
      // `*` or `&` with no name after it.
      return { line, reason: "did not find expected alphabetic or numeric character" };
    case "MISSING_CHAR":
      if (message.startsWith("Missing closing")) return { line, reason: "found unexpected end of stream" };
      // A key with no `: ` after it (`name:web` on a mapping's last line, `image nginx`): go-yaml's
      // scanner gives up on it when it reaches the next token, a line or more below.
      if (message.startsWith("Implicit map keys") && !/^\s*\*/.test(lineText(text, line)))
        return { line: nextTokenLine(text, line), reason: "could not find expected ':'" };
      if (message.startsWith("Sequence item without"))
        return { line: line - 1, reason: expectedKeyOrDash(text, line) };
      break;
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY": {
      // A key written over two lines (`kind Pod` missing its colon runs into the next line): go-yaml
      // stops at the `:` that ends it. A key its mapping requires at that column is a missing `:`;
      // otherwise the `:` is a mapping where none may start.
      const colon = /:(?=[ \t]|\r?\n|$)/g;
      colon.lastIndex = offset;
      const at = colon.exec(text);
      const colonLine = at ? lines.linePos(at.index).line : line;
      const required = error.code === "MULTILINE_IMPLICIT_KEY" && keyIsRequired(text, lines, offset);
      return {
        line: colonLine,
        reason: required ? "could not find expected ':'" : "mapping values are not allowed in this context",
      };
    }
  }
  return { line, reason: message };
}

/**
 * A line out of place in a block collection: at the column of a sequence's `-` above it, go-yaml wanted
 * another item (`-`); anywhere else, a key of the mapping it is in.
 */
function expectedKeyOrDash(text: string, line: number): string {
  const all = text.split("\n");
  const here = all[line - 1] ?? "";
  const indent = here.length - here.trimStart().length;
  const above = nearestNotDeeper(all, line, indent);
  const isItem = above !== undefined && /^-(\s|$)/.test(above.text.trimStart());
  return isItem && above.indent === indent
    ? "did not find expected '-' indicator"
    : "did not find expected key";
}

/** The nearest line above `line` (1-based) with content, at most `column` deep: its text and indentation. */
function nearestNotDeeper(
  all: readonly string[],
  line: number,
  column: number,
): { text: string; indent: number } | undefined {
  for (let n = line - 2; n >= 0; n--) {
    const text = all[n] ?? "";
    if (text.trim() === "" || text.trim().startsWith("#")) continue;
    const indent = text.length - text.trimStart().length;
    if (indent <= column) return { text, indent };
  }
  return undefined;
}

/**
 * go-yaml requires a simple key where a block mapping is already open at its column: the nearest
 * line above that is not deeper starts at the same column (a sibling key).
 */
function keyIsRequired(text: string, lines: LineCounter, offset: number): boolean {
  const { line, col } = lines.linePos(offset);
  return nearestNotDeeper(text.split("\n"), line, col - 1)?.indent === col - 1;
}

function lineText(text: string, line: number): string {
  return text.split("\n")[line - 1] ?? "";
}

/** The first line below `line` (1-based) with anything but spaces on it, a comment included; past the end, the last line. */
function nextTokenLine(text: string, line: number): number {
  const all = text.split("\n");
  for (let n = line; n < all.length; n++) if ((all[n] ?? "").trim() !== "") return n + 1;
  return all.length;
}
