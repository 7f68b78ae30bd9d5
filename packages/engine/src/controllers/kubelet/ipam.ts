import type { Node } from "../../api/cluster-kinds";
import { cidrSize, formatIp, parseCidr } from "../../network/cidr";
import type { Tx } from "../../store/tx";

/**
 * Pod IPs from the node's alias range (`spec.podCIDR`). [engine choice] (kubernetes-model.md §11.2):
 * ascending from .2, skipping addresses in use, never reusing one until the range wraps.
 */
export function allocatePodIp(tx: Tx, node: Node, podKey: string): string | undefined {
  const cidr = parseCidr(node.spec.podCIDR ?? "");
  if (!cidr) return undefined;
  const state = tx.ipamOf(node.metadata.name);
  const size = cidrSize(cidr);
  for (let tries = 0; tries < size; tries++) {
    let offset = state.next + tries;
    if (offset >= size - 1) offset = 2 + ((offset - 2) % Math.max(1, size - 3));
    const ip = formatIp(cidr.base + offset);
    if (state.used[ip]) continue;
    state.next = offset + 1;
    state.used[ip] = podKey;
    return ip;
  }
  return undefined;
}
