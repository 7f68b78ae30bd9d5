// The values a why reason's explanation may name, each defaulting to "" so that a message never
// shows a raw placeholder. The engine's record supplies them (WhyReason.values).
import type { WhyReason } from "@kubejam/engine";

export const WHY_VALUE_KEYS = [
  "labels",
  "container",
  "containers",
  "image",
  "claim",
  "phase",
  "volume",
  "name",
  "class",
  "provisioner",
  "wanted",
  "offered",
  "pod",
  "key",
  "actual",
  "namespace",
  "selector",
  "port",
  "ports",
  "ip",
  "listeners",
  "state",
  "server",
  "path",
  "exports",
] as const;

const NOT_LABELS = new Set<string>(["container", "image", "claim"]);

/** The message arguments for one reason. `labels` lists a nodeSelector's pairs. */
export function whyValues(reason: WhyReason): Record<(typeof WHY_VALUE_KEYS)[number], string> {
  const values = reason.values ?? {};
  const args = Object.fromEntries(WHY_VALUE_KEYS.map((k) => [k, values[k] ?? ""])) as Record<
    (typeof WHY_VALUE_KEYS)[number],
    string
  >;
  if (reason.code === "node-selector-mismatch")
    args.labels = Object.entries(values)
      .filter(([k]) => !NOT_LABELS.has(k))
      .map(([k, v]) => `${k}=${v}`)
      .join(", ");
  return args;
}

/** What a reason's count counts: nodes for the scheduler, volumes for the binder, pods for a selector. */
export function countKey(code: WhyReason["code"]): "count" | "countVolumes" | "countPods" {
  if (code.startsWith("volume-") && code !== "volume-bind-conflict" && code !== "volume-node-conflict")
    return code === "volume-setup-failed" ? "count" : "countVolumes";
  if (code.startsWith("selector-")) return "countPods";
  return "count";
}
