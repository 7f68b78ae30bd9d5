// time.RFC1123Z ("Mon, 02 Jan 2006 15:04:05 -0700"), the layout describe uses for timestamps. kubectl
// prints local time; the simulator's terminal is in UTC, so the offset is always +0000.
import { parseTimestamp } from "../printers/age";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const two = (n: number): string => String(n).padStart(2, "0");

export function formatRfc1123z(ms: number): string {
  const d = new Date(ms);
  return (
    `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`
  );
}

/** A stored RFC 3339 timestamp in RFC1123Z; a missing one is Go's zero time. */
export function formatTimestamp(timestamp: string | null | undefined): string {
  const ms = parseTimestamp(timestamp);
  // metav1.Time{}.Time.Format(time.RFC1123Z)
  return ms === undefined ? "Mon, 01 Jan 0001 00:00:00 +0000" : formatRfc1123z(ms);
}
