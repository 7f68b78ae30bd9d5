// The multi-line "Title:  first\n        second" fields of describe.go: printLabelsMultiline,
// printAnnotationsMultiline, printPodTolerationsMultiline, printNodeTaintsMultiline.
import { compareStrings } from "../printers/labels";
import { LEVEL_0, type PrefixWriter } from "./prefix-writer";

// describe.go: skipAnnotations = sets.New[string](corev1.LastAppliedConfigAnnotation)
const SKIP_ANNOTATIONS = new Set(["kubectl.kubernetes.io/last-applied-configuration"]);
// describe.go: maxAnnotationLen
const MAX_ANNOTATION_LEN = 140;

const byteLength = (s: string): number => new TextEncoder().encode(s).length;

/** describe.go: printLabelsMultilineWithIndent with initialIndent "" and innerIndent "\t". */
export function printLabelsMultiline(
  w: PrefixWriter,
  title: string,
  labels: Record<string, string> | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort(compareStrings);
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, "\t");
    w.write(LEVEL_0, `${key}=${labels?.[key] ?? ""}\n`);
  });
}

// describe.go: shorten
function shorten(s: string, maxLength: number): string {
  return byteLength(s) > maxLength ? `${s.slice(0, maxLength)}...` : s;
}

/** describe.go: printAnnotationsMultiline (long or multi-line values go on their own indented lines). */
export function printAnnotationsMultiline(
  w: PrefixWriter,
  title: string,
  annotations: Record<string, string> | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIP_ANNOTATIONS.has(k))
    .sort(compareStrings);
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  const indent = "\t";
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const raw = annotations?.[key] ?? "";
    const value = raw.endsWith("\n") ? raw.slice(0, -1) : raw;
    if (byteLength(value) + byteLength(key) + 2 > MAX_ANNOTATION_LEN || value.includes("\n")) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split("\n"))
        w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

export interface TolerationLike {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

function asToleration(value: unknown): TolerationLike {
  if (typeof value !== "object" || value === null) return {};
  const t = value as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  return {
    key: str(t.key),
    operator: str(t.operator),
    value: str(t.value),
    effect: str(t.effect),
    tolerationSeconds: typeof t.tolerationSeconds === "number" ? t.tolerationSeconds : undefined,
  };
}

/** describe.go: printTolerationsMultilineWithIndent (sorted by key). */
export function printTolerationsMultiline(
  w: PrefixWriter,
  title: string,
  tolerations: readonly unknown[] | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  const list = (tolerations ?? []).map(asToleration);
  if (list.length === 0) {
    w.writeLine("<none>");
    return;
  }
  list.sort((a, b) => compareStrings(a.key ?? "", b.key ?? ""));
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, "\t");
    let text = t.key ?? "";
    if ((t.value ?? "") !== "") text += `=${t.value}`;
    if ((t.effect ?? "") !== "") text += `:${t.effect}`;
    // operator Exists without a value tolerates everything with that key/effect
    if (t.operator === "Exists" && (t.value ?? "") === "") {
      text += (t.key ?? "") !== "" || (t.effect ?? "") !== "" ? " op=Exists" : "op=Exists";
    }
    if (t.tolerationSeconds !== undefined) text += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${text}\n`);
  });
}

/** describe.go: printTaintsMultilineWithIndent (sorted by effect then key; Taint.ToString). */
export function printTaintsMultiline(
  w: PrefixWriter,
  title: string,
  taints: readonly unknown[] | undefined,
): void {
  w.write(LEVEL_0, `${title}:\t`);
  const list = (taints ?? []).map(asToleration);
  if (list.length === 0) {
    w.writeLine("<none>");
    return;
  }
  const sortKey = (t: TolerationLike) => `${t.effect ?? ""},${t.key ?? ""}`;
  list.sort((a, b) => compareStrings(sortKey(a), sortKey(b)));
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, "\t");
    const text =
      (t.value ?? "") === ""
        ? `${t.key ?? ""}:${t.effect ?? ""}`
        : `${t.key ?? ""}=${t.value}:${t.effect ?? ""}`;
    w.write(LEVEL_0, `${text}\n`);
  });
}
