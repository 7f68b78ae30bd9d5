import { sha256 } from "@noble/hashes/sha2.js";

// kube-proxy's iptables chain names (pkg/proxy/iptables/proxier.go: portProtoHash, servicePortChainName,
// servicePortEndpointChainName): the first 16 characters of base32(sha256(name + protocol)).
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function base32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

const HASHES = new Map<string, string>();
const ENCODER = new TextEncoder();

function portProtoHash(servicePortName: string, protocol: string): string {
  // A pure function asked for the same few chains on every connection: remember the answers.
  const input = servicePortName + protocol;
  let hash = HASHES.get(input);
  if (hash === undefined) {
    hash = base32(sha256(ENCODER.encode(input))).slice(0, 16);
    if (HASHES.size > 10_000) HASHES.clear();
    HASHES.set(input, hash);
  }
  return hash;
}

/** `KUBE-SVC-…` for `namespace/name:port-name` and a lower-case protocol. */
export function serviceChain(namespace: string, name: string, portName: string, protocol: string): string {
  return `KUBE-SVC-${portProtoHash(`${namespace}/${name}:${portName}`, protocol.toLowerCase())}`;
}

/** `KUBE-SEP-…` for one endpoint (`ip:port`) of a service port. */
export function endpointChain(
  namespace: string,
  name: string,
  portName: string,
  protocol: string,
  endpoint: string,
): string {
  return `KUBE-SEP-${portProtoHash(`${namespace}/${name}:${portName}`, protocol.toLowerCase() + endpoint)}`;
}
