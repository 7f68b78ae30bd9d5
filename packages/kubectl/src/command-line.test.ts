import { describe, expect, it } from "vitest";
import { splitCommandLine } from "./command-line";

describe("splitCommandLine", () => {
  it.each([
    ["get pods -o wide", ["get", "pods", "-o", "wide"]],
    ["exec w -- sh -c 'echo hi > /data/x'", ["exec", "w", "--", "sh", "-c", "echo hi > /data/x"]],
    ['exec w -- sh -c "echo \\"hi\\""', ["exec", "w", "--", "sh", "-c", 'echo "hi"']],
    [
      "get pods -o jsonpath='{.items[*].metadata.name}'",
      ["get", "pods", "-o", "jsonpath={.items[*].metadata.name}"],
    ],
    ["  spaced   out  ", ["spaced", "out"]],
    ["a\\ b c", ["a b", "c"]],
    ["''", [""]],
  ])("%s", (line, words) => {
    expect(splitCommandLine(line)).toEqual(words);
  });

  it("refuses an unterminated quote", () => {
    expect(splitCommandLine("exec w -- sh -c 'echo")).toBeUndefined();
  });
});
