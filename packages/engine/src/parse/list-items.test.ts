import { describe, expect, it } from "vitest";
import { decodeDocument } from "../api/decode";
import { parseManifests } from "./parse-manifests";

const POD = (name: string) =>
  `  - apiVersion: v1\n    kind: Pod\n    metadata: { name: ${name} }\n    spec: { containers: [{ name: c, image: nginx }] }\n`;

function documents(text: string) {
  const parsed = parseManifests("l.yaml", text);
  if (!parsed.ok) throw new Error(parsed.diagnostics.map((d) => d.message).join("\n"));
  return parsed.documents;
}

describe("list documents", () => {
  it("are their items, each a document of the list's place in the file", () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata: { name: first }\n---\napiVersion: v1\nkind: List\nmetadata: { resourceVersion: "" }\nitems:\n${POD("a")}${POD("b")}`;
    const docs = documents(text);
    expect(docs.map((d) => [d.index, (d.value.metadata as { name: string }).name])).toEqual([
      [0, "first"],
      [1, "a"],
      [1, "b"],
    ]);
    // An item's field paths are located inside the list: b's image is on the file's 16th line.
    expect(docs[2]?.locate("spec.containers[0].image")).toEqual({ line: 16, column: 37 });
    expect(docs[2]?.locate("metadata.name")).toEqual({ line: 15, column: 17 });
  });

  it("give items without kind and apiVersion the list's (a PodList holds Pods)", () => {
    const docs = documents(
      "apiVersion: v1\nkind: PodList\nitems:\n- metadata: { name: a }\n- kind: Pod\n  metadata: { name: b }\n",
    );
    expect(docs.map((d) => [d.value.apiVersion, d.value.kind])).toEqual([
      ["v1", "Pod"],
      [undefined, "Pod"],
    ]);
    // Only one of the two set: the typer refuses the item (unstructured's ObjectKinds).
    const second = docs[1];
    if (!second) throw new Error("no second item");
    const decoded = decodeDocument(second);
    expect(decoded.ok ? "" : decoded.diagnostic.message).toBe(
      `error: unable to get type info from the object "*unstructured.Unstructured": Object 'apiVersion' is missing in 'object has no apiVersion field'`,
    );
  });

  it("put a nested list's items after the outer list's (FlattenListVisitor's order)", () => {
    const docs = documents(
      `apiVersion: v1\nkind: List\nitems:\n${POD("a")}  - apiVersion: v1\n    kind: List\n    items:\n    - { apiVersion: v1, kind: ConfigMap, metadata: { name: inner } }\n${POD("c")}`,
    );
    expect(docs.map((d) => (d.value.metadata as { name: string }).name)).toEqual(["a", "c", "inner"]);
    expect(docs[2]?.locate("metadata.name")).toEqual({ line: 11, column: 54 });
  });

  it("of nothing are no documents", () => {
    expect(documents("apiVersion: v1\nkind: List\nitems: []\n")).toEqual([]);
    expect(documents("apiVersion: v1\nkind: List\nitems:\n")).toEqual([]);
  });

  it.each([
    [
      "items that are not a list",
      "apiVersion: v1\nkind: List\nitems: { a: 1 }\n",
      "json: cannot unmarshal object into Go struct field decodeList.items of type []json.RawMessage",
    ],
    [
      "an item that is not an object",
      "apiVersion: v1\nkind: List\nitems:\n- web\n",
      "json: cannot unmarshal string into Go value of type map[string]interface {}",
    ],
  ])("with %s cannot be decoded", (_story, text, reason) => {
    const parsed = parseManifests("l.yaml", text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.diagnostics).toEqual([
      expect.objectContaining({
        code: "undecodable",
        line: 3,
        message: `error: unable to decode "l.yaml": ${reason}`,
      }),
    ]);
  });

  it("map an item of an unknown kind with the builder's words", () => {
    const [item] = documents("apiVersion: v1\nkind: List\nitems:\n- { apiVersion: v1, kind: Foo }\n");
    if (!item) throw new Error("no item");
    const decoded = decodeDocument(item);
    expect(decoded.ok ? "" : decoded.diagnostic.message).toBe(
      'error: unable to recognize no matches for kind "Foo" in version "v1"',
    );
  });
});
