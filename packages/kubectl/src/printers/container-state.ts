// Normalised access to core/v1 ContainerState, whose engine type is a union of one-key objects.
import type { ContainerStatus } from "@kubejam/engine";

export interface WaitingState {
  reason?: string;
  message?: string;
}

export interface RunningState {
  startedAt?: string;
}

export interface TerminatedState {
  exitCode: number;
  signal?: number;
  reason?: string;
  message?: string;
  startedAt?: string;
  finishedAt?: string;
  containerID?: string;
}

export interface ContainerStateView {
  waiting?: WaitingState;
  running?: RunningState;
  terminated?: TerminatedState;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

/** Reads `state` / `lastState` whatever their exact shape (`{}` means no state). */
export function stateView(state: unknown): ContainerStateView {
  const s = asRecord(state);
  if (s === undefined) return {};
  const view: ContainerStateView = {};
  const waiting = asRecord(s.waiting);
  if (waiting !== undefined) view.waiting = { reason: str(waiting.reason), message: str(waiting.message) };
  const running = asRecord(s.running);
  if (running !== undefined) view.running = { startedAt: str(running.startedAt) };
  const terminated = asRecord(s.terminated);
  if (terminated !== undefined) {
    view.terminated = {
      exitCode: num(terminated.exitCode) ?? 0,
      signal: num(terminated.signal),
      reason: str(terminated.reason),
      message: str(terminated.message),
      startedAt: str(terminated.startedAt),
      finishedAt: str(terminated.finishedAt),
      containerID: str(terminated.containerID),
    };
  }
  return view;
}

/** The container statuses kubectl reads; `initContainerStatuses` is not in the engine's PodStatus yet. */
export interface PodStatusView {
  phase?: string;
  reason?: string;
  message?: string;
  nominatedNodeName?: string;
  hostIP?: string;
  podIP?: string;
  podIPs?: { ip: string }[];
  startTime?: string;
  qosClass?: string;
  conditions?: { type: string; status: string; reason?: string; message?: string }[];
  containerStatuses?: ContainerStatus[];
  initContainerStatuses?: ContainerStatus[];
}
