/** The store key of an object: `Kind/namespace/name` (namespace empty for cluster-scoped kinds). */
export function objectKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}/${namespace ?? ""}/${name}`;
}
