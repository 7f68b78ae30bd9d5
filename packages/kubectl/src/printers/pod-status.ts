// READY, STATUS and RESTARTS of `kubectl get pods`, as printPod computes them in kubectl 1.33
// (pkg/printers/internalversion/printers.go: printPod, before the 1.35 errorReason change of PR #124766).
import type { Pod } from "@kubejam/engine";
import { humanDuration, parseTimestamp } from "./age";
import { type PodStatusView, stateView } from "./container-state";

export interface PodSummary {
  ready: string;
  status: string;
  restarts: string;
}

// pkg/util/node/node.go: NodeUnreachablePodReason
const NODE_UNREACHABLE_POD_REASON = "NodeLost";

// pkg/api/pod/util.go: IsRestartableInitContainer (a sidecar: restartPolicy Always)
function isRestartable(container: { restartPolicy?: string } | undefined): boolean {
  return container?.restartPolicy === "Always";
}

function conditionTrue(status: PodStatusView, type: string): boolean {
  for (const c of status.conditions ?? []) {
    if (c.type === type) return c.status === "True";
  }
  return false;
}

// printers.go: hasPodReadyCondition
function hasPodReadyCondition(status: PodStatusView): boolean {
  return (status.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
}

/** The READY, STATUS and RESTARTS cells of one pod at virtual time `now`. */
export function podSummary(pod: Pod, now: number): PodSummary {
  const status: PodStatusView = pod.status ?? {};
  const spec = pod.spec;
  let restarts = 0;
  let restartableInitContainerRestarts = 0;
  let totalContainers = spec.containers.length;
  let readyContainers = 0;
  let lastRestartDate = Number.NEGATIVE_INFINITY;
  let lastRestartableInitContainerRestartDate = Number.NEGATIVE_INFINITY;

  const podPhase = status.phase ?? "";
  let reason = podPhase;
  if (status.reason !== undefined && status.reason !== "") reason = status.reason;

  // If the Pod carries {type:PodScheduled, reason:SchedulingGated}, set reason to 'SchedulingGated'.
  for (const c of status.conditions ?? []) {
    if (c.type === "PodScheduled" && c.reason === "SchedulingGated") reason = "SchedulingGated";
  }

  const initContainers = new Map<string, { restartPolicy?: string }>();
  for (const c of spec.initContainers ?? []) {
    initContainers.set(c.name, c);
    if (isRestartable(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const container = initStatuses[i];
    if (container === undefined) continue;
    const state = stateView(container.state);
    const last = stateView(container.lastState);
    restarts += container.restartCount;
    const lastFinished = parseTimestamp(last.terminated?.finishedAt) ?? Number.NEGATIVE_INFINITY;
    if (last.terminated !== undefined && lastFinished > lastRestartDate) lastRestartDate = lastFinished;
    const restartable = isRestartable(initContainers.get(container.name));
    if (restartable) {
      restartableInitContainerRestarts += container.restartCount;
      if (last.terminated !== undefined && lastFinished > lastRestartableInitContainerRestartDate) {
        lastRestartableInitContainerRestartDate = lastFinished;
      }
    }
    if (state.terminated !== undefined && state.terminated.exitCode === 0) continue;
    if (restartable && container.started) {
      if (container.ready) readyContainers++;
      continue;
    }
    if (state.terminated !== undefined) {
      // initialization is failed
      const t = state.terminated;
      if (t.reason === undefined || t.reason === "") {
        reason =
          t.signal !== undefined && t.signal !== 0
            ? `Init:Signal:${t.signal}`
            : `Init:ExitCode:${t.exitCode}`;
      } else {
        reason = `Init:${t.reason}`;
      }
    } else if (
      state.waiting?.reason !== undefined &&
      state.waiting.reason !== "" &&
      state.waiting.reason !== "PodInitializing"
    ) {
      reason = `Init:${state.waiting.reason}`;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(status, "Initialized")) {
    restarts = restartableInitContainerRestarts;
    lastRestartDate = lastRestartableInitContainerRestartDate;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i];
      if (container === undefined) continue;
      const state = stateView(container.state);
      const last = stateView(container.lastState);
      restarts += container.restartCount;
      const lastFinished = parseTimestamp(last.terminated?.finishedAt) ?? Number.NEGATIVE_INFINITY;
      if (last.terminated !== undefined && lastFinished > lastRestartDate) lastRestartDate = lastFinished;
      if (state.waiting?.reason !== undefined && state.waiting.reason !== "") {
        reason = state.waiting.reason;
      } else if (
        state.terminated !== undefined &&
        state.terminated.reason !== undefined &&
        state.terminated.reason !== ""
      ) {
        reason = state.terminated.reason;
      } else if (state.terminated !== undefined) {
        const t = state.terminated;
        reason = t.signal !== undefined && t.signal !== 0 ? `Signal:${t.signal}` : `ExitCode:${t.exitCode}`;
      } else if (container.ready && state.running !== undefined) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // change pod status back to "Running" if there is at least one container still reporting as "Running" status
    if (reason === "Completed" && hasRunning) {
      reason = hasPodReadyCondition(status) ? "Running" : "NotReady";
    }
  }

  const deleting = pod.metadata.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== "";
  if (deleting && status.reason === NODE_UNREACHABLE_POD_REASON) {
    reason = "Unknown";
  } else if (deleting && podPhase !== "Succeeded" && podPhase !== "Failed") {
    // pkg/api/v1/pod/util.go: IsPodPhaseTerminal
    reason = "Terminating";
  }

  let restartsText = String(restarts);
  if (restarts !== 0 && lastRestartDate !== Number.NEGATIVE_INFINITY) {
    restartsText = `${restarts} (${humanDuration(now - lastRestartDate)} ago)`;
  }

  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsText };
}
