import type { KubeObject, OwnerReference } from "../api/meta";
import type { Pod } from "../api/pod";

export function controllerOf(obj: KubeObject): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller);
}

export function ownerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

export function isPodActive(pod: Pod): boolean {
  return !pod.metadata.deletionTimestamp && pod.status.phase !== "Succeeded" && pod.status.phase !== "Failed";
}

export function isPodReady(pod: Pod): boolean {
  return pod.status.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
}

/** Groups objects by the uid of their controller. */
export function byController<T extends KubeObject>(objects: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const o of objects) {
    const uid = controllerOf(o)?.uid;
    if (!uid) continue;
    const list = map.get(uid);
    if (list) list.push(o);
    else map.set(uid, [o]);
  }
  return map;
}
