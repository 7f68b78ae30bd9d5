import type { Pod } from "../../api/pod";
import { objectKey } from "../../store/object-key";
import type { Tx } from "../../store/tx";

/** The end of a pod: its sandbox, IP, container layers and pod-lifetime volumes go, then the object. */
export function releasePod(tx: Tx, pod: Pod): void {
  const key = objectKey("Pod", pod.metadata.namespace, pod.metadata.name);
  const rt = tx.kubelet[key];
  if (rt) {
    const ipam = tx.ipam[rt.node];
    if (ipam && ipam.used[rt.ip] === key) {
      const used = { ...ipam.used };
      delete used[rt.ip];
      tx.ipam[rt.node] = { ...ipam, used };
    }
    tx.setKubelet(key, undefined);
  }
  const prefixes = [`ctr/${pod.metadata.uid}/`, `pod/${pod.metadata.uid}/`];
  for (const id of Object.keys(tx.fs)) {
    if (prefixes.some((p) => id.startsWith(p))) tx.setFs(id, undefined);
  }
  tx.remove(pod);
}
