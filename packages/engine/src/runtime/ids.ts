import type { PrngState } from "./prng";

// apimachinery/pkg/util/rand: generated name suffixes use this alphabet (no vowels, no confusables).
export const SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/** A mutable cursor over the PRNG used while one operation runs; its final state goes back into the cluster state. */
export class Ids {
  // sfc32's four words, advanced in place (the same sequence as prng.ts's nextUint32).
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(state: PrngState) {
    [this.a, this.b, this.c, this.d] = state;
  }

  get prng(): PrngState {
    return [this.a, this.b, this.c, this.d];
  }

  uint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = (this.b ^ (this.b >>> 9)) >>> 0;
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((((this.c << 21) | (this.c >>> 11)) >>> 0) + t) >>> 0;
    return t;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return this.uint32() % n;
  }

  /** A name suffix like kube's generateName: `rand.String(5)` over SUFFIX_ALPHABET. */
  suffix(length = 5): string {
    let out = "";
    for (let i = 0; i < length; i++) out += SUFFIX_ALPHABET[this.below(SUFFIX_ALPHABET.length)];
    return out;
  }

  hex(length: number): string {
    let out = "";
    while (out.length < length) out += hex8(this.uint32());
    return out.length === length ? out : out.slice(0, length);
  }

  /** An RFC 4122 version-4 UUID drawn from the seeded PRNG (the version and variant bits set). */
  uuid(): string {
    const a = this.uint32();
    const b = ((this.uint32() & 0xffff0fff) | 0x4000) >>> 0;
    const c0 = this.uint32();
    const c = ((c0 & 0x0fffffff) | ((8 + ((c0 >>> 28) & 3)) << 28)) >>> 0;
    const d = this.uint32();
    // One template, sixteen table lookups: every object and event takes a uid, so no partial strings.
    return `${byte(a, 24)}${byte(a, 16)}${byte(a, 8)}${byte(a, 0)}-${byte(b, 24)}${byte(b, 16)}-${byte(b, 8)}${byte(b, 0)}-${byte(c, 24)}${byte(c, 16)}-${byte(c, 8)}${byte(c, 0)}${byte(d, 24)}${byte(d, 16)}${byte(d, 8)}${byte(d, 0)}`;
  }
}

const BYTE_HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

function byte(v: number, shift: number): string {
  return BYTE_HEX[(v >>> shift) & 255] as string;
}

function hex8(v: number): string {
  return (
    (BYTE_HEX[v >>> 24] as string) +
    (BYTE_HEX[(v >>> 16) & 255] as string) +
    (BYTE_HEX[(v >>> 8) & 255] as string) +
    (BYTE_HEX[v & 255] as string)
  );
}

// apimachinery/pkg/util/rand SafeEncodeString: maps each byte onto the suffix alphabet.
export function safeEncodeString(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) out += SUFFIX_ALPHABET[s.charCodeAt(i) % SUFFIX_ALPHABET.length];
  return out;
}

/** FNV-1a 32-bit over a string's UTF-16 code units folded to bytes (ASCII input in practice). */
export function fnv32a(s: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    hash ^= s.charCodeAt(i) & 0xff;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
