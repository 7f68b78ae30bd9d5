// The two message files hold the same keys, and the Korean UI speaks in 합니다체 (glossary-ko.md, style
// rule 1: UI labels, hints and feedback are polite; lesson prose alone uses 평어체).
import { impoliteSentences } from "@kubejam/content";
import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import ko from "../../messages/ko.json";

type Tree = { [key: string]: string | Tree };

function entries(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [[`${prefix}${k}`, v] as [string, string]] : entries(v, `${prefix}${k}.`),
  );
}

const koEntries = entries(ko as Tree);

describe("messages", () => {
  it("has the same keys in Korean and English", () => {
    expect(koEntries.map(([k]) => k).sort()).toEqual(
      entries(en as Tree)
        .map(([k]) => k)
        .sort(),
    );
  });

  it.each(koEntries)("%s speaks in 합니다체", (_key, text) => {
    expect(impoliteSentences(text)).toEqual([]);
  });
});
