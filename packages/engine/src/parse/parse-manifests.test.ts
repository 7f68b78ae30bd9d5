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

  // kubectl v1.33.1's message for each file (go-yaml's words and line); the marker stays where the
  // mistake is.
  const GO = "error: error parsing f.yaml: error converting YAML to JSON: yaml: ";
  it.each([
    [
      "a key out of its column",
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n spec:\n  containers: []\n",
      5,
      "line 4: did not find expected key",
    ],
    [
      "a label one space short",
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  labels:\n    app: x\n   tier: y\n",
      7,
      "line 6: did not find expected key",
    ],
    [
      "a deeper first key",
      "apiVersion: v1\nkind: Pod\nmetadata:\n    name: web\n  namespace: x\n",
      5,
      "line 4: did not find expected key",
    ],
    [
      "a container key out of line",
      "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: nginx\n   ports: []\n",
      7,
      "line 6: did not find expected key",
    ],
    [
      "a key at its list's dash column",
      "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: web\n      image: nginx\n    ports: []\n",
      7,
      "line 6: did not find expected '-' indicator",
    ],
    [
      "a missing colon before the next key",
      "apiVersion: v1\nkind Pod\nmetadata: {name: web}\n",
      2,
      "line 3: could not find expected ':'",
    ],
    [
      "a missing colon in a nested map",
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name web\n  labels: {}\n",
      4,
      "line 5: mapping values are not allowed in this context",
    ],
    [
      "a missing colon on the first line",
      "apiVersion v1\nkind: Pod\n",
      1,
      "line 2: mapping values are not allowed in this context",
    ],
    [
      "a key indented under a value",
      "apiVersion: v1\n kind: Pod\n",
      1,
      "line 2: mapping values are not allowed in this context",
    ],
    [
      "an unclosed flow map",
      "apiVersion: v1\nkind: Pod\nmetadata: {name: web\nspec: {}\n",
      4,
      "line 3: did not find expected ',' or '}'",
    ],
    [
      "an unclosed flow sequence",
      "apiVersion: v1\nkind: Pod\nspec:\n  containers: [{name: a, image: b}\n",
      5,
      "line 4: did not find expected ',' or ']'",
    ],
    [
      "a stray closing brace",
      "apiVersion: v1\nkind: Pod\nmetadata: {name: web}}\n",
      3,
      "line 2: did not find expected key",
    ],
    [
      "an unclosed double quote",
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "web\n',
      5,
      "line 5: found unexpected end of stream",
    ],
    [
      "an unclosed single quote",
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: 'web\nspec: {}\n",
      6,
      "line 6: found unexpected end of stream",
    ],
    [
      "a missing space after the last key's colon",
      'apiVersion: v1\nkind: ConfigMap\ndata:\n  k: v\n  n:"12"\n',
      5,
      "line 6: could not find expected ':'",
    ],
    [
      "a key without a colon, then a blank line and a comment",
      "a: 1\nname:web\n\n# c\nb: 2\n",
      2,
      "line 4: could not find expected ':'",
    ],
    [
      "two block scalar indicators",
      "apiVersion: v1\nkind: ConfigMap\ndata:\n  list: |>\n    one\n",
      4,
      "line 4: did not find expected comment or line break",
    ],
    [
      "an alias with no name",
      "x: 1\na: & x\nb: 1\n",
      2,
      "line 2: did not find expected alphabetic or numeric character",
    ],
  ])("%s: go-yaml's words", (_story, text, markerLine, message) => {
    const parsed = parseManifests("f.yaml", text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.diagnostics[0]).toMatchObject({
      code: "yaml-syntax",
      line: markerLine,
      message: GO + message,
    });
  });

  it.each([
    ["a list", "- a\n- b\n"],
    ["a word", "just text\n"],
    ["a number", "42\n"],
    ["a JSON array", "[1, 2]\n"],
  ])("%s is refused by kubectl's validator", (_story, text) => {
    const parsed = parseManifests("f.yaml", text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.diagnostics[0]).toMatchObject({
      code: "not-an-object",
      message:
        'error: error validating "f.yaml": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false',
    });
  });

  it("keeps every document of a valid file with its index", () => {
    const parsed = parseManifests("f.yaml", "a: 1\n---\nb: 2\n---\n");
    expect(parsed.ok && parsed.documents.map((d) => [d.index, d.value])).toEqual([
      [0, { a: 1 }],
      [1, { b: 2 }],
    ]);
  });

  // kubectl v1.33.1 (`label --local -f`) keeps the last of a key written twice, at any depth, in YAML
  // and in JSON, and says nothing: the API server never sees the first.
  it("keeps the last value of a key written twice, and locates it there", () => {
    const text =
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  labels: {x: '1', x: '2'}\nspec:\n  containers:\n  - name: c\n    image: nginx\n  containers:\n  - name: d\n    image: redis\n";
    const parsed = parseManifests("f.yaml", text);
    if (!parsed.ok) throw new Error(parsed.diagnostics[0]?.message);
    const [doc] = parsed.documents;
    expect(doc?.value).toEqual({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "a", labels: { x: "2" } },
      spec: { containers: [{ name: "d", image: "redis" }] },
    });
    expect(doc?.locate("spec.containers[0].image")).toEqual({ line: 12, column: 5 });
    const json = parseManifests("f.json", '{"kind": "Pod", "metadata": {"name": "a", "name": "b"}}\n');
    expect(json.ok && json.documents[0]?.value).toEqual({ kind: "Pod", metadata: { name: "b" } });
  });
});
