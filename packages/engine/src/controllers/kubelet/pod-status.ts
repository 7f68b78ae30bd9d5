import type { Node } from "../../api/cluster-kinds";
import type { Container, ContainerState, ContainerStatus, Pod, PodCondition, PodStatus } from "../../api/pod";
import type { ImageInfo } from "../../images/image-info";
import { rfc3339 } from "../../runtime/time";
import type { ContainerRuntime, PodRuntime, TerminatedState } from "./pod-runtime";

/** The status a kubelet reports for a pod (pkg/kubelet/kubelet_pods.go generateAPIPodStatus). */
export function podStatusFrom(
  pod: Pod,
  rt: PodRuntime,
  node: Node | undefined,
  now: string,
  image: (c: Container) => ImageInfo | undefined,
): PodStatus {
  const statuses: ContainerStatus[] = rt.containers.map((c, i) =>
    containerStatus(c, pod.spec.containers[i], image),
  );
  statuses.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)); // kubetypes.SortedContainerStatuses
  const phase = podPhase(pod, rt);
  const notReady = rt.containers.filter((c) => !c.ready).map((c) => c.name);
  const prev = pod.status.conditions ?? [];
  const cond = (type: PodCondition["type"], ok: boolean, reason?: string, message?: string): PodCondition => {
    const status = ok ? "True" : "False";
    const p = prev.find((c) => c.type === type);
    // Unchanged: the same object, so the status comparison and the stored state share it.
    if (p && p.status === status && p.reason === reason && p.message === message && p.lastProbeTime === null)
      return p;
    const lastTransitionTime = p && p.status === status ? p.lastTransitionTime : now;
    return {
      type,
      status,
      lastProbeTime: null,
      lastTransitionTime,
      ...(reason ? { reason } : {}),
      ...(message ? { message } : {}),
    };
  };
  const completed = phase === "Succeeded" || phase === "Failed";
  const readyReason = completed ? "PodCompleted" : "ContainersNotReady";
  const readyMessage = completed ? undefined : `containers with unready status: [${notReady.join(" ")}]`;
  const allReady = notReady.length === 0 && !completed;
  const hostIP = node?.status.addresses.find((a) => a.type === "InternalIP")?.address ?? "";
  const scheduled = prev.find((c) => c.type === "PodScheduled");
  return {
    phase,
    conditions: [
      cond("PodReadyToStartContainers", !completed && rt.ip !== ""),
      cond("Initialized", true),
      allReady ? cond("Ready", true) : cond("Ready", false, readyReason, readyMessage),
      allReady ? cond("ContainersReady", true) : cond("ContainersReady", false, readyReason, readyMessage),
      scheduled ?? cond("PodScheduled", true),
    ],
    hostIP,
    hostIPs: sameIp(pod.status.hostIPs, hostIP) ?? [{ ip: hostIP }],
    // No sandbox yet (volumes still being set up): no pod IP.
    ...(rt.ip ? { podIP: rt.ip, podIPs: sameIp(pod.status.podIPs, rt.ip) ?? [{ ip: rt.ip }] } : {}),
    startTime: pod.status.startTime ?? now,
    containerStatuses: statuses,
    qosClass: pod.status.qosClass ?? "BestEffort",
  };
}

/** The pod's list of one IP when it already is `[{ ip }]`. */
function sameIp<T extends { ip: string }>(ips: readonly T[] | undefined, ip: string): T[] | undefined {
  return ips?.length === 1 && ips[0]?.ip === ip && Object.keys(ips[0]).length === 1
    ? (ips as T[])
    : undefined;
}

function podPhase(pod: Pod, rt: PodRuntime): PodStatus["phase"] {
  if (rt.containers.some((c) => c.containerId === undefined)) return "Pending";
  const policy = pod.spec.restartPolicy ?? "Always";
  if (policy === "Always") return "Running";
  if (rt.containers.every((c) => c.phase === "exited")) {
    return rt.containers.every((c) => c.terminated?.exitCode === 0) ? "Succeeded" : "Failed";
  }
  return "Running";
}

function terminatedState(t: TerminatedState): ContainerState {
  return {
    terminated: {
      exitCode: t.exitCode,
      reason: t.reason,
      ...(t.message ? { message: t.message } : {}),
      startedAt: rfc3339(t.startedAt),
      finishedAt: rfc3339(t.finishedAt),
      containerID: `containerd://${t.containerId}`,
    },
  };
}

function containerStatus(
  c: ContainerRuntime,
  spec: Container | undefined,
  image: (c: Container) => ImageInfo | undefined,
): ContainerStatus {
  const info = spec ? image(spec) : undefined;
  let state: ContainerState;
  if (c.phase === "running") state = { running: { startedAt: rfc3339(c.startedAt ?? 0) } };
  else if (c.phase === "exited" && c.terminated) state = terminatedState(c.terminated);
  else
    state = {
      waiting: { reason: c.reason ?? "ContainerCreating", ...(c.message ? { message: c.message } : {}) },
    };
  return {
    name: c.name,
    image: info?.canonical ?? spec?.image ?? "",
    imageID: c.containerId && info ? info.imageId : "",
    ...(c.containerId ? { containerID: `containerd://${c.containerId}` } : {}),
    ready: c.ready,
    started: c.phase === "running",
    restartCount: c.restarts,
    state,
    lastState: c.last ? terminatedState(c.last) : {},
  };
}
