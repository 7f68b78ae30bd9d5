import {
  getObject,
  type KubeObject,
  listObjects,
  type Pod,
  resolveResource,
  selectorMatches,
} from "@kubejam/engine";
import type { Context } from "../result";

/**
 * The pod `kubectl exec` and `kubectl logs` act on for `POD` or `TYPE/NAME`
 * (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/attachablepodforobject.go, logsforobject.go): a
 * pod is itself; a Deployment, ReplicaSet or Service gives the first of its selector's pods, sorted as
 * sort.Reverse(podutils.ActivePods) for exec and podutils.ByLogging for logs: assigned before
 * unassigned, running before pending, ready before not ready, (for logs, more restarts first,) then
 * the oldest. `among` is how many pods the selector matched (logs says so when there are several).
 */
export function attachablePod(
  ctx: Context,
  target: string,
  purpose: "exec" | "logs" = "exec",
): { ok: true; pod: string; among?: number } | { ok: false; message: string } {
  if (!target.includes("/")) return { ok: true, pod: target };
  const [type = "", name = ""] = target.split("/", 2);
  const info = resolveResource(type);
  if (!info) return { ok: false, message: `error: the server doesn't have a resource type "${type}"` };
  if (info.kind === "Pod") return { ok: true, pod: name };
  const obj = getObject(ctx.state, info.kind, ctx.namespace, name);
  const resource = `${info.plural}${info.group ? `.${info.group}` : ""}`;
  if (!obj) return { ok: false, message: `Error from server (NotFound): ${resource} "${name}" not found` };
  const selector = selectorOf(obj);
  if (!selector)
    return {
      ok: false,
      message: `error: cannot attach to *v1.${info.kind}: selector for ${info.kind} not implemented`,
    };
  const pods = listObjects<Pod>(ctx.state, "Pod", ctx.namespace).filter((p) =>
    selectorMatches(selector, p.metadata.labels),
  );
  const first = [...pods].sort(purpose === "logs" ? byLogging : moreActiveFirst)[0];
  if (!first) return { ok: false, message: "error: timed out waiting for the condition" };
  return { ok: true, pod: first.metadata.name, among: pods.length };
}

function selectorOf(obj: KubeObject): { matchLabels?: Record<string, string> } | undefined {
  const spec = obj.spec as { selector?: unknown } | undefined;
  if (obj.kind === "Service") {
    const s = spec?.selector as Record<string, string> | undefined;
    return s ? { matchLabels: s } : undefined;
  }
  return spec?.selector as { matchLabels?: Record<string, string> } | undefined;
}

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function moreActiveFirst(a: Pod, b: Pod): number {
  return compareKeys(a, b, false);
}

/** podutils.ByLogging: as above, and a pod whose containers restarted more comes first. */
function byLogging(a: Pod, b: Pod): number {
  return compareKeys(a, b, true);
}

function compareKeys(a: Pod, b: Pod, restarts: boolean): number {
  const key = (p: Pod) => [
    p.spec.nodeName ? 1 : 0,
    PHASE_RANK[p.status.phase] ?? 0,
    p.status.conditions?.some((c) => c.type === "Ready" && c.status === "True") ? 1 : 0,
    restarts ? Math.max(0, ...(p.status.containerStatuses ?? []).map((c) => c.restartCount)) : 0,
  ];
  const ka = key(a);
  const kb = key(b);
  for (let i = 0; i < ka.length; i++) if ((ka[i] ?? 0) !== (kb[i] ?? 0)) return (kb[i] ?? 0) - (ka[i] ?? 0);
  return (
    a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp) ||
    a.metadata.name.localeCompare(b.metadata.name)
  );
}
