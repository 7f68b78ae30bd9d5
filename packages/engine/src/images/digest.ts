/** Deterministic fake content digests (FNV-1a based), stable across runs. */
function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** 64 lowercase hex digits derived from `text`. */
export function fakeSha256(text: string): string {
  let out = "";
  for (let i = 0; i < 8; i++)
    out += fnv1a(text, Math.imul(i + 1, 0x9e3779b1))
      .toString(16)
      .padStart(8, "0");
  return out;
}

/** A small deterministic number in [0, modulo) derived from `text`. */
export function stableHash(text: string, modulo: number): number {
  return fnv1a(text, 7) % modulo;
}
