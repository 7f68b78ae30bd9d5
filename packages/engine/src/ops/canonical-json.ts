/** JSON with object keys sorted, as Go marshals an unstructured map (kubectl's last-applied annotation). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) as string;
}

function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(sortKeys);
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(source).sort()) out[k] = sortKeys(source[k]);
  return out;
}
