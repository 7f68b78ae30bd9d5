// The Events block every describer ends with (staging/src/k8s.io/kubectl/pkg/describe/describe.go:
// DescribeEvents, kubectl 1.33: no fieldPath prefix on messages, which arrived in 1.35).
import type { KubeEvent } from "@kubejam/engine";
import { parseTimestamp, translateTimestampSince } from "../printers/age";
import { LEVEL_0, LEVEL_1, type PrefixWriter } from "./prefix-writer";

/** The object an event list is about, as searchEvents' field selector matches it. */
export interface EventTarget {
  kind?: string;
  name: string;
  namespace?: string;
  uid?: string;
}

/** describe.go: searchEvents (involvedObject name, namespace, uid; kind unless empty, as for pods). */
export function eventsFor(events: readonly KubeEvent[], target: EventTarget): KubeEvent[];
export function eventsFor(
  events: readonly KubeEvent[] | undefined,
  target: EventTarget,
): KubeEvent[] | undefined;
export function eventsFor(
  events: readonly KubeEvent[] | undefined,
  target: EventTarget,
): KubeEvent[] | undefined {
  return events?.filter((e) => {
    const o = e.involvedObject;
    if (o.name !== target.name) return false;
    if (target.kind !== undefined && o.kind !== target.kind) return false;
    if (target.namespace !== undefined && (o.namespace ?? "") !== target.namespace) return false;
    if (target.uid !== undefined && o.uid !== "" && o.uid !== target.uid && o.uid !== target.name)
      return false;
    return true;
  });
}

// staging/src/k8s.io/kubectl/pkg/util/event/sorted_event_list.go: eventTime (lastTimestamp, else eventTime)
export function eventTime(e: KubeEvent): number {
  const time = (e as { eventTime?: string | null }).eventTime;
  return parseTimestamp(e.lastTimestamp) ?? parseTimestamp(time) ?? Number.NEGATIVE_INFINITY;
}

/** The Events section; none at all for undefined (`--show-events=false`), `<none>` for no events. */
export function describeEvents(events: readonly KubeEvent[] | undefined, w: PrefixWriter, now: number): void {
  if (events === undefined) return;
  if (events.length === 0) {
    w.write(LEVEL_0, "Events:\t<none>\n");
    return;
  }
  // sort.Sort(event.SortableEvents(...)), oldest first
  const sorted = [...events].sort((a, b) => eventTime(a) - eventTime(b));
  w.write(LEVEL_0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
  w.write(LEVEL_1, "----\t------\t----\t----\t-------\n");
  for (const e of sorted) {
    const eventTime = (e as { eventTime?: string | null }).eventTime;
    const firstTimestampSince =
      parseTimestamp(eventTime) === undefined
        ? translateTimestampSince(e.firstTimestamp, now)
        : translateTimestampSince(eventTime, now);
    const interval =
      e.count > 1
        ? `${translateTimestampSince(e.lastTimestamp, now)} (x${e.count} over ${firstTimestampSince})`
        : firstTimestampSince;
    const source =
      e.source?.component !== undefined && e.source.component !== ""
        ? e.source.component
        : e.reportingComponent;
    w.write(LEVEL_1, `${e.type}\t${e.reason}\t${interval}\t${source}\t${e.message.trim()}\n`);
  }
}
