// Every why code the engine can give has an explanation in both languages, with only placeholders
// the why list fills in.
import { WHY_CODES } from "@kubejam/engine";
import { describe, expect, it } from "vitest";
import en from "../../messages/en.json";
import ko from "../../messages/ko.json";
import { WHY_VALUE_KEYS } from "./why-values";

describe.each([
  ["en", en],
  ["ko", ko],
])("why messages (%s)", (_lang, messages) => {
  const codes = messages.why.codes as Record<string, string>;
  it.each([...WHY_CODES])("explains %s", (code) => {
    const text = codes[code];
    expect(text, code).toBeTruthy();
    const placeholders = [...(text ?? "").matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    for (const p of placeholders) expect(WHY_VALUE_KEYS, `${code}: {${p}}`).toContain(p);
  });
  it("has no explanation for a code the engine does not give", () => {
    expect(Object.keys(codes).sort()).toEqual([...WHY_CODES].sort());
  });
});
