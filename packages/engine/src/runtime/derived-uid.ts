import { fnv32a } from "./ids";

/**
 * A version-4-shaped UUID derived from a string, for objects the cluster creates on its own (add-ons,
 * per-namespace ConfigMaps) so they leave the seeded sequence of every other uid and name unchanged.
 */
export function derivedUid(seed: string): string {
  const h = (s: string) => fnv32a(s).toString(16).padStart(8, "0");
  const x = h(`${seed}/0`) + h(`${seed}/1`) + h(`${seed}/2`) + h(`${seed}/3`);
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-4${x.slice(13, 16)}-${"89ab"[fnv32a(seed) % 4]}${x.slice(17, 20)}-${x.slice(20, 32)}`;
}
