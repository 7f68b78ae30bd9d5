// Finds where in the learner's files an object (or the template it came from) and a field are written,
// so that a why record or a marker can point at a line. Pure: files and state in, positions out.
import {
  type ClusterState,
  getObject,
  type KubeObject,
  kindInfo,
  type ManifestDocument,
  parseManifests,
} from "@kubejam/engine";
import type { FilePosition, WorkspaceFile } from "./protocol";

export interface SourceIndex {
  /** By `Kind/namespace/name`, the document that declares the object. */
  byKey: Map<string, { file: string; doc: ManifestDocument }>;
}

function docKey(doc: ManifestDocument): string | undefined {
  const kind = doc.value.kind;
  const meta = doc.value.metadata;
  if (typeof kind !== "string" || typeof meta !== "object" || meta === null) return undefined;
  const m = meta as { name?: unknown; namespace?: unknown };
  if (typeof m.name !== "string") return undefined;
  const namespaced = kindInfo(kind)?.namespaced ?? true;
  const ns = namespaced ? (typeof m.namespace === "string" ? m.namespace : "default") : "";
  return `${kind}/${ns}/${m.name}`;
}

export function indexSources(files: readonly WorkspaceFile[]): SourceIndex {
  const byKey = new Map<string, { file: string; doc: ManifestDocument }>();
  for (const f of files) {
    const parsed = parseManifests(f.name, f.text);
    if (!parsed.ok) continue;
    for (const doc of parsed.documents) {
      const key = docKey(doc);
      if (key && !byKey.has(key)) byKey.set(key, { file: f.name, doc });
    }
  }
  return { byKey };
}

function owner(obj: KubeObject): { kind: string; name: string } | undefined {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller) ?? obj.metadata.ownerReferences?.[0];
  return ref ? { kind: ref.kind, name: ref.name } : undefined;
}

/**
 * The position of `fieldPath` of object `id` (`Kind/ns/name`). An object a controller made (a pod of a
 * ReplicaSet of a Deployment) is found through its owners, in the template: `spec.template.` + path.
 */
export function locateField(
  index: SourceIndex,
  state: ClusterState,
  id: string,
  fieldPath: string | undefined,
): FilePosition | undefined {
  let key = id;
  let path = fieldPath ?? "metadata.name";
  for (let hops = 0; hops < 4; hops++) {
    const source = index.byKey.get(key);
    if (source) {
      const pos = source.doc.locate(path);
      return pos ? { file: source.file, line: pos.line, column: pos.column } : undefined;
    }
    const [kind = "", ns = "", name = ""] = key.split("/");
    const obj = getObject(state, kind, ns === "" ? undefined : ns, name);
    const parent = obj ? owner(obj) : undefined;
    if (!parent) return undefined;
    const parentNamespaced = kindInfo(parent.kind)?.namespaced ?? true;
    key = `${parent.kind}/${parentNamespaced ? ns : ""}/${parent.name}`;
    // A pod's fields live under its owner's pod template; a ReplicaSet's template is its owner's template.
    if (kind === "Pod") path = fieldPath ? `spec.template.${fieldPath}` : "metadata.name";
  }
  return undefined;
}
