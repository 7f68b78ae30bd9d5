// `--append-hash` (kubectl pkg/util/hash: ConfigMapHash, SecretHash): the name gets `-` and ten
// characters of the SHA-256 of the object's kind, name, type and data, as Go's json.Marshal writes them.
import { canonicalJson, sha256Hex } from "@kubejam/engine";

export function configMapHash(
  name: string,
  data: Record<string, string>,
  binaryData: Record<string, string>,
): string {
  return encodeHash(
    goJson({ kind: "ConfigMap", name, data, ...(Object.keys(binaryData).length > 0 ? { binaryData } : {}) }),
  );
}

/** `data` holds the values base64-encoded, as Go marshals []byte. */
export function secretHash(name: string, type: string, data: Record<string, string>): string {
  return encodeHash(goJson({ kind: "Secret", type, name, data }));
}

/** json.Marshal of a map: keys sorted, and <, >, & and the line and paragraph separators escaped. */
function goJson(value: unknown): string {
  return canonicalJson(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** encodeHash: the first ten hex digits, with 0 1 3 a e swapped for letters that spell no words. */
function encodeHash(text: string): string {
  const swap: Record<string, string> = { "0": "g", "1": "h", "3": "k", a: "m", e: "t" };
  return [...sha256Hex(text).slice(0, 10)].map((c) => swap[c] ?? c).join("");
}
