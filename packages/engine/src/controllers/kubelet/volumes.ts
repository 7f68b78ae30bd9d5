import type { Pod, Volume } from "../../api/pod";
import { buildTree, type FsNode } from "../../fs/tree";

/** Volumes the kubelet fills before containers start: the service account token volume. */
export function seedVolume(pod: Pod, v: Volume): FsNode | undefined {
  if (!v.projected) return undefined;
  // A projected token is a JWT; its bytes carry no meaning in the simulation but its shape does.
  const header = "eyJhbGciOiJSUzI1NiIsImtpZCI6Imt1YmVqYW0ifQ";
  return buildTree({
    token: `${header}.${btoaAscii(JSON.stringify({ sub: `system:serviceaccount:${pod.metadata.namespace}:${pod.spec.serviceAccountName ?? "default"}` }))}.c2ltdWxhdGVk`,
    "ca.crt":
      "-----BEGIN CERTIFICATE-----\nMIIELTCCApWgAwIBAgIRAKubejamSimulatedClusterCA\n-----END CERTIFICATE-----\n",
    namespace: pod.metadata.namespace ?? "default",
  });
}

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
