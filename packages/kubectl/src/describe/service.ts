// `kubectl describe service|endpoints|endpointslice` (staging/src/k8s.io/kubectl/pkg/describe/describe.go:
// describeService with formatEndpointSlices, describeEndpoints, describeEndpointSliceV1).
import type { EndpointSlice, Endpoints, Service } from "@kubejam/engine";
import { formatLabels } from "../printers/labels";
import { describeEvents, eventsFor } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline } from "./multiline";
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, PrefixWriter } from "./prefix-writer";
import type { DescribeRelated } from "./related";

function target(obj: { kind: string; metadata: { name: string; namespace?: string; uid: string } }) {
  return {
    kind: obj.kind,
    name: obj.metadata.name,
    namespace: obj.metadata.namespace ?? "",
    uid: obj.metadata.uid,
  };
}

export function describeService(svc: Service, related: DescribeRelated, now: number): string {
  const w = new PrefixWriter();
  const spec = svc.spec;
  w.write(LEVEL_0, `Name:\t${svc.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", svc.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", svc.metadata.annotations);
  w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(LEVEL_0, `Type:\t${spec.type}\n`);
  if (spec.ipFamilyPolicy !== undefined) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(LEVEL_0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(",") : "<none>"}\n`);
  w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ""}\n`);
  w.write(LEVEL_0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(",") : "<none>"}\n`);
  if (spec.externalIPs?.length) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(",")}\n`);
  if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
  const ingress = svc.status.loadBalancer.ingress ?? [];
  if (ingress.length > 0)
    w.write(
      LEVEL_0,
      `LoadBalancer Ingress:\t${ingress.map((i) => (i.ipMode ? `${i.ip} (${i.ipMode})` : i.ip)).join(", ")}\n`,
    );
  for (const sp of spec.ports ?? []) {
    const name = sp.name ? sp.name : "<unset>";
    w.write(LEVEL_0, `Port:\t${name}\t${sp.port}/${sp.protocol}\n`);
    w.write(LEVEL_0, `TargetPort:\t${sp.targetPort}/${sp.protocol}\n`);
    if (sp.appProtocol) w.write(LEVEL_0, `AppProtocol:\t${sp.appProtocol}\n`);
    if (sp.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${sp.protocol}\n`);
    w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(related.endpointSlices ?? [], sp.name ?? "")}\n`);
  }
  w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity}\n`);
  if (spec.externalTrafficPolicy)
    w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy)
    w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if (spec.loadBalancerSourceRanges?.length)
    w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(",")}\n`);
  describeEvents(eventsFor(related.events, target(svc)), w, now);
  return w.toString();
}

/** describe.go: formatEndpointSlices for one port name: ready `ip:port`s, three then ` + N more...`. */
function formatEndpointSlices(slices: readonly EndpointSlice[], portName: string): string {
  if (slices.length === 0) return "<none>";
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const slice of slices) {
    if ((slice.ports ?? []).length === 0) {
      for (const e of slice.endpoints ?? []) {
        if (list.length === max) more = true;
        if (e.conditions?.ready === false) continue;
        if (!more && e.addresses[0]) list.push(e.addresses[0]);
        count++;
      }
      continue;
    }
    for (const port of slice.ports ?? []) {
      if ((port.name ?? "") !== portName) continue;
      for (const e of slice.endpoints ?? []) {
        if (list.length === max) more = true;
        if (e.conditions?.ready === false) continue;
        if (!more && e.addresses[0]) list.push(`${e.addresses[0]}:${port.port ?? 0}`);
        count++;
      }
    }
  }
  const ret = list.join(",");
  return more ? `${ret} + ${count - max} more...` : ret;
}

export function describeEndpoints(ep: Endpoints, related: DescribeRelated, now: number): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${ep.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${ep.metadata.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", ep.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", ep.metadata.annotations);
  w.write(LEVEL_0, "Subsets:\n");
  for (const subset of ep.subsets ?? []) {
    const ready = (subset.addresses ?? []).map((a) => a.ip).join(",");
    w.write(LEVEL_1, `Addresses:\t${ready === "" ? "<none>" : ready}\n`);
    const notReady = (subset.notReadyAddresses ?? []).map((a) => a.ip).join(",");
    w.write(LEVEL_1, `NotReadyAddresses:\t${notReady === "" ? "<none>" : notReady}\n`);
    if ((subset.ports ?? []).length > 0) {
      w.write(LEVEL_1, "Ports:\n");
      w.write(LEVEL_2, "Name\tPort\tProtocol\n");
      w.write(LEVEL_2, "----\t----\t--------\n");
      for (const p of subset.ports ?? [])
        w.write(LEVEL_2, `${p.name ? p.name : "<unset>"}\t${p.port}\t${p.protocol ?? ""}\n`);
    }
    w.write(LEVEL_0, "\n");
  }
  describeEvents(eventsFor(related.events, target(ep)), w, now);
  return w.toString();
}

export function describeEndpointSlice(slice: EndpointSlice, related: DescribeRelated, now: number): string {
  const w = new PrefixWriter();
  w.write(LEVEL_0, `Name:\t${slice.metadata.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${slice.metadata.namespace ?? ""}\n`);
  printLabelsMultiline(w, "Labels", slice.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", slice.metadata.annotations);
  w.write(LEVEL_0, `AddressType:\t${slice.addressType}\n`);
  const ports = slice.ports ?? [];
  if (ports.length === 0) w.write(LEVEL_0, "Ports: <unset>\n");
  else {
    w.write(LEVEL_0, "Ports:\n");
    w.write(LEVEL_1, "Name\tPort\tProtocol\n");
    w.write(LEVEL_1, "----\t----\t--------\n");
    for (const p of ports)
      w.write(
        LEVEL_1,
        `${p.name ? p.name : "<unset>"}\t${p.port === undefined ? "<unset>" : p.port}\t${p.protocol ?? ""}\n`,
      );
  }
  const endpoints = slice.endpoints ?? [];
  if (endpoints.length === 0) w.write(LEVEL_0, "Endpoints: <none>\n");
  else {
    w.write(LEVEL_0, "Endpoints:\n");
    for (const e of endpoints) {
      const addresses = e.addresses.join(", ");
      w.write(LEVEL_1, `- Addresses:\t${addresses === "" ? "<none>" : addresses}\n`);
      w.write(LEVEL_2, "Conditions:\n");
      w.write(
        LEVEL_3,
        `Ready:\t${e.conditions?.ready === undefined ? "<unset>" : String(e.conditions.ready)}\n`,
      );
      w.write(LEVEL_2, `Hostname:\t${e.hostname ?? "<unset>"}\n`);
      if (e.targetRef) w.write(LEVEL_2, `TargetRef:\t${e.targetRef.kind ?? ""}/${e.targetRef.name ?? ""}\n`);
      w.write(LEVEL_2, `NodeName:\t${e.nodeName ?? "<unset>"}\n`);
      w.write(LEVEL_2, `Zone:\t${e.zone ?? "<unset>"}\n`);
    }
  }
  describeEvents(eventsFor(related.events, target(slice)), w, now);
  return w.toString();
}
