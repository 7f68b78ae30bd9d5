import type { Diagnostic } from "./diagnostic";
import type { ManifestDocument } from "./parse-manifests";

export type ListItems = { ok: true; documents: ManifestDocument[] } | { ok: false; diagnostic: Diagnostic };

/**
 * kubectl's decoder reads any document with an `items` field as a list (apimachinery's
 * unstructuredJSONScheme), and its resource builder applies each item on its own, the items of
 * nested lists after the others (cli-runtime's FlattenListVisitor): what `kubectl get pods -o yaml`
 * writes can be applied again. An item with neither kind nor apiVersion takes the list's (a PodList's
 * items are Pods). A document without `items` is itself the only item.
 */
export function listItems(doc: ManifestDocument): ListItems {
  if (!("items" in doc.value)) return { ok: true, documents: [doc] };
  const documents: ManifestDocument[] = [];
  const lists: ManifestDocument[] = [doc];
  for (let i = 0; i < lists.length; i++) {
    const list = lists[i] as ManifestDocument;
    const items = list.value.items ?? [];
    if (!Array.isArray(items))
      return undecodable(
        list,
        `json: cannot unmarshal ${jsonType(items)} into Go struct field decodeList.items of type []json.RawMessage`,
      );
    const kind = typeof list.value.kind === "string" ? list.value.kind.replace(/List$/, "") : "";
    const apiVersion = list.value.apiVersion;
    for (const [index, raw] of items.entries()) {
      if (raw !== null && (typeof raw !== "object" || Array.isArray(raw)))
        return undecodable(
          list,
          `json: cannot unmarshal ${jsonType(raw)} into Go value of type map[string]interface {}`,
        );
      const value = { ...(raw ?? {}) } as Record<string, unknown>;
      if (!value.kind && !value.apiVersion) {
        if (kind) value.kind = kind;
        if (apiVersion !== undefined) value.apiVersion = apiVersion;
      }
      const item: ManifestDocument = {
        file: list.file,
        index: list.index,
        value,
        inList: true,
        locate: (path) => list.locate(path ? `items[${index}].${path}` : `items[${index}]`),
      };
      if ("items" in value) lists.push(item);
      else documents.push(item);
    }
  }
  return { ok: true, documents };
}

/** infoForData's error for a list the JSON decoder refuses: the whole document is skipped. */
function undecodable(doc: ManifestDocument, reason: string): ListItems {
  const pos = doc.locate("items");
  return {
    ok: false,
    diagnostic: {
      code: "undecodable",
      file: doc.file,
      document: doc.index,
      path: "items",
      line: pos?.line,
      column: pos?.column,
      message: `error: unable to decode "${doc.file}": ${reason}`,
    },
  };
}

/** The JSON type name Go's encoding/json puts in an UnmarshalTypeError. */
function jsonType(v: unknown): string {
  if (Array.isArray(v)) return "array";
  if (typeof v === "string") return "string";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "bool";
  return "object";
}
