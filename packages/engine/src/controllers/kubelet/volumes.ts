import type { Pod } from "../../api/pod";

/** A projected service account token: a JWT whose bytes carry no meaning in the simulation but whose shape does. */
export function serviceAccountToken(pod: Pod): string {
  const sub = `system:serviceaccount:${pod.metadata.namespace}:${pod.spec.serviceAccountName ?? "default"}`;
  // One token per service account: every pod of a namespace mounts the same one.
  let token = TOKENS.get(sub);
  if (token === undefined) {
    const header = "eyJhbGciOiJSUzI1NiIsImtpZCI6Imt1YmVqYW0ifQ";
    token = `${header}.${btoaAscii(JSON.stringify({ sub }))}.c2ltdWxhdGVk`;
    if (TOKENS.size > 1000) TOKENS.clear();
    TOKENS.set(sub, token);
  }
  return token;
}

const TOKENS = new Map<string, string>();

function btoaAscii(s: string): string {
  const chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  let out = "";
  for (let i = 0; i < s.length; i += 3) {
    const n =
      ((s.charCodeAt(i) & 0xff) << 16) | ((s.charCodeAt(i + 1) & 0xff) << 8) | (s.charCodeAt(i + 2) & 0xff);
    const count = Math.min(3, s.length - i);
    for (let j = 0; j <= count; j++) out += chars[(n >> (18 - 6 * j)) & 63];
  }
  return out;
}
