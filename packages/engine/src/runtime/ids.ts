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

  /** `length` hex digits, eight per draw (a container id takes 64: written as char codes, made a string once). */
  hex(length: number): string {
    const codes = new Array<number>(Math.ceil(length / 8) * 8);
    for (let at = 0; at < codes.length; at += 8) putHex(codes, this.uint32(), at);
    if (codes.length !== length) codes.length = length;
    return String.fromCharCode.apply(null, codes);
  }

  /** An RFC 4122 version-4 UUID drawn from the seeded PRNG (the version and variant bits set). */
  uuid(): string {
    const a = this.uint32();
    const b = ((this.uint32() & 0xffff0fff) | 0x4000) >>> 0;
    const c0 = this.uint32();
    const c = ((c0 & 0x0fffffff) | ((8 + ((c0 >>> 28) & 3)) << 28)) >>> 0;
    const d = this.uint32();
    // Written as char codes into one buffer and made a string once: every object and event takes a
    // uid, and a template of sixteen table lookups built a chain of partial strings for each.
    putHex(UUID_CODES, a, 0);
    putHex(UUID_CODES, b >>> 16, 9, 4);
    putHex(UUID_CODES, b, 14, 4);
    putHex(UUID_CODES, c >>> 16, 19, 4);
    putHex(UUID_CODES, c, 24, 4);
    putHex(UUID_CODES, d, 28);
    return String.fromCharCode.apply(null, UUID_CODES);
  }
}

const HEX_CODES = Array.from("0123456789abcdef", (ch) => ch.charCodeAt(0));
/** The 36 char codes of the uuid being written; the dashes never move. */
const UUID_CODES: number[] = Array.from("00000000-0000-0000-0000-000000000000", (ch) => ch.charCodeAt(0));

/** Writes the low `digits` hex digits of `v` into `codes` at `at`. */
function putHex(codes: number[], v: number, at: number, digits = 8): void {
  for (let i = digits - 1; i >= 0; i--) {
    codes[at + i] = HEX_CODES[v & 15] as number;
    v >>>= 4;
  }
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
