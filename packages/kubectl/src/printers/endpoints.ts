// `kubectl get endpoints` and `kubectl get endpointslices` (pkg/printers/internalversion/printers.go:
// endpointColumnDefinitions, printEndpoints, formatEndpoints; endpointSliceColumnDefinitions,
// printEndpointSlice, formatDiscoveryPorts, formatDiscoveryEndpoints, listWithMoreString).
import type { EndpointSlice, Endpoints } from "@kubejam/engine";
import { translateTimestampSince } from "./age";
import type { Column } from "./table";

const MAXIMUM = 3;

export const endpointsColumns: readonly Column[] = [
  { name: "Name", priority: 0, isName: true },
  { name: "Endpoints", priority: 0 },
  { name: "Age", priority: 0 },
];

export function endpointsRow(ep: Endpoints, now: number): string[] {
  return [ep.metadata.name, formatEndpoints(ep), translateTimestampSince(ep.metadata.creationTimestamp, now)];
}

/** First three `ip:port` of the ready addresses, then ` + N more...`; `<none>` with no subsets. */
export function formatEndpoints(ep: Endpoints, ports?: ReadonlySet<string>): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return "<none>";
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    if ((ss.ports ?? []).length === 0) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAXIMUM) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ss.ports ?? []) {
      if (ports !== undefined && !ports.has(port.name ?? "")) continue;
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === MAXIMUM) {
          more = true;
          break;
        }
        list.push(`${a.ip}:${port.port}`);
      }
    }
  }
  const ret = list.join(",");
  return more ? `${ret} + ${count - MAXIMUM} more...` : ret;
}

export const endpointSliceColumns: readonly Column[] = [
  { name: "Name", priority: 0, isName: true },
  { name: "AddressType", priority: 0 },
  { name: "Ports", priority: 0 },
  { name: "Endpoints", priority: 0 },
  { name: "Age", priority: 0 },
];

export function endpointSliceRow(slice: EndpointSlice, now: number): string[] {
  return [
    slice.metadata.name,
    slice.addressType,
    formatDiscoveryPorts(slice),
    formatDiscoveryEndpoints(slice),
    translateTimestampSince(slice.metadata.creationTimestamp, now),
  ];
}

function listWithMoreString(list: string[], more: boolean, count: number): string {
  const ret = list.join(",");
  if (more) return `${ret} + ${count - MAXIMUM} more...`;
  return ret === "" ? "<unset>" : ret;
}

function formatDiscoveryPorts(slice: EndpointSlice): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const p of slice.ports ?? []) {
    if (list.length < MAXIMUM) list.push(p.port !== undefined ? String(p.port) : (p.name ?? "*"));
    else if (list.length === MAXIMUM) more = true;
    count++;
  }
  return listWithMoreString(list, more, count);
}

function formatDiscoveryEndpoints(slice: EndpointSlice): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const e of slice.endpoints ?? []) {
    for (const address of e.addresses) {
      if (list.length < MAXIMUM) list.push(address);
      else if (list.length === MAXIMUM) more = true;
      count++;
    }
  }
  return listWithMoreString(list, more, count);
}
