import type { Pod } from "../api/pod";
import { objectKey } from "../store/object-key";
import type { ClusterState } from "../store/state";

export interface LogsRequest {
  namespace?: string;
  pod: string;
  container?: string;
  previous?: boolean;
}

export type LogsOutcome =
  | { ok: true; text: string; defaultedContainer?: string }
  | { ok: false; message: string };

/** `kubectl logs`: what the container's process printed (the previous instance's with `-p`). */
export function podLogs(state: ClusterState, req: LogsRequest): LogsOutcome {
  const ns = req.namespace ?? "default";
  const key = objectKey("Pod", ns, req.pod);
  const pod = state.objects[key] as Pod | undefined;
  if (!pod) return { ok: false, message: `Error from server (NotFound): pods "${req.pod}" not found` };
  const name = req.container ?? pod.spec.containers[0]?.name ?? "";
  const index = pod.spec.containers.findIndex((c) => c.name === name);
  if (index === -1) {
    return { ok: false, message: `error: container ${name} is not valid for pod ${req.pod}` };
  }
  const c = state.kubelet[key]?.containers[index];
  const defaulted = !req.container && pod.spec.containers.length > 1 ? name : undefined;
  if (req.previous) {
    if (c?.previousLogs === undefined) {
      return {
        ok: false,
        message: `Error from server (BadRequest): previous terminated container "${name}" in pod "${req.pod}" not found`,
      };
    }
    return { ok: true, text: c.previousLogs, ...(defaulted ? { defaultedContainer: defaulted } : {}) };
  }
  if (!c?.containerId) {
    const reason = c?.reason ?? "ContainerCreating";
    const tail =
      reason === "ErrImagePull" || reason === "ImagePullBackOff"
        ? "trying and failing to pull image"
        : reason;
    return {
      ok: false,
      message: `Error from server (BadRequest): container "${name}" in pod "${req.pod}" is waiting to start: ${tail}`,
    };
  }
  return { ok: true, text: c.logs, ...(defaulted ? { defaultedContainer: defaulted } : {}) };
}
