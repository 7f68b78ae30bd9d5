import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";

/** SHA-256 of a text's UTF-8 bytes, as 64 lowercase hex digits (Go's fmt.Sprintf("%x", sha256.Sum256(b))). */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(new TextEncoder().encode(text)));
}
