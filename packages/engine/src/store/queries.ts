import type { KubeObject } from "../api/meta";
import { objectKey } from "./object-key";
import type { ClusterState } from "./state";

/** One object, as `GET /api/.../name` returns it. */
export function getObject<T extends KubeObject = KubeObject>(
  state: ClusterState,
  kind: string,
  namespace: string | undefined,
  name: string,
): T | undefined {
  return state.objects[objectKey(kind, namespace, name)] as T | undefined;
}

/** A list as the API server returns it: ordered by namespace, then name (etcd key order). */
export function listObjects<T extends KubeObject = KubeObject>(
  state: ClusterState,
  kind: string,
  namespace?: string,
): T[] {
  const prefix = namespace === undefined ? `${kind}/` : `${kind}/${namespace}/`;
  const keys = Object.keys(state.objects).filter((k) => k.startsWith(prefix));
  keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return keys.map((k) => state.objects[k] as T);
}
