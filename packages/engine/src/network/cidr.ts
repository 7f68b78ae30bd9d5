import { Address4 } from "ip-address";

// IPv4 ranges as integers. Parsing and validation go through ip-address; the arithmetic the
// allocators need (aligned slices, offsets) is plain uint32 math on its results.
export interface Cidr {
  base: number;
  prefix: number;
}

export function parseCidr(text: string): Cidr | undefined {
  if (!/^\d+\.\d+\.\d+\.\d+\/\d+$/.test(text) || !Address4.isValid(text)) return undefined;
  const address = new Address4(text);
  const start = Number(address.startAddress().bigInt());
  return { base: start, prefix: address.subnetMask };
}

export function parseIp(text: string): number | undefined {
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(text) || !Address4.isValid(text)) return undefined;
  return Number(new Address4(text).bigInt());
}

export function formatIp(value: number): string {
  return Address4.fromBigInt(BigInt(value >>> 0)).address;
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
