import type { Pod, Volume } from "../../api/pod";
import type { ConfigMap, Secret } from "../../api/storage";
import { buildTree } from "../../fs/tree";
import { sameJson } from "../../store/equal";
import type { Tx } from "../../store/tx";
import { volumeId } from "./container-env";
import type { PodRuntime } from "./pod-runtime";
import { keyedFiles, projectedFiles, secretFiles } from "./volume-setup";

/** The kubelet's bookkeeping key for the ConfigMap and Secret changes it has seen (Tx.controllerInputs). */
const SEEN = Symbol("volume sources seen");

/**
 * The kubelet keeps the ConfigMap, Secret and projected volumes of its running pods up to date (the
 * atomic writer, at each pod sync): once a ConfigMap or Secret changes, their files follow. The real
 * kubelet does it at its next sync of the pod, within about a minute; the simulation does it at once.
 * A source that is gone leaves the files as they were, and a volume mounted with `subPath` keeps them
 * too (its bind mount does not see the update).
 */
export function refreshVolumeSources(tx: Tx): void {
  const changes = (tx.kindChanges.get("ConfigMap") ?? 0) + (tx.kindChanges.get("Secret") ?? 0);
  if (changes === (tx.controllerInputs.get(SEEN) ?? 0)) return;
  tx.controllerInputs.set(SEEN, changes);
  for (const key in tx.kubelet) {
    const rt = tx.kubelet[key] as PodRuntime;
    const pod = tx.objects[key] as Pod | undefined;
    if (!pod || rt.blockedBy || rt.uid !== pod.metadata.uid) continue;
    for (const v of pod.spec.volumes ?? []) {
      if (!v.configMap && !v.secret && !v.projected) continue;
      if (mountedWithSubPath(pod, v.name)) continue;
      const files = currentFiles(tx, pod, v);
      const id = volumeId(pod, v.name);
      if (!files || !id) continue;
      const next = buildTree(files);
      if (!sameJson(next, tx.fs[id])) tx.setFs(id, next);
    }
  }
}

/** The files the volume's source gives now, or undefined when the source is gone. */
function currentFiles(tx: Tx, pod: Pod, v: Volume): Record<string, string> | undefined {
  const ns = pod.metadata.namespace ?? "default";
  if (v.configMap) {
    const cm = tx.get<ConfigMap>("ConfigMap", ns, v.configMap.name ?? "");
    return cm ? keyedFiles(cm.data ?? {}, v.configMap.items) : undefined;
  }
  if (v.secret) {
    const secret = tx.get<Secret>("Secret", ns, v.secret.secretName ?? "");
    return secret ? keyedFiles(secretFiles(secret), v.secret.items) : undefined;
  }
  const files = projectedFiles(tx, pod, v.projected ?? {}, ns);
  return typeof files === "string" ? undefined : files;
}

function mountedWithSubPath(pod: Pod, volume: string): boolean {
  return pod.spec.containers.some((c) => c.volumeMounts?.some((m) => m.name === volume && m.subPath));
}
