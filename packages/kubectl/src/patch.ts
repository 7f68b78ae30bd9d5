// The three patch kinds `kubectl patch --type` sends.
type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** RFC 7386 JSON merge patch. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const out: Record<string, Json> = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

// Strategic merge: lists of objects merge by their patchMergeKey (k8s.io/api types' `patchMergeKey` tags).
const MERGE_KEYS: Record<string, string> = {
  containers: "name",
  initContainers: "name",
  volumes: "name",
  env: "name",
  volumeMounts: "mountPath",
  ports: "containerPort",
  imagePullSecrets: "name",
  tolerations: "key",
  conditions: "type",
};

/** A strategic merge patch, for the fields kubectl users patch (sigs.k8s.io/structured-merge-diff semantics simplified). */
export function strategicMergePatch(target: Json, patch: Json, key?: string): Json {
  if (Array.isArray(patch) && key && MERGE_KEYS[key] && Array.isArray(target)) {
    const mergeKey = MERGE_KEYS[key];
    const out = [...target];
    for (const item of patch) {
      if (!isObject(item) || mergeKey === undefined) {
        out.push(item);
        continue;
      }
      if (item.$patch === "delete") {
        const i = out.findIndex((t) => isObject(t) && t[mergeKey] === item[mergeKey]);
        if (i !== -1) out.splice(i, 1);
        continue;
      }
      const i = out.findIndex((t) => isObject(t) && t[mergeKey] === item[mergeKey]);
      if (i === -1) out.push(item);
      else out[i] = strategicMergePatch(out[i], item);
    }
    return out;
  }
  if (!isObject(patch)) return patch;
  const out: Record<string, Json> = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = strategicMergePatch(out[k], v, k);
  }
  return out;
}

/** RFC 6902 JSON patch; returns an error string kubectl would print for a bad operation. */
export function jsonPatch(
  target: Json,
  ops: Json,
): { ok: true; value: Json } | { ok: false; message: string } {
  if (!Array.isArray(ops))
    return { ok: false, message: "json: cannot unmarshal object into Go value of type jsonpatch.Patch" };
  let doc = structuredClone(target);
  for (const op of ops) {
    if (!isObject(op) || typeof op.op !== "string" || typeof op.path !== "string")
      return { ok: false, message: "Unexpected kind: <nil>" };
    const path = parsePointer(op.path);
    try {
      if (op.op === "add") doc = setAt(doc, path, op.value, "add");
      else if (op.op === "replace") doc = setAt(doc, path, op.value, "replace");
      else if (op.op === "remove") doc = setAt(doc, path, undefined, "remove");
      else if (op.op === "test") {
        if (JSON.stringify(getAt(doc, path)) !== JSON.stringify(op.value))
          return { ok: false, message: `testing value ${op.path} failed: test failed` };
      } else if (op.op === "copy" || op.op === "move") {
        const from = parsePointer(String(op.from ?? ""));
        const value = getAt(doc, from);
        if (value === undefined)
          return {
            ok: false,
            message: `error in copy for path: '${op.path}': Unable to get nodes for path ${op.from}`,
          };
        if (op.op === "move") doc = setAt(doc, from, undefined, "remove");
        doc = setAt(doc, path, structuredClone(value), "add");
      } else return { ok: false, message: `Unexpected kind: ${op.op}` };
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
  }
  return { ok: true, value: doc };
}

function parsePointer(p: string): string[] {
  if (p === "") return [];
  return p
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function getAt(doc: Json, path: string[]): Json {
  let cur = doc;
  for (const seg of path) {
    if (Array.isArray(cur)) cur = cur[Number(seg)];
    else if (isObject(cur)) cur = cur[seg];
    else return undefined;
  }
  return cur;
}

function setAt(doc: Json, path: string[], value: Json, mode: "add" | "replace" | "remove"): Json {
  if (path.length === 0) return value;
  const [head = "", ...tail] = path;
  if (Array.isArray(doc)) {
    const out = [...doc];
    const i = head === "-" ? out.length : Number(head);
    if (Number.isNaN(i) || i < 0 || i > out.length)
      throw new Error(
        `add operation does not apply: doc is missing path: "/${path.join("/")}": missing value`,
      );
    if (tail.length > 0) out[i] = setAt(out[i], tail, value, mode);
    else if (mode === "add") out.splice(i, 0, value);
    else if (mode === "remove") out.splice(i, 1);
    else out[i] = value;
    return out;
  }
  if (!isObject(doc))
    throw new Error(`add operation does not apply: doc is missing path: "/${path.join("/")}": missing value`);
  const out = { ...doc };
  if (tail.length > 0) {
    if (!(head in out))
      throw new Error(
        `add operation does not apply: doc is missing path: "/${path.join("/")}": missing value`,
      );
    out[head] = setAt(out[head], tail, value, mode);
  } else if (mode === "remove") {
    if (!(head in out))
      throw new Error(`remove operation does not apply: doc is missing path: "/${head}": missing value`);
    delete out[head];
  } else {
    if (mode === "replace" && !(head in out))
      throw new Error(`replace operation does not apply: doc is missing key: /${head}: missing value`);
    out[head] = value;
  }
  return out;
}
