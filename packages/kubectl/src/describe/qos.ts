// staging/src/k8s.io/kubectl/pkg/util/qos/qos.go: GetPodQOS (status.qosClass when set, else computed).
import type { Pod } from "@kubejam/engine";
import { parseQuantity, quantityMilliValue } from "../printers/quantity";

const SUPPORTED = ["cpu", "memory"];

type ResourceList = Record<string, string | number>;

export function podQosClass(pod: Pod): string {
  const stored = (pod.status as { qosClass?: string } | undefined)?.qosClass;
  if (stored !== undefined && stored !== "") return stored;
  // qos.go: ComputePodQOS
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let isGuaranteed = true;
  const containers = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])];
  for (const c of containers) {
    const req: ResourceList = c.resources?.requests ?? {};
    const lim: ResourceList = c.resources?.limits ?? {};
    for (const [name, v] of Object.entries(req)) {
      const q = parseQuantity(v);
      if (!SUPPORTED.includes(name) || q === undefined || q.nanos === 0n) continue;
      requests.set(name, (requests.get(name) ?? 0n) + quantityMilliValue(q));
    }
    let found = 0;
    for (const [name, v] of Object.entries(lim)) {
      const q = parseQuantity(v);
      if (!SUPPORTED.includes(name) || q === undefined || q.nanos === 0n) continue;
      found++;
      limits.set(name, (limits.get(name) ?? 0n) + quantityMilliValue(q));
    }
    if (found !== SUPPORTED.length) isGuaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return "BestEffort";
  if (isGuaranteed) {
    for (const [name, req] of requests) {
      if (limits.get(name) !== req) {
        isGuaranteed = false;
        break;
      }
    }
  }
  if (isGuaranteed && requests.size === limits.size) return "Guaranteed";
  return "Burstable";
}
