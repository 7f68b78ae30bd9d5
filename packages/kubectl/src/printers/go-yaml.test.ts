// go-yaml v2 (sigs.k8s.io/yaml) scalar styles, key order and line folding as kubectl -o yaml prints them.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { goYamlKeyLess, toGoYaml } from "./go-yaml";

describe("scalar styles", () => {
  it.each<[unknown, string]>([
    ["web", "v: web\n"],
    ["", 'v: ""\n'],
    ["true", 'v: "true"\n'],
    ["yes", 'v: "yes"\n'],
    ["y", 'v: "y"\n'],
    ["null", 'v: "null"\n'],
    ["~", 'v: "~"\n'],
    ["1234", 'v: "1234"\n'],
    ["1.5", 'v: "1.5"\n'],
    ["0x1F", 'v: "0x1F"\n'],
    ["1e3", 'v: "1e3"\n'],
    ["1_000", 'v: "1_000"\n'],
    ["12:30", 'v: "12:30"\n'],
    ["2025-05-20T11:55:00Z", 'v: "2025-05-20T11:55:00Z"\n'],
    ["2025-05-20", 'v: "2025-05-20"\n'],
    ["7d4b9c6f5d", "v: 7d4b9c6f5d\n"],
    ["10.8.1.12", "v: 10.8.1.12\n"],
    ["nginx:1.27", "v: nginx:1.27\n"],
    ["a: b", "v: 'a: b'\n"],
    ["key:", "v: 'key:'\n"],
    ["#comment", "v: '#comment'\n"],
    ["a #b", "v: 'a #b'\n"],
    ["it's", "v: it's\n"],
    ["'quoted'", "v: '''quoted'''\n"],
    ["*", "v: '*'\n"],
    ["-", "v: '-'\n"],
    ["--a", "v: --a\n"],
    [" lead", "v: ' lead'\n"],
    ["trail ", "v: 'trail '\n"],
    ["[x]", "v: '[x]'\n"],
    ["{x}", "v: '{x}'\n"],
    ["tab\there", 'v: "tab\\there"\n'],
    ["line1\nline2", "v: |-\n  line1\n  line2\n"],
    ["line1\n", "v: |\n  line1\n"],
    ["  indented\n", "v: |2\n    indented\n"],
    ["日本語", "v: 日本語\n"],
    [null, "v: null\n"],
    [true, "v: true\n"],
    [80, "v: 80\n"],
    [0.5, "v: 0.5\n"],
    // Checked against kubectl v1.33.1: past int64 a whole number is a float to go-yaml.
    [1e6, "v: 1000000\n"],
    [1e20, "v: 1e+20\n"],
    [2.5e21, "v: 2.5e+21\n"],
    [1.5e-7, "v: 1.5e-07\n"],
    [{}, "v: {}\n"],
    [[], "v: []\n"],
  ])("%j", (value, expected) => {
    expect(toGoYaml({ v: value })).toBe(expected);
  });
});

describe("layout", () => {
  it("does not indent sequences under their key and indents mappings in sequences", () => {
    expect(toGoYaml({ a: [{ b: 1, c: [2, 3] }, "x"] })).toBe("a:\n- b: 1\n  c:\n  - 2\n  - 3\n- x\n");
  });

  it("folds a long plain scalar at the first space past column 80", () => {
    const words = Array.from({ length: 20 }, (_, i) => `word${i}`).join(" ");
    const out = toGoYaml({ metadata: { message: words } });
    expect(out).toBe(
      "metadata:\n  message: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n    word12 word13 word14 word15 word16 word17 word18 word19\n",
    );
    expect(parse(out)).toEqual({ metadata: { message: words } });
  });

  it("sorts keys as go-yaml: non-letters before letters, digit runs numerically", () => {
    const keys = ["b", "a10", "a9", "A", "_x", "a", "a-b", "a.b"];
    expect([...keys].sort((x, y) => (goYamlKeyLess(x, y) ? -1 : goYamlKeyLess(y, x) ? 1 : 0))).toEqual([
      "_x",
      "A",
      "a",
      "a-b",
      "a.b",
      "a9",
      "a10",
      "b",
    ]);
  });
});
