import type { Node } from "../../api/cluster-kinds";
import type { Pod } from "../../api/pod";
import { parseQuantity } from "../../api/quantity";
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

/** The resources a `resourceFieldRef` may name: a limit that is not set is the node's allocatable. */
const RESOURCES = ["cpu", "memory", "ephemeral-storage"] as const;

/**
 * A container's request or limit by `resourceFieldRef` (ExtractContainerResourceValue): CPU in whole
 * divisors rounded up (`1` by default: cores), memory and storage likewise in bytes. A limit that is not
 * set is the node's allocatable, as the kubelet fills it in for the downward API; a request, zero.
 */
export function resourceFieldValue(
  tx: Tx,
  pod: Pod,
  ref: { containerName?: unknown; resource?: unknown; divisor?: unknown },
  defaultContainer?: string,
): string {
  const [kind, name] = String(ref.resource ?? "").split(".");
  const resource = RESOURCES.find((r) => r === name);
  if ((kind !== "limits" && kind !== "requests") || !resource) return "";
  const containerName =
    typeof ref.containerName === "string" && ref.containerName ? ref.containerName : defaultContainer;
  const container = pod.spec.containers.find((c) => c.name === containerName);
  const set = (container?.resources?.[kind] as Record<string, string | number> | undefined)?.[resource];
  let value = set === undefined ? undefined : parseQuantity(set);
  if (value === undefined && kind === "limits") {
    const node = tx.get<Node>("Node", undefined, pod.spec.nodeName ?? "");
    const allocatable = (node?.status.allocatable as Record<string, string> | undefined)?.[resource];
    value = allocatable === undefined ? undefined : parseQuantity(allocatable);
  }
  const divisor =
    typeof ref.divisor === "string" || typeof ref.divisor === "number"
      ? (parseQuantity(ref.divisor) ?? 1)
      : 1;
  if (resource === "cpu")
    return String(Math.ceil(Math.round((value ?? 0) * 1000) / Math.round(divisor * 1000)));
  return String(Math.ceil((value ?? 0) / divisor));
}
