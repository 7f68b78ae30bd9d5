import type { Pod } from "../../api/pod";
import { objectKey } from "../../store/object-key";
import type { Tx } from "../../store/tx";
import { layerId, volumeId } from "./container-env";
import { removeEtcFiles } from "./etc-files";

/** The end of a pod: its sandbox, IP, container layers and pod-lifetime volumes go, then the object. */
export function releasePod(tx: Tx, pod: Pod): void {
  const key = objectKey("Pod", pod.metadata.namespace, pod.metadata.name);
  const rt = tx.kubelet[key];
  if (rt) {
    const ipam = tx.ipamOf(rt.node);
    if (ipam.used[rt.ip] === key) delete ipam.used[rt.ip];
    tx.setKubelet(key, undefined);
  }
  for (const c of [...(pod.spec.initContainers ?? []), ...pod.spec.containers])
    tx.setFs(layerId(pod.metadata.uid, c.name), undefined);
  const podScoped = `pod/${pod.metadata.uid}/`;
  for (const v of pod.spec.volumes ?? []) {
    const id = volumeId(pod, v.name);
    if (id?.startsWith(podScoped)) tx.setFs(id, undefined);
  }
  removeEtcFiles(tx, pod);
  tx.remove(pod);
}
