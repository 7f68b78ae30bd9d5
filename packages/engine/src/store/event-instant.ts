// client-go names an event `<object name>.<UnixNano in hex>` (tools/record/event.go makeEvent).

/** An event name's UnixNano as a millisecond and the nanoseconds within it (below 1,000,000). */
export interface EventInstant {
  ms: number;
  ns: number;
}

export function nextNano(t: EventInstant): void {
  t.ns += 1;
  if (t.ns === 1_000_000) {
    t.ms += 1;
    t.ns = 0;
  }
}

const TWO_24 = 2 ** 24;

/**
 * `ms * 1e6 + ns` in hex, exactly, without BigInt (UnixNano passes 2^53): split the millisecond at
 * 2^24 so each partial product stays an exact double.
 */
export function hexNanos(t: EventInstant): string {
  const high = Math.floor(t.ms / TWO_24);
  const low = (t.ms % TWO_24) * 1_000_000 + t.ns;
  const top = high * 1_000_000 + Math.floor(low / TWO_24);
  const rest = (low % TWO_24).toString(16);
  return top === 0 ? rest : `${top.toString(16)}${rest.padStart(6, "0")}`;
}
