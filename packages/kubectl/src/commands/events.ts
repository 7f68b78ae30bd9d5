// `kubectl events` (staging/src/k8s.io/kubectl/pkg/cmd/events): unlike `kubectl get events`, it sorts
// the events by when they last happened, names the object by its Kind (`Pod/web`), folds a repeated
// event into `3m (x4 over 10m)`, and filters with --for and --types.
import { type KubeEvent, listObjects } from "@kubejam/engine";
import { boolFlag, flag, flags, type ParsedArgs } from "../args";
import { eventTime } from "../describe/events";
import { translateTimestampSince } from "../printers/age";
import { renderTable } from "../printers/table";
import { parseTargets } from "../resources";
import { type Context, fail, type KubectlResult, ok } from "../result";
import { formatObjects } from "./output-format";

export function eventsCommand(ctx: Context & { allNamespaces?: boolean }, args: ParsedArgs): KubectlResult {
  const types = flags(args, "types");
  if (types.some((t) => !["normal", "warning"].includes(t.toLowerCase())))
    return fail(ctx.state, "error: valid --types are Normal or Warning");
  const forText = flag(args, "for");
  let involved: { kind: string; name: string } | undefined;
  if (forText !== undefined) {
    if (forText.split("/").length !== 2) return fail(ctx.state, "error: --for must be in resource/name form");
    const parsed = parseTargets([forText]);
    if (!parsed.ok) return fail(ctx.state, parsed.message);
    const target = parsed.targets[0];
    involved = { kind: target?.info.kind ?? "", name: target?.names[0] ?? "" };
  }
  const allNamespaces = ctx.allNamespaces === true;
  const events = listObjects<KubeEvent>(ctx.state, "Event", allNamespaces ? undefined : ctx.namespace)
    .filter(
      (e) =>
        involved === undefined ||
        (e.involvedObject.kind === involved.kind && e.involvedObject.name === involved.name),
    )
    .filter((e) => types.length === 0 || types.some((t) => t.toLowerCase() === e.type.toLowerCase()))
    .sort((a, b) => eventTime(a) - eventTime(b));
  const output = flag(args, "output");
  // events.go's PrintFlags: its own table by default, otherwise the object printers only.
  if (output !== undefined) return formatObjects(ctx, events, output, false, undefined, true);
  if (events.length === 0)
    return ok(
      ctx.state,
      "",
      allNamespaces ? "No events found.\n" : `No events found in ${ctx.namespace} namespace.\n`,
    );
  const now = ctx.state.clock;
  const rows = events.map((e) => [
    ...(allNamespaces ? [e.metadata.namespace ?? ""] : []),
    interval(e, now),
    e.type,
    e.reason,
    `${e.involvedObject.kind}/${e.involvedObject.name}`,
    e.message.trim(),
  ]);
  const headers = [
    ...(allNamespaces ? ["NAMESPACE"] : []),
    "LAST SEEN",
    "TYPE",
    "REASON",
    "OBJECT",
    "MESSAGE",
  ];
  return ok(ctx.state, renderTable(boolFlag(args, "no-headers") ? undefined : headers, rows));
}

/** events.go getInterval: `AGE`, or `AGE (xCOUNT over FIRST)` for a repeated event. */
function interval(e: KubeEvent, now: number): string {
  const first = translateTimestampSince(e.firstTimestamp, now);
  if ((e.count ?? 1) > 1)
    return `${translateTimestampSince(e.lastTimestamp, now)} (x${e.count} over ${first})`;
  return first;
}
