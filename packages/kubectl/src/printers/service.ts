// `kubectl get services` (pkg/printers/internalversion/printers.go: serviceColumnDefinitions,
// printService, getServiceExternalIP, loadBalancerStatusStringer, makePortString).
import type { Service, StoredServicePort } from "@kubejam/engine";
import { translateTimestampSince } from "./age";
import { compareStrings, formatLabels } from "./labels";
import type { Column } from "./table";

export const serviceColumns: readonly Column[] = [
  { name: "Name", priority: 0, isName: true },
  { name: "Type", priority: 0 },
  { name: "Cluster-IP", priority: 0 },
  { name: "External-IP", priority: 0 },
  { name: "Port(s)", priority: 0 },
  { name: "Age", priority: 0 },
  { name: "Selector", priority: 1 },
];

// printers.go: loadBalancerWidth
const LOAD_BALANCER_WIDTH = 16;

export function serviceRow(svc: Service, now: number, wide = false): string[] {
  const ports = makePortString(svc.spec.ports ?? []);
  return [
    svc.metadata.name,
    svc.spec.type,
    svc.spec.clusterIPs?.[0] ?? "<none>",
    serviceExternalIp(svc, wide),
    ports === "" ? "<none>" : ports,
    translateTimestampSince(svc.metadata.creationTimestamp, now),
    formatLabels(svc.spec.selector),
  ];
}

function loadBalancerStatus(svc: Service, wide: boolean): string {
  const ips = [
    ...new Set((svc.status.loadBalancer.ingress ?? []).map((i) => i.ip).filter((ip) => ip !== "")),
  ].sort(compareStrings);
  const r = ips.join(",");
  return !wide && r.length > LOAD_BALANCER_WIDTH ? `${r.slice(0, LOAD_BALANCER_WIDTH - 3)}...` : r;
}

export function serviceExternalIp(svc: Service, wide: boolean): string {
  const external = svc.spec.externalIPs ?? [];
  switch (svc.spec.type) {
    case "ClusterIP":
    case "NodePort":
      return external.length > 0 ? external.join(",") : "<none>";
    case "LoadBalancer": {
      const lb = loadBalancerStatus(svc, wide);
      if (external.length > 0) return [...(lb ? lb.split(",") : []), ...external].join(",");
      return lb === "" ? "<pending>" : lb;
    }
    case "ExternalName":
      return svc.spec.externalName ?? "";
  }
}

export function makePortString(ports: readonly StoredServicePort[]): string {
  return ports
    .map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`))
    .join(",");
}
