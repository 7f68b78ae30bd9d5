// The READY / STATUS / RESTARTS cells of `kubectl get pods` (printPod, kubectl 1.33) as a case table;
// cases after pkg/printers/internalversion/printers_test.go: TestPrintPod*.

import type { ContainerStatus, Pod } from "@kubejam/engine";
import { describe, expect, it } from "vitest";
import { podSummary } from "./pod-status";

const NOW = Date.parse("2025-05-20T12:00:00Z");
const at = (secondsAgo: number) => new Date(NOW - secondsAgo * 1000).toISOString();

type State = ContainerStatus["state"];

function cs(name: string, state: State, extra: Partial<ContainerStatus> = {}): ContainerStatus {
  return {
    name,
    image: "img",
    imageID: "",
    ready: false,
    started: false,
    restartCount: 0,
    state,
    lastState: {},
    ...extra,
  };
}

const running: State = { running: { startedAt: at(60) } };
const waiting = (reason: string): State => ({ waiting: { reason } });
const terminated = (exitCode: number, reason: string, extra: Record<string, unknown> = {}): State =>
  ({ terminated: { exitCode, reason, startedAt: at(100), finishedAt: at(90), ...extra } }) as State;

interface Case {
  id: string;
  phase?: Pod["status"]["phase"];
  reason?: string;
  containers?: string[];
  initContainers?: { name: string; restartPolicy?: string }[];
  statuses?: ContainerStatus[];
  initStatuses?: ContainerStatus[];
  conditions?: { type: string; status: string; reason?: string }[];
  deleting?: boolean;
  expected: [string, string, string];
}

function pod(c: Case): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: "p",
      uid: "u",
      resourceVersion: "1",
      creationTimestamp: at(600),
      ...(c.deleting === true ? { deletionTimestamp: at(-30) } : {}),
    },
    spec: {
      containers: (c.containers ?? ["a"]).map((name) => ({ name, image: "img" })),
      ...(c.initContainers === undefined
        ? {}
        : { initContainers: c.initContainers.map((i) => ({ image: "img", ...i })) }),
    },
    status: {
      phase: c.phase ?? "Running",
      ...(c.statuses === undefined ? {} : { containerStatuses: c.statuses }),
      ...(c.initStatuses === undefined ? {} : { initContainerStatuses: c.initStatuses }),
      ...(c.reason === undefined ? {} : { reason: c.reason }),
      ...(c.conditions === undefined ? {} : { conditions: c.conditions }),
    } as Pod["status"],
  };
}

const cases: Case[] = [
  { id: "1 pending without statuses", phase: "Pending", expected: ["0/1", "Pending", "0"] },
  { id: "2 running ready", statuses: [cs("a", running, { ready: true })], expected: ["1/1", "Running", "0"] },
  {
    id: "3 two containers, one not ready",
    containers: ["a", "b"],
    statuses: [cs("a", running, { ready: true }), cs("b", running)],
    expected: ["1/2", "Running", "0"],
  },
  {
    id: "4 ContainerCreating",
    phase: "Pending",
    statuses: [cs("a", waiting("ContainerCreating"))],
    expected: ["0/1", "ContainerCreating", "0"],
  },
  {
    id: "5 ErrImagePull",
    phase: "Pending",
    statuses: [cs("a", waiting("ErrImagePull"))],
    expected: ["0/1", "ErrImagePull", "0"],
  },
  {
    id: "6 ImagePullBackOff",
    phase: "Pending",
    statuses: [cs("a", waiting("ImagePullBackOff"))],
    expected: ["0/1", "ImagePullBackOff", "0"],
  },
  {
    id: "7 CrashLoopBackOff with restarts and last termination 45s ago",
    statuses: [
      cs("a", waiting("CrashLoopBackOff"), {
        restartCount: 3,
        lastState: { terminated: { exitCode: 1, reason: "Error", startedAt: at(50), finishedAt: at(45) } },
      }),
    ],
    expected: ["0/1", "CrashLoopBackOff", "3 (45s ago)"],
  },
  {
    id: "8 Completed",
    phase: "Succeeded",
    statuses: [cs("a", terminated(0, "Completed"))],
    expected: ["0/1", "Completed", "0"],
  },
  {
    id: "9 Error",
    phase: "Failed",
    statuses: [cs("a", terminated(1, "Error"))],
    expected: ["0/1", "Error", "0"],
  },
  {
    id: "10 OOMKilled",
    statuses: [cs("a", terminated(137, "OOMKilled"))],
    expected: ["0/1", "OOMKilled", "0"],
  },
  {
    id: "11 terminated by signal without reason",
    statuses: [cs("a", terminated(0, "", { signal: 9 }))],
    expected: ["0/1", "Signal:9", "0"],
  },
  {
    id: "12 terminated without reason",
    statuses: [cs("a", terminated(2, ""))],
    expected: ["0/1", "ExitCode:2", "0"],
  },
  {
    id: "13 the first container's state wins (statuses walked backwards)",
    containers: ["a", "b"],
    statuses: [cs("a", waiting("ErrImagePull")), cs("b", waiting("CrashLoopBackOff"))],
    expected: ["0/2", "ErrImagePull", "0"],
  },
  {
    id: "14 one container Completed, one still running and ready: Running",
    containers: ["a", "b"],
    statuses: [cs("a", running, { ready: true }), cs("b", terminated(0, "Completed"))],
    conditions: [{ type: "Ready", status: "True" }],
    expected: ["1/2", "Running", "0"],
  },
  {
    id: "15 one container Completed, one running but pod not Ready: NotReady",
    containers: ["a", "b"],
    statuses: [cs("a", running, { ready: true }), cs("b", terminated(0, "Completed"))],
    conditions: [{ type: "Ready", status: "False" }],
    expected: ["1/2", "NotReady", "0"],
  },
  {
    id: "16 one container Error, one Completed: kubectl 1.33 still shows Completed",
    containers: ["a", "b"],
    phase: "Failed",
    statuses: [cs("a", terminated(0, "Completed")), cs("b", terminated(1, "Error"))],
    expected: ["0/2", "Completed", "0"],
  },
  {
    id: "17 status.reason wins over the phase",
    phase: "Failed",
    reason: "Evicted",
    expected: ["0/1", "Evicted", "0"],
  },
  {
    id: "18 SchedulingGated",
    phase: "Pending",
    conditions: [{ type: "PodScheduled", status: "False", reason: "SchedulingGated" }],
    expected: ["0/1", "SchedulingGated", "0"],
  },
  {
    id: "19 Init:0/2 while the first init container runs",
    phase: "Pending",
    initContainers: [{ name: "i1" }, { name: "i2" }],
    initStatuses: [cs("i1", running), cs("i2", waiting("PodInitializing"))],
    statuses: [cs("a", waiting("PodInitializing"))],
    expected: ["0/1", "Init:0/2", "0"],
  },
  {
    id: "20 Init:1/2 after the first one completed",
    phase: "Pending",
    initContainers: [{ name: "i1" }, { name: "i2" }],
    initStatuses: [cs("i1", terminated(0, "Completed")), cs("i2", running)],
    statuses: [cs("a", waiting("PodInitializing"))],
    expected: ["0/1", "Init:1/2", "0"],
  },
  {
    id: "21 Init:CrashLoopBackOff counts init restarts",
    phase: "Pending",
    initContainers: [{ name: "i1" }],
    initStatuses: [
      cs("i1", waiting("CrashLoopBackOff"), {
        restartCount: 2,
        lastState: { terminated: { exitCode: 1, reason: "Error", startedAt: at(200), finishedAt: at(120) } },
      }),
    ],
    statuses: [cs("a", waiting("PodInitializing"))],
    expected: ["0/1", "Init:CrashLoopBackOff", "2 (2m ago)"],
  },
  {
    id: "22 Init:Error",
    phase: "Failed",
    initContainers: [{ name: "i1" }],
    initStatuses: [cs("i1", terminated(1, "Error"))],
    expected: ["0/1", "Init:Error", "0"],
  },
  {
    id: "23 Init:ExitCode without reason",
    phase: "Pending",
    initContainers: [{ name: "i1" }],
    initStatuses: [cs("i1", terminated(3, ""))],
    expected: ["0/1", "Init:ExitCode:3", "0"],
  },
  {
    id: "24 PodInitializing once init is done",
    phase: "Pending",
    initContainers: [{ name: "i1" }],
    initStatuses: [cs("i1", terminated(0, "Completed"))],
    statuses: [cs("a", waiting("PodInitializing"))],
    expected: ["0/1", "PodInitializing", "0"],
  },
  {
    id: "25 a started sidecar counts toward READY and the total",
    initContainers: [{ name: "side", restartPolicy: "Always" }],
    initStatuses: [cs("side", running, { ready: true, started: true, restartCount: 1 })],
    statuses: [cs("a", running, { ready: true })],
    conditions: [{ type: "Initialized", status: "True" }],
    expected: ["2/2", "Running", "1"],
  },
  {
    id: "26 Terminating",
    deleting: true,
    statuses: [cs("a", running, { ready: true })],
    expected: ["1/1", "Terminating", "0"],
  },
  {
    id: "27 a terminal pod being deleted keeps its status",
    deleting: true,
    phase: "Succeeded",
    statuses: [cs("a", terminated(0, "Completed"))],
    expected: ["0/1", "Completed", "0"],
  },
  {
    id: "28 deleted on an unreachable node: Unknown",
    deleting: true,
    reason: "NodeLost",
    expected: ["0/1", "Unknown", "0"],
  },
];

describe("podSummary", () => {
  it.each(cases)("$id", (c) => {
    const s = podSummary(pod(c), NOW);
    expect([s.ready, s.status, s.restarts]).toEqual(c.expected);
  });
});
