import { nextUint32, type PrngState } from "./prng";

// apimachinery/pkg/util/rand: generated name suffixes use this alphabet (no vowels, no confusables).
export const SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

/** A mutable cursor over the PRNG used while one operation runs; its final state goes back into the cluster state. */
export class Ids {
  constructor(private state: PrngState) {}

  get prng(): PrngState {
    return this.state;
  }

  uint32(): number {
    const [value, next] = nextUint32(this.state);
    this.state = next;
    return value;
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
    while (out.length < length) out += this.uint32().toString(16).padStart(8, "0");
    return out.slice(0, length);
  }

  /** An RFC 4122 version-4 UUID drawn from the seeded PRNG. */
  uuid(): string {
    const h = this.hex(32).split("");
    h[12] = "4";
    h[16] = "89ab"[Number.parseInt(h[16] ?? "0", 16) & 3] ?? "8";
    const s = h.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
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
