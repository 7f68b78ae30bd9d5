// `kubectl get events` (pkg/printers/internalversion/printers.go: eventColumnDefinitions, printEvent).
// kubectl get does not sort events: they come in the API server's list order (use --sort-by to sort).
import type { KubeEvent } from "@kubejam/engine";
import { translateTimestampSince } from "./age";
import type { Column } from "./table";

// printers.go: eventColumnDefinitions (the wide columns sit between OBJECT and MESSAGE, and after it)
export const eventColumns: readonly Column[] = [
  { name: "Last Seen", priority: 0 },
  { name: "Type", priority: 0 },
  { name: "Reason", priority: 0 },
  { name: "Object", priority: 0 },
  { name: "Subobject", priority: 1 },
  { name: "Source", priority: 1 },
  { name: "Message", priority: 0 },
  { name: "First Seen", priority: 1 },
  { name: "Count", priority: 1 },
  { name: "Name", priority: 1, isName: true },
];

function firstNonEmpty(...values: (string | undefined)[]): string {
  return values.find((v) => v !== undefined && v !== "") ?? "";
}

/** printers.go: formatEventSource (`component, host`; reportingController/Instance as fallbacks). */
export function formatEventSource(event: KubeEvent): string {
  const component = firstNonEmpty(event.source?.component, event.reportingComponent);
  const instance = firstNonEmpty(event.source?.host, event.reportingInstance);
  return instance === "" ? component : `${component}, ${instance}`;
}

export function eventRow(event: KubeEvent, now: number): string[] {
  const eventTime = (event as { eventTime?: string | null }).eventTime ?? undefined;
  const firstTimestamp =
    event.firstTimestamp === undefined || event.firstTimestamp === ""
      ? translateTimestampSince(eventTime, now)
      : translateTimestampSince(event.firstTimestamp, now);
  const lastTimestamp =
    event.lastTimestamp === undefined || event.lastTimestamp === ""
      ? firstTimestamp
      : translateTimestampSince(event.lastTimestamp, now);
  // Singleton events don't have a count set in the new API.
  const count = event.count === undefined || event.count === 0 ? 1 : event.count;
  const involved = event.involvedObject;
  const target =
    involved.name.length > 0
      ? `${involved.kind.toLowerCase()}/${involved.name}`
      : involved.kind.toLowerCase();
  return [
    lastTimestamp,
    event.type,
    event.reason,
    target,
    involved.fieldPath ?? "",
    formatEventSource(event),
    event.message.trim(),
    firstTimestamp,
    String(count),
    event.metadata.name,
  ];
}
