import type { Node } from "../../api/cluster-kinds";
import type { Pod } from "../../api/pod";
import type { Tx } from "../../store/tx";

/**
 * The downward API: a pod's field by its `fieldRef.fieldPath`, for variables and volume files
 * (kubelet podFieldSelectorRuntimeValue, fieldpath.ExtractFieldPathAsString). `podIp` is empty while
 * the pod has none (volumes are set up before its sandbox).
 */
export function downwardFieldValue(tx: Tx, pod: Pod, path: string, podIp = ""): string {
  const m = pod.metadata;
  const keyed = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
  if (keyed) return (keyed[1] === "labels" ? m.labels : m.annotations)?.[keyed[2] ?? ""] ?? "";
  switch (path) {
    case "metadata.name":
      return m.name;
    case "metadata.namespace":
      return m.namespace ?? "default";
    case "metadata.uid":
      return m.uid;
    case "metadata.labels":
      return formatMap(m.labels);
    case "metadata.annotations":
      return formatMap(m.annotations);
    case "spec.nodeName":
      return pod.spec.nodeName ?? "";
    case "spec.serviceAccountName":
      return pod.spec.serviceAccountName ?? "";
    case "status.hostIP":
    case "status.hostIPs": {
      const node = tx.get<Node>("Node", undefined, pod.spec.nodeName ?? "");
      return node?.status.addresses.find((a) => a.type === "InternalIP")?.address ?? "";
    }
    case "status.podIP":
    case "status.podIPs":
      return podIp;
    default:
      return "";
  }
}

/** fieldpath.FormatMap: `key="value"` lines, sorted by key. */
function formatMap(map: Record<string, string> | undefined): string {
  return Object.keys(map ?? {})
    .sort()
    .map((k) => `${k}=${JSON.stringify(map?.[k] ?? "")}`)
    .join("\n");
}
