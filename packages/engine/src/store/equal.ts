/**
 * Whether two plain-JSON values would serialise to the same JSON text (key order included, keys
 * whose value is undefined skipped), without building the text: controllers ask this of every
 * status they compute, to write only what changed.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  return sameFields(a as Record<string, unknown>, b as Record<string, unknown>);
}

/**
 * One stack of key names shared by every comparison: an object's defined keys are pushed above its
 * caller's, compared, and popped, so comparing statuses allocates nothing.
 */
const keyStack: string[] = [];

function sameFields(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const start = keyStack.length;
  for (const k in a) if (defined(a[k])) keyStack.push(k);
  const end = keyStack.length;
  let same = true;
  let i = start;
  for (const k in b) {
    if (!defined(b[k])) continue;
    if (i === end || keyStack[i] !== k) {
      same = false;
      break;
    }
    i++;
  }
  if (same && i !== end) same = false;
  for (let j = start; same && j < end; j++) {
    const k = keyStack[j] as string;
    same = sameJson(a[k], b[k]);
  }
  keyStack.length = start;
  return same;
}

function defined(v: unknown): boolean {
  return v !== undefined && typeof v !== "function";
}
