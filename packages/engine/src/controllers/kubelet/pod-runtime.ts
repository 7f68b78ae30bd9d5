import type { Listener } from "../../shell/types";
import type { ResolvedEnv } from "./env-sources";
import type { ResolvedVolume } from "./volume-setup";

/** What a kubelet knows about one container beyond what it reports in the pod's status. */
export interface ContainerRuntime {
  name: string;
  /**
   * waiting: not yet started; pulling/pull-backoff: image; config-error: its environment cannot be made
   * (a missing ConfigMap, Secret or key), tried again at `until`; running; crash-backoff: waiting to
   * restart; exited: for good.
   */
  phase:
    | "waiting"
    | "pulling"
    | "pull-backoff"
    | "config-error"
    | "running"
    | "crash-backoff"
    | "exited"
    | "blocked";
  /** When the current phase ends (a timer), ms of virtual time. */
  until?: number;
  reason?: string;
  message?: string;
  restarts: number;
  pullFailures: number;
  containerId?: string;
  /** The image the current container was started from: another image in the spec restarts it. */
  image?: string;
  /**
   * The image the last pull was for. A pull that failed (back-off, or an image it can never pull) waits
   * for that image only: another image in the spec is pulled at once (the kubelet's back-off is keyed by
   * image), as after fixing a typo in a pod's image.
   */
  pullImage?: string;
  startedAt?: number;
  /** For a running process that will end by itself. */
  exitAt?: number;
  exitCode?: number;
  terminated?: TerminatedState;
  last?: TerminatedState;
  listens: Listener[];
  ready: boolean;
  /** How long the process takes to stop on SIGTERM (a shell as PID 1 ignores it: the whole grace period). */
  stopMs: number;
  logs: string;
  previousLogs?: string;
  /** The Service variables the container got when it started (kubelet envvars); `exec` sees them too. */
  links?: [string, string][];
  /** What its envFrom and valueFrom entries gave when it started; `exec` sees them too. */
  sources?: ResolvedEnv;
}

export interface TerminatedState {
  exitCode: number;
  reason: string;
  message?: string;
  startedAt: number;
  finishedAt: number;
  containerId: string;
}

export interface PodRuntime {
  uid: string;
  node: string;
  ip: string;
  containers: ContainerRuntime[];
  /** Index of the next container to start: the kubelet starts them in order. */
  cursor: number;
  /** Set once deletion began: when the containers will have stopped. */
  stoppingUntil?: number;
  /** A volume that cannot be set up keeps every container waiting (FailedMount). */
  blockedBy?: string;
  /** While blocked: when the kubelet gives up waiting for attach/mount and reports FailedMount. */
  mountDeadline?: number;
  /** Where each volume's bytes live, fixed when the volumes were set up. */
  volumes?: Record<string, ResolvedVolume>;
  /** The earliest timer, for the settle loop. */
  wake?: number;
}

export function earliestTimer(rt: PodRuntime): number | undefined {
  let t: number | undefined;
  const consider = (v: number | undefined) => {
    if (v !== undefined && (t === undefined || v < t)) t = v;
  };
  consider(rt.stoppingUntil);
  if (rt.blockedBy) consider(rt.mountDeadline);
  for (const c of rt.containers) {
    consider(c.until);
    if (c.phase === "running") consider(c.exitAt);
  }
  return t;
}
