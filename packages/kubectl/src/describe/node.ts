// `kubectl describe node` (staging/src/k8s.io/kubectl/pkg/describe/describe.go: describeNode,
// describeNodeResource, getPodsTotalRequestsAndLimits; kubectl 1.33, before node-local ResourceSlices).
import type { Node, Pod } from "@kubejam/engine";
import { translateTimestampSince } from "../printers/age";
import { compareStrings } from "../printers/labels";
import { findNodeRoles } from "../printers/node-roles";
import {
  addQuantity,
  formatQuantity,
  parseQuantity,
  type Quantity,
  quantityMilliValue,
  quantityValue,
  ZERO,
} from "../printers/quantity";
import { describeEvents, eventsFor } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline } from "./multiline";
import { LEVEL_0, LEVEL_1, PrefixWriter } from "./prefix-writer";
import type { DescribeRelated } from "./related";
import { formatTimestamp } from "./time-format";

export interface NodeLease {
  holderIdentity?: string;
  acquireTime?: string;
  renewTime?: string;
}

type ResourceList = Record<string, string | number>;

// staging/src/k8s.io/component-helpers/resource/helpers.go: PodRequests / PodLimits — the sum over
// containers (and sidecars), at least the largest regular init container, plus the pod overhead.
function podResources(pod: Pod, which: "requests" | "limits"): Map<string, Quantity> {
  const total = new Map<string, Quantity>();
  const add = (list: ResourceList | undefined, into: Map<string, Quantity>) => {
    for (const [name, v] of Object.entries(list ?? {})) {
      const q = parseQuantity(v);
      if (q === undefined) continue;
      const prev = into.get(name);
      into.set(name, prev === undefined ? q : addQuantity(prev, q));
    }
  };
  for (const c of pod.spec.containers) add(c.resources?.[which], total);
  const sidecars = new Map<string, Quantity>();
  for (const c of pod.spec.initContainers ?? []) {
    if (c.restartPolicy === "Always") {
      add(c.resources?.[which], total);
      add(c.resources?.[which], sidecars);
      continue;
    }
    // a regular init container runs alone (with the sidecars started before it)
    const alone = new Map(sidecars);
    add(c.resources?.[which], alone);
    for (const [name, q] of alone) {
      const cur = total.get(name);
      if (cur === undefined || q.nanos > cur.nanos) total.set(name, q);
    }
  }
  add(pod.spec.overhead, total);
  return total;
}

// describe.go: fraction = float64(req) / float64(allocatable) * 100, printed as int64 (truncated)
function percent(part: bigint, whole: bigint): number {
  if (whole === 0n) return 0;
  return Math.trunc((Number(part) / Number(whole)) * 100);
}

function resourceText(q: Quantity | undefined, allocatable: Quantity | undefined, milli: boolean): string {
  const v = q ?? ZERO;
  const a = allocatable ?? ZERO;
  const pct = milli
    ? percent(quantityMilliValue(v), quantityMilliValue(a))
    : percent(quantityValue(v), quantityValue(a));
  return `${formatQuantity(v)} (${pct}%)`;
}

function quantities(list: ResourceList | undefined): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  for (const [name, v] of Object.entries(list ?? {})) {
    const q = parseQuantity(v);
    if (q !== undefined) out.set(name, q);
  }
  return out;
}

// staging/src/k8s.io/kubectl/pkg/util/resource: IsHugePageResourceName / IsStandardContainerResourceName
const isHugePages = (name: string): boolean => name.startsWith("hugepages-");
const isStandardContainerResource = (name: string): boolean =>
  ["cpu", "memory", "ephemeral-storage"].includes(name) || isHugePages(name);

// describe.go: describeNodeResource
function describeNodeResource(pods: readonly Pod[], node: Node, w: PrefixWriter, now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
  w.write(LEVEL_1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
  const capacity = quantities(node.status?.capacity);
  const allocatableRaw = quantities(node.status?.allocatable);
  const allocatable = allocatableRaw.size > 0 ? allocatableRaw : capacity;
  const reqs = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  for (const pod of pods) {
    const req = podResources(pod, "requests");
    const lim = podResources(pod, "limits");
    w.write(
      LEVEL_1,
      `${pod.metadata.namespace ?? ""}\t${pod.metadata.name}\t\t${resourceText(req.get("cpu"), allocatable.get("cpu"), true)}\t` +
        `${resourceText(lim.get("cpu"), allocatable.get("cpu"), true)}\t${resourceText(req.get("memory"), allocatable.get("memory"), false)}\t` +
        `${resourceText(lim.get("memory"), allocatable.get("memory"), false)}\t${translateTimestampSince(pod.metadata.creationTimestamp, now)}\n`,
    );
    // describe.go: getPodsTotalRequestsAndLimits
    for (const [from, into] of [
      [req, reqs],
      [lim, limits],
    ] as const) {
      for (const [name, q] of from) {
        const prev = into.get(name);
        into.set(name, prev === undefined ? q : addQuantity(prev, q));
      }
    }
  }
  w.write(LEVEL_0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
  w.write(LEVEL_1, "Resource\tRequests\tLimits\n");
  w.write(LEVEL_1, "--------\t--------\t------\n");
  for (const [name, milli] of [
    ["cpu", true],
    ["memory", false],
    ["ephemeral-storage", false],
  ] as const) {
    w.write(
      LEVEL_1,
      `${name}\t${resourceText(reqs.get(name), allocatable.get(name), milli)}\t${resourceText(limits.get(name), allocatable.get(name), milli)}\n`,
    );
  }
  const names = [...allocatable.keys()];
  const hugePages = names.filter(isHugePages).sort(compareStrings);
  const extended = names.filter((n) => !isStandardContainerResource(n) && n !== "pods").sort(compareStrings);
  for (const name of hugePages) {
    w.write(
      LEVEL_1,
      `${name}\t${resourceText(reqs.get(name), allocatable.get(name), false)}\t${resourceText(limits.get(name), allocatable.get(name), false)}\n`,
    );
  }
  for (const name of extended) {
    w.write(
      LEVEL_1,
      `${name}\t${formatQuantity(reqs.get(name) ?? ZERO)}\t${formatQuantity(limits.get(name) ?? ZERO)}\n`,
    );
  }
}

/** The node's Lease in kube-node-lease, which the engine does not model: the kubelet renews it on heartbeats. */
function defaultLease(node: Node): NodeLease {
  const ready = (node.status?.conditions ?? []).find((c) => c.type === "Ready");
  return { holderIdentity: node.metadata.name, renewTime: ready?.lastHeartbeatTime };
}

export function describeNode(
  node: Node,
  related: DescribeRelated & { lease?: NodeLease },
  now: number,
): string {
  const w = new PrefixWriter();
  const status = node.status;
  w.write(LEVEL_0, `Name:\t${node.metadata.name}\n`);
  const roles = findNodeRoles(node.metadata.labels);
  w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(",") : "<none>"}\n`);
  printLabelsMultiline(w, "Labels", node.metadata.labels);
  printAnnotationsMultiline(w, "Annotations", node.metadata.annotations);
  w.write(LEVEL_0, `CreationTimestamp:\t${formatTimestamp(node.metadata.creationTimestamp)}\n`);
  printTaintsMultiline(w, "Taints", node.spec?.taints);
  w.write(LEVEL_0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
  // describe.go: describeNodeLease
  const lease = related.lease ?? defaultLease(node);
  w.write(LEVEL_0, "Lease:\n");
  w.write(LEVEL_1, `HolderIdentity:\t${lease.holderIdentity ?? "<unset>"}\n`);
  w.write(
    LEVEL_1,
    `AcquireTime:\t${lease.acquireTime === undefined ? "<unset>" : formatTimestamp(lease.acquireTime)}\n`,
  );
  w.write(
    LEVEL_1,
    `RenewTime:\t${lease.renewTime === undefined ? "<unset>" : formatTimestamp(lease.renewTime)}\n`,
  );
  const conditions = status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
    w.write(LEVEL_1, "----\t------\t-----------------\t------------------\t------\t-------\n");
    for (const c of conditions) {
      w.write(
        LEVEL_1,
        `${c.type} \t${c.status} \t${formatTimestamp(c.lastHeartbeatTime)} \t${formatTimestamp(c.lastTransitionTime)} \t${c.reason} \t${c.message}\n`,
      );
    }
  }
  w.write(LEVEL_0, "Addresses:\n");
  for (const a of status?.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [
    ["Capacity", status?.capacity],
    ["Allocatable", status?.allocatable],
  ] as const) {
    const names = Object.keys(list ?? {}).sort(compareStrings);
    if (names.length === 0) continue;
    w.write(LEVEL_0, `${title}:\n`);
    for (const name of names) {
      const q = parseQuantity(list?.[name]);
      w.write(LEVEL_0, `  ${name}:\t${q === undefined ? String(list?.[name] ?? "") : formatQuantity(q)}\n`);
    }
  }
  const info = (status?.nodeInfo ?? {}) as Partial<NonNullable<Node["status"]>["nodeInfo"]> & {
    machineID?: string;
    systemUUID?: string;
    bootID?: string;
  };
  w.write(LEVEL_0, "System Info:\n");
  w.write(LEVEL_0, `  Machine ID:\t${info.machineID ?? ""}\n`);
  w.write(LEVEL_0, `  System UUID:\t${info.systemUUID ?? ""}\n`);
  w.write(LEVEL_0, `  Boot ID:\t${info.bootID ?? ""}\n`);
  w.write(LEVEL_0, `  Kernel Version:\t${info.kernelVersion ?? ""}\n`);
  w.write(LEVEL_0, `  OS Image:\t${info.osImage ?? ""}\n`);
  w.write(LEVEL_0, `  Operating System:\t${info.operatingSystem ?? ""}\n`);
  w.write(LEVEL_0, `  Architecture:\t${info.architecture ?? ""}\n`);
  w.write(LEVEL_0, `  Container Runtime Version:\t${info.containerRuntimeVersion ?? ""}\n`);
  w.write(LEVEL_0, `  Kubelet Version:\t${info.kubeletVersion ?? ""}\n`);
  w.write(LEVEL_0, `  Kube-Proxy Version:\t${info.kubeProxyVersion ?? ""}\n`);
  const spec = node.spec;
  // remove when .PodCIDR is deprecated
  if ((spec?.podCIDR ?? "") !== "") w.write(LEVEL_0, `PodCIDR:\t${spec?.podCIDR}\n`);
  if ((spec?.podCIDRs ?? []).length > 0) w.write(LEVEL_0, `PodCIDRs:\t${(spec?.podCIDRs ?? []).join(",")}\n`);
  if ((spec?.providerID ?? "") !== "") w.write(LEVEL_0, `ProviderID:\t${spec?.providerID}\n`);
  // NodeDescriber lists spec.nodeName=<node>, status.phase!=Succeeded, status.phase!=Failed, all namespaces
  const pods = (related.nodePods ?? [])
    .filter(
      (p) =>
        p.spec.nodeName === node.metadata.name &&
        p.status?.phase !== "Succeeded" &&
        p.status?.phase !== "Failed",
    )
    .sort(
      (a, b) =>
        compareStrings(a.metadata.namespace ?? "", b.metadata.namespace ?? "") ||
        compareStrings(a.metadata.name, b.metadata.name),
    );
  describeNodeResource(pods, node, w, now);
  describeEvents(eventsFor(related.events, { kind: "Node", name: node.metadata.name }), w, now);
  return w.toString();
}
