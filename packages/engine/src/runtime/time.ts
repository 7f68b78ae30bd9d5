// Virtual time. The cluster state holds `clock` in milliseconds since the Unix epoch; nothing in the
// engine reads a real clock. Timestamps are RFC 3339 with second precision, as the API server writes them.
export const DEFAULT_EPOCH = Date.UTC(2026, 0, 5, 9, 0, 0); // allowed: a constant, not a clock read

// Controllers stamp many objects with a few virtual instants (now, each container's start): format
// each instant once.
const FORMATTED = new Map<number, string>();

export function rfc3339(ms: number): string {
  let text = FORMATTED.get(ms);
  if (text === undefined) {
    text = new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z"); // allowed: formatting a virtual instant
    if (FORMATTED.size >= 1000) FORMATTED.clear();
    FORMATTED.set(ms, text);
  }
  return text;
}

export function parseRfc3339(s: string): number {
  return Date.parse(s); // allowed: parsing a stored virtual instant
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
