import type { Node } from "../../api/cluster-kinds";
import type { Container, ContainerStatus, Pod } from "../../api/pod";
import type { Service } from "../../api/service";
import { Component, Messages, Reason } from "../../events/reasons";
import { lookupImage } from "../../images/catalog";
import { parseImageRef } from "../../images/image-ref";
import { ClusterNetwork } from "../../network/cluster-network";
import { PodNetwork } from "../../network/pod-network";
import { SECOND } from "../../runtime/time";
import { startProcess } from "../../shell/exec";
import { sameJson } from "../../store/equal";
import { objectKey } from "../../store/object-key";
import type { Tx } from "../../store/tx";
import { containerArgv, layerId, shellEnv } from "./container-env";
import { resolveEnvSources } from "./env-sources";
import { writeEtcFiles } from "./etc-files";
import { allocatePodIp } from "./ipam";
import { type ContainerRuntime, earliestTimer, type PodRuntime, type TerminatedState } from "./pod-runtime";
import { podStatusFrom } from "./pod-status";
import { releasePod } from "./release-pod";
import { serviceEnvVarsOf, servicesForPod } from "./service-env";
import { refreshVolumeSources } from "./volume-refresh";
import { MOUNT_TIMEOUT_MS, setUpVolumes } from "./volume-setup";

const MAX_BACKOFF = 300 * SECOND; // pkg/kubelet/kubelet.go MaxContainerBackOff
const INITIAL_BACKOFF = 10 * SECOND;
const FAILED_PULL_MS = 1200;
/** A pod whose sync failed is synced again after the pod workers' back-off (pod_workers.go backOffPeriod). */
const CONFIG_RETRY_MS = 10 * SECOND;

/** The kubelets of every node: sandboxes, image pulls, container starts, restarts, stops. */
export function reconcileKubelet(tx: Tx): void {
  refreshVolumeSources(tx);
  for (const pod of tx.list<Pod>("Pod")) {
    const nodeName = pod.spec.nodeName;
    if (!nodeName) continue;
    const key = objectKey("Pod", pod.metadata.namespace, pod.metadata.name);
    let rt = tx.kubelet[key];
    if (pod.metadata.deletionTimestamp) {
      stopPod(tx, pod, key, rt);
      continue;
    }
    if (!rt) {
      const node = tx.get<Node>("Node", undefined, nodeName);
      if (!node) continue;
      rt = createSandbox(tx, pod, node, key);
      if (!rt) continue;
    } else if (rt.blockedBy) {
      rt = retryVolumes(tx, pod, key, rt);
      if (!rt) continue;
    } else if ((rt.wake === undefined || rt.wake > tx.clock) && !imageChanged(pod, rt)) continue;
    syncPod(tx, pod, key, rt);
  }
}

/**
 * The pod's spec names another image than a running container started from (`kubectl set image`), or
 * than a failed pull was for.
 */
function imageChanged(pod: Pod, rt: PodRuntime): boolean {
  const containers = pod.spec.containers;
  for (let i = 0; i < containers.length; i++) {
    const c = rt.containers[i];
    const image = containers[i]?.image;
    if (c?.phase === "running" && c.image !== undefined && c.image !== image) return true;
    if (c !== undefined && pullFailedFor(c, image)) return true;
  }
  return false;
}

/** A pull that failed, for another image than `image`: the new image is pulled without waiting. */
function pullFailedFor(c: ContainerRuntime, image: string | undefined): boolean {
  return (
    (c.phase === "pull-backoff" || c.phase === "blocked") &&
    c.pullImage !== undefined &&
    c.pullImage !== image
  );
}

function createSandbox(tx: Tx, pod: Pod, node: Node, key: string): PodRuntime | undefined {
  const setup = setUpVolumes(tx, pod, node);
  const blockedBy = setup.ok ? undefined : setup.blockedBy;
  // The kubelet mounts volumes before it creates the sandbox: a pod still waiting for them has no IP.
  const ip = setup.ok ? allocatePodIp(tx, node, key) : "";
  if (ip === undefined || (setup.ok && !ip)) return undefined;
  if (ip) writeEtcFiles(tx, new ClusterNetwork(tx), pod, node, ip);
  const containers: ContainerRuntime[] = pod.spec.containers.map((c) => ({
    name: c.name,
    phase: "waiting",
    reason: "ContainerCreating",
    restarts: 0,
    pullFailures: 0,
    listens: [],
    ready: false,
    stopMs: 0,
    logs: "",
  }));
  const rt: PodRuntime = {
    uid: pod.metadata.uid,
    node: node.metadata.name,
    ip,
    containers,
    cursor: 0,
    wake: blockedBy ? tx.clock + MOUNT_TIMEOUT_MS : tx.clock,
    ...(setup.ok
      ? { volumes: setup.volumes }
      : { blockedBy: setup.blockedBy, mountDeadline: tx.clock + MOUNT_TIMEOUT_MS }),
  };
  tx.setKubelet(key, rt);
  // A pod that can go on is synced at once, and that writes its status (IP, ContainerCreating, or
  // already Running): one write, not two in the same instant.
  if (blockedBy) writeStatus(tx, pod, rt);
  return rt;
}

/** A pod waiting for its volumes: set them up once ready, else report FailedMount when the wait times out. */
function retryVolumes(tx: Tx, pod: Pod, key: string, rt: PodRuntime): PodRuntime | undefined {
  const node = tx.get<Node>("Node", undefined, rt.node);
  if (!node) return undefined;
  const setup = setUpVolumes(tx, pod, node);
  if (setup.ok) {
    const ip = rt.ip || allocatePodIp(tx, node, key);
    if (!ip) return undefined;
    if (!rt.ip) writeEtcFiles(tx, new ClusterNetwork(tx), pod, node, ip);
    const { blockedBy: _b, mountDeadline: _m, ...rest } = rt;
    const next: PodRuntime = { ...rest, ip, volumes: setup.volumes, wake: tx.clock };
    tx.setKubelet(key, next);
    return next;
  }
  if (rt.mountDeadline !== undefined && rt.mountDeadline <= tx.clock) {
    const names = (pod.spec.volumes ?? [])
      .map((v) => v.name)
      .filter((n) => !n.startsWith("kube-api-access-"));
    const unattached = setup.unattached;
    const unmounted = names.filter((n) => unattached.includes(n) || n === setup.blockedBy);
    tx.event(pod, "Warning", Reason.FailedMount, Messages.mountTimeout(unmounted, unattached), {
      component: Component.kubelet,
      host: rt.node,
    });
    const deadline = tx.clock + MOUNT_TIMEOUT_MS;
    tx.setKubelet(key, { ...rt, mountDeadline: deadline, wake: deadline });
  }
  return undefined;
}

/** Advances every container whose timer is due, in order, then writes the pod's status once. */
function syncPod(tx: Tx, pod: Pod, key: string, start: PodRuntime): void {
  if (start.blockedBy) return;
  const rt: PodRuntime = { ...start, containers: start.containers.map((c) => ({ ...c })) };
  const now = tx.clock;
  for (let i = 0; i < rt.containers.length; i++) {
    const c = rt.containers[i];
    const spec = pod.spec.containers[i];
    if (!c || !spec) continue;
    if (c.phase === "waiting" && i === rt.cursor) {
      beginPull(tx, pod, rt, c, spec);
    } else if (pullFailedFor(c, spec.image)) {
      c.pullFailures = 0;
      beginPull(tx, pod, rt, c, spec);
    } else if (c.phase === "pulling" && (c.until ?? 0) <= now) {
      finishPull(tx, pod, rt, c, spec);
    } else if (c.phase === "pull-backoff" && (c.until ?? 0) <= now) {
      if (c.reason === "ErrImagePull") {
        const delay = Math.min(INITIAL_BACKOFF * 2 ** Math.max(0, c.pullFailures - 1), MAX_BACKOFF);
        tx.event(
          pod,
          "Normal",
          Reason.BackOff,
          Messages.backOffPull(spec.image ?? ""),
          kubelet(rt),
          field(spec),
        );
        tx.event(pod, "Warning", Reason.Failed, "Error: ImagePullBackOff", kubelet(rt), field(spec));
        Object.assign(c, {
          reason: "ImagePullBackOff",
          message: Messages.backOffPull(spec.image ?? ""),
          until: now + delay,
        });
      } else beginPull(tx, pod, rt, c, spec);
    } else if (c.phase === "running" && c.image !== undefined && c.image !== spec.image) {
      restartChanged(tx, pod, rt, c, spec);
    } else if (c.phase === "running" && c.exitAt !== undefined && c.exitAt <= now) {
      containerExited(tx, pod, rt, c, spec, c.exitCode ?? 0, c.exitCode === 0 ? "Completed" : "Error");
    } else if (c.phase === "config-error" && (c.until ?? 0) <= now) {
      // The pod worker syncs again after its back-off: the image is there, the variables tried anew.
      beginPull(tx, pod, rt, c, spec);
    } else if (c.phase === "crash-backoff" && (c.until ?? 0) <= now) {
      c.restarts += 1;
      beginPull(tx, pod, rt, c, spec);
    }
  }
  rt.wake = earliestTimer(rt);
  tx.setKubelet(key, rt);
  writeStatus(tx, pod, rt);
}

const kubelet = (rt: PodRuntime) => ({ component: Component.kubelet, host: rt.node });
const field = (c: Container) => `spec.containers{${c.name}}`;

function beginPull(tx: Tx, pod: Pod, rt: PodRuntime, c: ContainerRuntime, spec: Container): void {
  const image = spec.image ?? "";
  c.pullImage = spec.image;
  const node = tx.get<Node>("Node", undefined, rt.node);
  const info = lookupImage(image);
  const ref = parseImageRef(image);
  if (!ref.ok) {
    tx.event(
      pod,
      "Warning",
      "InspectFailed",
      `Failed to apply default image tag "${image}": ${ref.message}`,
      kubelet(rt),
      field(spec),
    );
    tx.event(pod, "Warning", Reason.Failed, "Error: InvalidImageName", kubelet(rt), field(spec));
    Object.assign(c, {
      phase: "blocked",
      reason: "InvalidImageName",
      message: `Failed to apply default image tag "${image}": ${ref.message}`,
      until: undefined,
    });
    advanceCursor(rt, c);
    return;
  }
  const present = info && node?.status.images.some((i) => i.names.includes(info.imageId));
  const policy = spec.imagePullPolicy ?? "IfNotPresent";
  if (info && present && policy !== "Always") {
    tx.event(pod, "Normal", Reason.Pulled, Messages.alreadyPresent(image), kubelet(rt), field(spec));
    startContainer(tx, pod, rt, c, spec);
    return;
  }
  if (policy === "Never") {
    const msg = `Container image "${image}" is not present with pull policy of Never`;
    tx.event(pod, "Warning", "ErrImageNeverPull", msg, kubelet(rt), field(spec));
    Object.assign(c, { phase: "blocked", reason: "ErrImageNeverPull", message: msg, until: undefined });
    advanceCursor(rt, c);
    return;
  }
  tx.event(pod, "Normal", Reason.Pulling, Messages.pulling(image), kubelet(rt), field(spec));
  if (!info) {
    const canonical = ref.ref.canonical;
    const msg = `Failed to pull image "${image}": failed to pull and unpack image "${canonical}": failed to resolve reference "${canonical}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
    c.pullFailures += 1;
    tx.event(pod, "Warning", Reason.Failed, msg, kubelet(rt), field(spec));
    tx.event(pod, "Warning", Reason.Failed, "Error: ErrImagePull", kubelet(rt), field(spec));
    Object.assign(c, {
      phase: "pull-backoff",
      reason: "ErrImagePull",
      message: msg,
      until: tx.clock + FAILED_PULL_MS,
    });
    advanceCursor(rt, c);
    return;
  }
  // A cached image (Always policy) only checks the registry: a fraction of a second.
  const ms = present ? 300 + (info.pullMs % 500) : info.pullMs;
  Object.assign(c, { phase: "pulling", until: tx.clock + ms });
}

function finishPull(tx: Tx, pod: Pod, rt: PodRuntime, c: ContainerRuntime, spec: Container): void {
  const info = lookupImage(spec.image ?? "");
  const node = tx.get<Node>("Node", undefined, rt.node);
  if (!info || !node) return;
  const present = node.status.images.some((i) => i.names.includes(info.imageId));
  const ms = present ? 300 + (info.pullMs % 500) : info.pullMs;
  tx.event(
    pod,
    "Normal",
    Reason.Pulled,
    Messages.pulled(spec.image ?? "", goDuration(ms), info.sizeBytes),
    kubelet(rt),
    field(spec),
  );
  if (!present) {
    tx.update<Node>({
      ...node,
      status: {
        ...node.status,
        images: [...node.status.images, { names: [info.imageId, info.canonical], sizeBytes: info.sizeBytes }],
      },
    });
  }
  startContainer(tx, pod, rt, c, spec);
}

function startContainer(tx: Tx, pod: Pod, rt: PodRuntime, c: ContainerRuntime, spec: Container): void {
  const info = lookupImage(spec.image ?? "");
  if (!info) return;
  const now = tx.clock;
  // The container's configuration comes first: without its variables it is not created.
  const sources = resolveEnvSources(tx, pod, spec, rt.ip);
  if (!sources.ok) {
    tx.event(pod, "Warning", Reason.Failed, `Error: ${sources.message}`, kubelet(rt), field(spec));
    Object.assign(c, {
      phase: "config-error",
      reason: "CreateContainerConfigError",
      message: sources.message,
      until: now + CONFIG_RETRY_MS,
    });
    advanceCursor(rt, c);
    return;
  }
  const containerId = tx.ids.hex(64);
  if (c.containerId) {
    c.previousLogs = c.logs;
    tx.setFs(layerId(pod.metadata.uid, spec.name), undefined); // a new container gets a new writable layer
  }
  tx.event(pod, "Normal", Reason.Created, Messages.created(spec.name), kubelet(rt), field(spec));
  const links = serviceEnvVarsOf(
    servicesForPod(
      tx.list<Service>("Service"),
      pod.metadata.namespace ?? "default",
      pod.spec.enableServiceLinks !== false,
    ),
  );
  c.links = links;
  c.sources = sources.env;
  const env = shellEnv(
    links,
    tx.fs,
    pod,
    spec,
    info,
    PodNetwork.forTx(tx, pod),
    now,
    rt.volumes,
    sources.env,
  );
  env.portsInUse = portsHeldByOthers(rt, c);
  const outcome = startProcess(containerArgv(spec, info), env);
  const changes = env.fs.changes();
  tx.setFs(layerId(pod.metadata.uid, spec.name), changes.upper);
  for (const [id, node] of Object.entries(changes.volumes)) tx.setFs(id, node);
  Object.assign(c, {
    containerId,
    image: spec.image,
    startedAt: now,
    until: undefined,
    reason: undefined,
    message: undefined,
    terminated: undefined,
  });
  if (outcome.kind === "start-error") {
    tx.event(pod, "Warning", Reason.Failed, `Error: ${outcome.message}`, kubelet(rt), field(spec));
    c.logs = "";
    containerExited(tx, pod, rt, c, spec, 128, "StartError", outcome.message);
    advanceCursor(rt, c);
    return;
  }
  tx.event(pod, "Normal", Reason.Started, Messages.started(spec.name), kubelet(rt), field(spec));
  c.logs = outcome.logs;
  c.phase = "running";
  if (outcome.kind === "running") {
    Object.assign(c, {
      listens: outcome.listens,
      exitAt: undefined,
      exitCode: undefined,
      stopMs: outcome.listens.length > 0 ? SECOND : (pod.spec.terminationGracePeriodSeconds ?? 30) * SECOND,
    });
  } else {
    Object.assign(c, {
      listens: [],
      exitAt: now + outcome.afterMs,
      exitCode: outcome.exitCode,
      stopMs: SECOND,
    });
  }
  c.ready = !spec.readinessProbe || probePasses(spec, rt);
  advanceCursor(rt, c);
}

// The pod's containers share one network namespace: the ports its other running containers hold.
function portsHeldByOthers(rt: PodRuntime, self: ContainerRuntime): number[] {
  return rt.containers.flatMap((c) =>
    c !== self && c.phase === "running" ? c.listens.map((l) => l.port) : [],
  );
}

// A readiness probe passes when its port has a listener in the pod (shared network namespace).
function probePasses(spec: Container, rt: PodRuntime): boolean {
  const probe = spec.readinessProbe;
  const port = probe?.httpGet?.port ?? probe?.tcpSocket?.port;
  if (port === undefined) return true;
  const number = typeof port === "number" ? port : spec.ports?.find((p) => p.name === port)?.containerPort;
  return rt.containers.some((c) => c.phase === "running" && c.listens.some((l) => l.port === number));
}

/** The container's terminated state as of now. */
function terminatedNow(
  tx: Tx,
  c: ContainerRuntime,
  exitCode: number,
  reason: string,
  message?: string,
): TerminatedState {
  return {
    exitCode,
    reason,
    startedAt: c.startedAt ?? tx.clock,
    finishedAt: tx.clock,
    containerId: c.containerId ?? "",
    ...(message ? { message } : {}),
  };
}

function containerExited(
  tx: Tx,
  pod: Pod,
  rt: PodRuntime,
  c: ContainerRuntime,
  spec: Container,
  exitCode: number,
  reason: string,
  message?: string,
): void {
  const now = tx.clock;
  const terminated = terminatedNow(tx, c, exitCode, reason, message);
  const policy = pod.spec.restartPolicy ?? "Always";
  const restart = policy === "Always" || (policy === "OnFailure" && exitCode !== 0);
  Object.assign(c, { listens: [], ready: false, exitAt: undefined });
  if (!restart) {
    Object.assign(c, { phase: "exited", terminated, until: undefined });
    return;
  }
  c.last = terminated;
  // Back-off doubles from 10s up to 5m; the first restart is immediate (pkg/kubelet/kuberuntime doBackOff).
  const delay = c.restarts === 0 ? 0 : Math.min(INITIAL_BACKOFF * 2 ** (c.restarts - 1), MAX_BACKOFF);
  const uid = pod.metadata.uid;
  const ns = pod.metadata.namespace ?? "default";
  if (delay > 0)
    tx.event(
      pod,
      "Warning",
      Reason.BackOff,
      Messages.backOffRestart(spec.name, pod.metadata.name, ns, uid),
      kubelet(rt),
      field(spec),
    );
  Object.assign(c, {
    phase: "crash-backoff",
    terminated: undefined,
    until: now + delay,
    reason: delay > 0 ? "CrashLoopBackOff" : undefined,
    message:
      delay > 0
        ? Messages.crashLoopMessage(goDuration(delay), spec.name, pod.metadata.name, ns, uid)
        : undefined,
  });
  if (delay === 0) {
    c.restarts += 1;
    // Every start, the first restart too, goes through the image check: "already present on machine".
    beginPull(tx, pod, rt, c, spec);
  }
}

/**
 * A running container whose image changed in the pod's spec (`kubectl set image pod/…`): the kubelet
 * stops it and starts a new container from the new image, counted as a restart.
 */
function restartChanged(tx: Tx, pod: Pod, rt: PodRuntime, c: ContainerRuntime, spec: Container): void {
  tx.event(pod, "Normal", Reason.Killing, Messages.definitionChanged(spec.name), kubelet(rt), field(spec));
  // A server stops on SIGTERM; anything else is killed when the grace period ends.
  const exitCode = c.listens.length > 0 ? 0 : 137;
  c.last = terminatedNow(tx, c, exitCode, exitCode === 0 ? "Completed" : "Error");
  Object.assign(c, {
    listens: [],
    ready: false,
    exitAt: undefined,
    exitCode: undefined,
    terminated: undefined,
  });
  c.restarts += 1;
  beginPull(tx, pod, rt, c, spec);
}

function advanceCursor(rt: PodRuntime, c: ContainerRuntime): void {
  const i = rt.containers.indexOf(c);
  if (i === rt.cursor) rt.cursor = i + 1;
}

/** Graceful stop: Killing events, then after the slowest container stops, the pod is gone. */
function stopPod(tx: Tx, pod: Pod, key: string, rt: PodRuntime | undefined): void {
  if (!rt) {
    releasePod(tx, pod);
    return;
  }
  if (rt.stoppingUntil === undefined) {
    let slowest = 0;
    rt.containers.forEach((c, i) => {
      const spec = pod.spec.containers[i];
      if (c.phase !== "running" || !spec) return;
      tx.event(pod, "Normal", Reason.Killing, Messages.killing(c.name), kubelet(rt), field(spec));
      slowest = Math.max(slowest, c.stopMs);
    });
    const grace = (pod.metadata.deletionGracePeriodSeconds ?? 30) * SECOND;
    const next = { ...rt, stoppingUntil: tx.clock + Math.min(slowest, grace) };
    next.wake = earliestTimer(next);
    tx.setKubelet(key, next);
    return;
  }
  if (rt.stoppingUntil <= tx.clock) releasePod(tx, pod);
}

function writeStatus(tx: Tx, pod: Pod, rt: PodRuntime): void {
  const live = tx.get<Pod>("Pod", pod.metadata.namespace, pod.metadata.name) ?? pod;
  const node = tx.get<Node>("Node", undefined, rt.node);
  const status = podStatusFrom(live, rt, node, tx.now(), (c: Container) => lookupImage(c.image ?? ""));
  if (!sameJson(status, live.status)) tx.update<Pod>({ ...live, status });
}

/** Go's time.Duration.String for the durations the kubelet prints (`512ms`, `3.954s`, `1m20s`). */
export function goDuration(ms: number): string {
  if (ms < SECOND) return `${ms}ms`;
  if (ms < 60 * SECOND) return `${Number((ms / SECOND).toFixed(3))}s`;
  const m = Math.floor(ms / 60000);
  const s = Number(((ms % 60000) / SECOND).toFixed(3));
  return `${m}m${s}s`;
}

export type { ContainerStatus };
