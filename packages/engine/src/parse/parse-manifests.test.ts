import { describe, expect, it } from "vitest";
import { parseManifests } from "./parse-manifests";

describe("parseManifests", () => {
  it.each([
    [
      "a Helm template's {{ }} key",
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\n",
      4,
      10,
      'error: error parsing f.yaml: error converting YAML to JSON: yaml: invalid map key: map[interface {}]interface {}{".Values.name":interface {}(nil)}',
    ],
    [
      "a tab for indentation",
      "apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n",
      4,
      1,
      "error: error parsing f.yaml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token",
    ],
  ])("%s is a located syntax error", (_story, text, line, column, message) => {
    const parsed = parseManifests("f.yaml", text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const [d] = parsed.diagnostics;
    expect(d?.code).toBe("yaml-syntax");
    expect(d?.line).toBe(line);
    expect(d?.column).toBe(column);
    if (message) expect(d?.message).toBe(message);
  });

  it("keeps every document of a valid file with its index", () => {
    const parsed = parseManifests("f.yaml", "a: 1\n---\nb: 2\n---\n");
    expect(parsed.ok && parsed.documents.map((d) => [d.index, d.value])).toEqual([
      [0, { a: 1 }],
      [1, { b: 2 }],
    ]);
  });
});
