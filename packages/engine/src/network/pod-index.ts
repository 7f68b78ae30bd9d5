import type { Pod } from "../api/pod";

/**
 * Pods by namespace and by `namespace + label=value`, built once per controller pass so that
 * selecting a Service's pods costs its matches, not the cluster's size. A namespace's label index is
 * built when a selector first asks for it: most pods live where no Service selects (a cluster's
 * only selecting Service may be kube-system's kube-dns).
 */
export class PodIndex {
  private readonly byNamespace = new Map<string, Pod[]>();
  private readonly byLabel = new Map<string, Pod[]>();
  private readonly labelled = new Set<string>();

  constructor(pods: readonly Pod[]) {
    for (const pod of pods) push(this.byNamespace, pod.metadata.namespace ?? "default", pod);
  }

  private indexLabels(namespace: string): void {
    if (this.labelled.has(namespace)) return;
    this.labelled.add(namespace);
    for (const pod of this.byNamespace.get(namespace) ?? [])
      for (const [k, v] of Object.entries(pod.metadata.labels ?? {}))
        push(this.byLabel, labelKey(namespace, k, v), pod);
  }

  /** Pods of a namespace whose labels include every pair of a map selector (an empty map selects all). */
  select(namespace: string, selector: Record<string, string>): Pod[] {
    const pairs = Object.entries(selector);
    if (pairs.length === 0) return this.byNamespace.get(namespace) ?? [];
    this.indexLabels(namespace);
    let smallest: Pod[] | undefined;
    for (const [k, v] of pairs) {
      const list = this.byLabel.get(labelKey(namespace, k, v));
      if (!list) return [];
      if (!smallest || list.length < smallest.length) smallest = list;
    }
    return (smallest ?? []).filter((p) => pairs.every(([k, v]) => p.metadata.labels?.[k] === v));
  }
}

function labelKey(ns: string, k: string, v: string): string {
  return `${ns}\u0000${k}=${v}`;
}

function push(map: Map<string, Pod[]>, key: string, pod: Pod): void {
  const list = map.get(key);
  if (list) list.push(pod);
  else map.set(key, [pod]);
}
