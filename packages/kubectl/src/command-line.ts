/**
 * Splits a command line into words as a POSIX shell would, for kubectl lines typed in a terminal or
 * written in an exercise: single quotes are literal, double quotes allow `\"` and `\\`, a backslash
 * outside quotes escapes the next character, and quotes may start mid-word (`-o jsonpath='{..}'`).
 * Returns undefined for an unterminated quote.
 */
export function splitCommandLine(line: string): string[] | undefined {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] ?? "";
    if (ch === " " || ch === "\t" || ch === "\n") {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return undefined;
      word = (word ?? "") + line.slice(i + 1, end);
      i = end;
    } else if (ch === '"') {
      let text = "";
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === "\\" && (line[j + 1] === '"' || line[j + 1] === "\\" || line[j + 1] === "$")) j++;
        text += line[j] ?? "";
      }
      if (j >= line.length) return undefined;
      word = (word ?? "") + text;
      i = j;
    } else if (ch === "\\" && i + 1 < line.length) {
      word = (word ?? "") + (line[i + 1] ?? "");
      i++;
    } else word = (word ?? "") + ch;
  }
  if (word !== undefined) words.push(word);
  return words;
}
