import { Address4 } from "ip-address";

// IPv4 ranges as integers. Parsing and validation go through ip-address; the arithmetic the
// allocators need (aligned slices, offsets) is plain uint32 math on its results.
export interface Cidr {
  base: number;
  prefix: number;
}

const PARSED = new Map<string, Cidr | undefined>();

export function parseCidr(text: string): Cidr | undefined {
  // A handful of ranges are parsed again and again (every pod start reads its node's podCIDR).
  if (PARSED.has(text)) return PARSED.get(text);
  const cidr = parseCidrText(text);
  if (PARSED.size > 1000) PARSED.clear();
  PARSED.set(text, cidr);
  return cidr;
}

function parseCidrText(text: string): Cidr | undefined {
  if (!/^\d+\.\d+\.\d+\.\d+\/\d+$/.test(text) || !Address4.isValid(text)) return undefined;
  const address = new Address4(text);
  const start = Number(address.startAddress().bigInt());
  return Object.freeze({ base: start, prefix: address.subnetMask });
}

export function parseIp(text: string): number | undefined {
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(text) || !Address4.isValid(text)) return undefined;
  return Number(new Address4(text).bigInt());
}

export function formatIp(value: number): string {
  const v = value >>> 0;
  return `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
}

export function formatCidr(cidr: Cidr): string {
  return `${formatIp(cidr.base)}/${cidr.prefix}`;
}

export function cidrSize(cidr: Cidr): number {
  return 2 ** (32 - cidr.prefix);
}

export function cidrContains(cidr: Cidr, ip: number): boolean {
  return ip >= cidr.base && ip < cidr.base + cidrSize(cidr);
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  return a.base < b.base + cidrSize(b) && b.base < a.base + cidrSize(a);
}

/** The i-th aligned block of `prefix` bits inside `range`, or undefined when the range is exhausted. */
export function nthSubnet(range: Cidr, prefix: number, i: number): Cidr | undefined {
  const size = 2 ** (32 - prefix);
  if (prefix < range.prefix || (i + 1) * size > cidrSize(range)) return undefined;
  return { base: range.base + i * size, prefix };
}
