import type { ObjectMeta } from "../api/meta";
import type { Service, ServiceSpec } from "../api/service";
import { defaultServiceSpec, type ServiceSpecInput } from "../defaults/service";
import { cidrContains, cidrSize, formatIp, parseCidr, parseIp } from "../network/cidr";
import type { Tx } from "../store/tx";
import { type FieldError, invalid } from "../validation/field-error";
import { validateMeta } from "../validation/meta";
import { dns1035LabelErrors } from "../validation/names";
import { validateServiceSpec } from "../validation/service";

// The Service REST strategy (pkg/registry/core/service/storage/storage.go and its allocators):
// default, validate, then allocate a ClusterIP and node ports, refusing taken or out-of-range ones.
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

type Draft = Record<string, unknown> & { metadata: ObjectMeta & { name: string }; spec?: unknown };

export type AdmittedService = { ok: true; object: Service } | { ok: false; errors: FieldError[] };

export function admitService(tx: Tx, draft: Draft, missing: FieldError[], live?: Service): AdmittedService {
  const spec = defaultServiceSpec((draft.spec ?? {}) as ServiceSpecInput);
  const errors = [
    ...missing,
    ...validateMeta(draft.metadata, dns1035LabelErrors, true),
    ...validateServiceSpec(spec),
  ];
  if (live) errors.push(...validateServiceUpdate(live.spec, spec));
  if (errors.length > 0) return { ok: false, errors };
  const allocated = allocate(tx, spec, live);
  if (!allocated.ok) return allocated;
  return {
    ok: true,
    object: {
      ...(draft as unknown as Service),
      spec: allocated.spec,
      status: live?.status ?? { loadBalancer: {} },
    },
  };
}

// ValidateServiceUpdate: a ClusterIP, once set, stays (every type but ExternalName).
function validateServiceUpdate(old: ServiceSpec, next: ServiceSpec): FieldError[] {
  if (old.type === "ExternalName" || next.type === "ExternalName" || !old.clusterIP) return [];
  if (next.clusterIP !== undefined && next.clusterIP !== old.clusterIP)
    return [invalid("spec.clusterIP", next.clusterIP, "field is immutable")];
  return [];
}

function allocate(
  tx: Tx,
  spec: ServiceSpec,
  live: Service | undefined,
): { ok: true; spec: ServiceSpec } | { ok: false; errors: FieldError[] } {
  const others = tx.list<Service>("Service").filter((s) => s.metadata.uid !== live?.metadata.uid);
  let next = { ...spec };
  if (spec.type === "ExternalName") {
    const { clusterIP: _ip, clusterIPs: _ips, ...rest } = next;
    return { ok: true, spec: rest };
  }
  // The ClusterIP: kept from the live object, the one asked for, or a free one from the service range.
  const wanted = spec.clusterIP ?? live?.spec.clusterIP;
  if (wanted === "None") next = { ...next, clusterIP: "None", clusterIPs: ["None"] };
  else {
    const range = parseCidr(tx.topology.serviceRange);
    if (!range) return { ok: false, errors: [invalid("spec.clusterIPs", [], "no service range")] };
    const used = new Set(others.flatMap((s) => s.spec.clusterIPs ?? []));
    let ip = wanted;
    if (ip === undefined || ip === "") {
      ip = pickFree(tx, range.base, cidrSize(range), used);
      if (ip === undefined)
        return {
          ok: false,
          errors: [invalid("spec.clusterIPs", [], "failed to allocate IP: range is full")],
        };
    } else if (ip !== live?.spec.clusterIP) {
      const value = parseIp(ip);
      const goList = `[]string{${JSON.stringify(ip)}}`;
      if (
        value === undefined ||
        !cidrContains(range, value) ||
        value === range.base ||
        value === range.base + cidrSize(range) - 1
      )
        return {
          ok: false,
          errors: [
            {
              path: "spec.clusterIPs",
              message: `spec.clusterIPs: Invalid value: ${goList}: failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${tx.topology.serviceRange}`,
            },
          ],
        };
      if (used.has(ip))
        return {
          ok: false,
          errors: [
            {
              path: "spec.clusterIPs",
              message: `spec.clusterIPs: Invalid value: ${goList}: failed to allocate IP ${ip}: provided IP is already allocated`,
            },
          ],
        };
    }
    next = { ...next, clusterIP: ip, clusterIPs: [ip] };
  }
  // Node ports for NodePort and LoadBalancer Services (pkg/registry/core/service/portallocator).
  const needsNodePorts =
    spec.type === "NodePort" ||
    (spec.type === "LoadBalancer" && spec.allocateLoadBalancerNodePorts !== false);
  if (!needsNodePorts) {
    return { ok: true, spec: { ...next, ports: next.ports?.map(({ nodePort: _n, ...p }) => p) } };
  }
  const taken = new Set(
    others.flatMap((s) => [...(s.spec.ports ?? []).map((p) => p.nodePort), s.spec.healthCheckNodePort]),
  );
  const errors: FieldError[] = [];
  const ports = (next.ports ?? []).map((p, i) => {
    const kept = live?.spec.ports?.find((lp) => lp.port === p.port && lp.protocol === p.protocol)?.nodePort;
    const asked = p.nodePort;
    if (asked === undefined || asked === kept) {
      const port = kept ?? pickNodePort(tx, taken);
      if (port !== undefined) taken.add(port);
      return port === undefined ? p : { ...p, nodePort: port };
    }
    const path = `spec.ports[${i}].nodePort`;
    if (asked < NODE_PORT_MIN || asked > NODE_PORT_MAX)
      errors.push(
        invalid(
          path,
          asked,
          `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`,
        ),
      );
    else if (taken.has(asked)) errors.push(invalid(path, asked, "provided port is already allocated"));
    taken.add(asked);
    return p;
  });
  if (errors.length > 0) return { ok: false, errors };
  next = { ...next, ports };
  if (spec.type === "LoadBalancer" && spec.externalTrafficPolicy === "Local" && !spec.healthCheckNodePort) {
    const port = live?.spec.healthCheckNodePort ?? pickNodePort(tx, taken);
    if (port !== undefined) next = { ...next, healthCheckNodePort: port };
  }
  return { ok: true, spec: next };
}

/**
 * [engine choice] A ClusterIP as the real allocator picks one: at random (seeded here) from the upper
 * band of the range, the lower band being kept for addresses asked for by name
 * (pkg/registry/core/service/ipallocator: calculateRangeOffset), probing upward past taken ones.
 */
function pickFree(tx: Tx, base: number, size: number, used: Set<string>): string | undefined {
  const first = 1;
  const last = size - 2;
  const offset = Math.min(Math.max(16, Math.floor(size / 16)), 256);
  const bands: [number, number][] =
    offset < last
      ? [
          [offset, last],
          [first, offset - 1],
        ]
      : [[first, last]];
  for (const [lo, hi] of bands) {
    const span = hi - lo + 1;
    const start = tx.ids.below(span);
    for (let i = 0; i < span; i++) {
      const ip = formatIp(base + lo + ((start + i) % span));
      if (!used.has(ip)) return ip;
    }
  }
  return undefined;
}

/** The same for node ports: 30000-32767 with its lower 86 ports kept for static use. */
function pickNodePort(tx: Tx, taken: Set<number | undefined>): number | undefined {
  const size = NODE_PORT_MAX - NODE_PORT_MIN + 1;
  const offset = Math.min(Math.max(16, Math.floor(size / 32)), 128);
  const bands: [number, number][] = [
    [NODE_PORT_MIN + offset, NODE_PORT_MAX],
    [NODE_PORT_MIN, NODE_PORT_MIN + offset - 1],
  ];
  for (const [lo, hi] of bands) {
    const span = hi - lo + 1;
    const start = tx.ids.below(span);
    for (let i = 0; i < span; i++) {
      const port = lo + ((start + i) % span);
      if (!taken.has(port)) return port;
    }
  }
  return undefined;
}
