import { describe, expect, it } from "vitest";
import { scanJsonStream } from "./json-stream";
import { parseManifests } from "./parse-manifests";

const M = '"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}';
const B = '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "b"}}';

// Each case as kubectl v1.33.1 read the same file (`kubectl label --local -f c.json x=y -o name`):
// the error it printed, or the objects it found.
describe("a file that starts with { (kubectl's YAMLOrJSONDecoder)", () => {
  it.each([
    [
      "a missing comma",
      `{"apiVersion": "v1" "kind": "ConfigMap"}\n`,
      `json: offset 21: invalid character '"' after object key:value pair`,
    ],
    [
      "a colon for a comma",
      `{"apiVersion": "v1": "kind": "ConfigMap"}\n`,
      "json: offset 20: invalid character ':' after object key:value pair",
    ],
    ["a missing closing brace", `{${M}\n`, "unexpected EOF"],
    [
      "a brace too many",
      `{${M}}}\n`,
      "json: offset 69: invalid character '}' looking for beginning of value",
    ],
    [
      "a bad escape",
      `{${M}, "data": {"k": "a\\qb"}}\n`,
      "json: offset 87: invalid character 'q' in string escape code",
    ],
    // Two values make it a JSON stream for sure: Go's error without the offset.
    [
      "two objects then a stray ]",
      `{${M}}\n${B}\n]\n`,
      "invalid character ']' looking for beginning of value",
    ],
  ])("with %s is refused in Go's words", (_story, text, reason) => {
    const parsed = parseManifests("c.json", text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.diagnostics.map((d) => d.message)).toEqual([`error: error parsing c.json: ${reason}`]);
  });

  it.each([
    ["a trailing comma", `{${M},}\n`, ["a"]],
    ["single quotes", `{'apiVersion': 'v1', 'kind': 'ConfigMap', 'metadata': {'name': 'a'}}\n`, ["a"]],
    ["a comment", `{${M}, // note\n}\n`, ["a"]],
    ["a misspelt literal", `{${M}, "immutable": ture}\n`, ["a"]],
    ["a Korean word outside quotes", `{${M}, "data": {"k": 값}}\n`, ["a"]],
    ["two objects", `{${M}}\n${B}\n`, ["a", "b"]],
    [
      "an object then YAML",
      `{${M}}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n`,
      ["a", "b"],
    ],
  ])("with %s is read (as YAML where JSON fails first)", (_story, text, names) => {
    const parsed = parseManifests("c.json", text);
    if (!parsed.ok) throw new Error(parsed.diagnostics[0]?.message);
    expect(parsed.documents.map((d) => (d.value.metadata as { name: string }).name)).toEqual(names);
    expect(parsed.documents.map((d) => d.index)).toEqual(names.map((_, i) => i));
  });

  it("locates a second object's fields on its own lines", () => {
    const parsed = parseManifests(
      "c.json",
      `{${M}}\n{"apiVersion": "v1", "kind": "ConfigMap",\n "metadata": {"name": "b"}}\n`,
    );
    if (!parsed.ok) throw new Error(parsed.diagnostics[0]?.message);
    expect(parsed.documents[1]?.locate("metadata.name")).toEqual({ line: 3, column: 15 });
  });

  it("locates the items of a JSON list inside it", () => {
    const parsed = parseManifests(
      "c.json",
      `{"apiVersion": "v1", "kind": "List", "items": [\n  {${M}},\n  {"apiVersion": "v1", "kind": "ConfigMap",\n   "metadata": {"name": "b"}}\n]}\n`,
    );
    if (!parsed.ok) throw new Error(parsed.diagnostics[0]?.message);
    expect(parsed.documents.map((d) => (d.value.metadata as { name: string }).name)).toEqual(["a", "b"]);
    expect(parsed.documents[1]?.locate("metadata.name")).toEqual({ line: 4, column: 17 });
  });

  it("reads a long stream of objects, each once", () => {
    // Every value is parsed on its own: a file's worth of values must not cost a file's size each.
    const text = `{${M}}\n`.repeat(20_000);
    const parsed = parseManifests("c.json", text);
    expect(parsed.ok && parsed.documents.length).toBe(20_000);
  });

  it("marks a syntax error where it is", () => {
    const parsed = parseManifests("c.json", '{\n  "apiVersion": "v1"\n  "kind": "Pod"\n}\n');
    expect(parsed.ok ? undefined : parsed.diagnostics[0]).toMatchObject({ line: 3, column: 3 });
  });
});

describe("scanJsonStream", () => {
  it.each([
    // Offsets count UTF-8 bytes, the bad one included; a character beyond ASCII is named by its first byte.
    ['{"k": "é" x}', "invalid character 'x' after object key:value pair", 12],
    ['{"k": 값}', "invalid character 'ê' looking for beginning of value", 7],
    ['{"k": "a\u0001"}', "invalid character '\\x01' in string literal", 9],
    ['{"k": "\\u12g4"}', "invalid character 'g' in \\u hexadecimal character escape", 12],
    ['{"k": nul}', "invalid character '}' in literal null (expecting 'l')", 10],
    ['{"k": 1.e5}', "invalid character 'e' after decimal point in numeric literal", 9],
    ['{"k": [1 2]}', "invalid character '2' after array element", 10],
    ["{'k': 1}", "invalid character '\\'' looking for beginning of object key string", 2],
  ])("%s", (text, message, offset) => {
    expect(scanJsonStream(text).error).toMatchObject({ message, offset, syntax: true });
  });
});
