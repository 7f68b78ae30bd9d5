// A container's variables from ConfigMaps, Secrets and the downward API, as the kubelet makes them
// when it creates the container; a missing source keeps the container from being created.
import { describe, expect, it } from "vitest";
import { TestCluster } from "../../../test/test-cluster";
import type { Pod } from "../../api/pod";

const SECRET = `apiVersion: v1
kind: Secret
metadata: { name: pw }
data: { password: aHVudGVyMg== }
`;
const SETTINGS = `apiVersion: v1
kind: ConfigMap
metadata: { name: settings }
data: { mode: fast, level: "3" }
`;

function pod(env: string, envFrom = ""): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: app, labels: { app: demo } }
spec:
  containers:
  - name: main
    image: busybox:1.36
    command: ["sleep", "3600"]
    env:
${env}${envFrom ? `    envFrom:\n${envFrom}` : ""}`;
}

const waiting = (p: Pod | undefined) => p?.status.containerStatuses?.[0]?.state;
const echo = (c: TestCluster, name: string) => c.exec("app", ["sh", "-c", `printf %s "$${name}"`]);

describe("valueFrom and envFrom", () => {
  it("gives a Secret's key decoded, a ConfigMap's key, and the pod's own fields", () => {
    const c = new TestCluster();
    c.apply(`${SECRET}---\n${SETTINGS}`);
    c.apply(
      pod(`    - { name: PASSWORD, valueFrom: { secretKeyRef: { name: pw, key: password } } }
    - { name: MODE, valueFrom: { configMapKeyRef: { name: settings, key: mode } } }
    - { name: POD_NAME, valueFrom: { fieldRef: { fieldPath: metadata.name } } }
    - { name: POD_NS, valueFrom: { fieldRef: { fieldPath: metadata.namespace } } }
    - { name: POD_IP, valueFrom: { fieldRef: { fieldPath: status.podIP } } }
    - { name: NODE, valueFrom: { fieldRef: { fieldPath: spec.nodeName } } }
    - { name: APP, valueFrom: { fieldRef: { fieldPath: "metadata.labels['app']" } } }
    - { name: REF, value: "$(MODE)-x" }
`),
    );
    const p = c.pod("app");
    expect(p?.status.phase).toBe("Running");
    const expected: Record<string, string> = {
      PASSWORD: "hunter2",
      MODE: "fast",
      POD_NAME: "app",
      POD_NS: "default",
      POD_IP: p?.status.podIP ?? "?",
      NODE: p?.spec.nodeName ?? "?",
      APP: "demo",
      REF: "fast-x",
    };
    for (const [name, value] of Object.entries(expected))
      expect(echo(c, name)).toMatchObject({ stdout: value });
  });

  it("resourceFieldRef: requests and limits in divisors, rounded up; a limit not set is the node's allocatable", () => {
    const c = new TestCluster();
    c.apply(
      pod(`    - { name: MEM_LIMIT_MI, valueFrom: { resourceFieldRef: { resource: limits.memory, divisor: 1Mi } } }
    - { name: CPU_REQUEST_M, valueFrom: { resourceFieldRef: { resource: requests.cpu, divisor: 1m } } }
    - { name: CPU_REQUEST, valueFrom: { resourceFieldRef: { resource: requests.cpu } } }
    - { name: CPU_LIMIT, valueFrom: { resourceFieldRef: { containerName: main, resource: limits.cpu, divisor: 1m } } }
`).replace(
        '    command: ["sleep", "3600"]\n',
        '    command: ["sleep", "3600"]\n    resources: { requests: { cpu: 250m, memory: 32Mi }, limits: { memory: 64Mi } }\n',
      ),
    );
    const node = c.pod("app")?.spec.nodeName;
    const allocatable = c.state.objects[`Node//${node}`] as unknown as {
      status: { allocatable: { cpu: string } };
    };
    expect(allocatable.status.allocatable.cpu).toBe("940m");
    for (const [name, value] of Object.entries({
      MEM_LIMIT_MI: "64",
      CPU_REQUEST_M: "250",
      CPU_REQUEST: "1",
      CPU_LIMIT: "940",
    }))
      expect(echo(c, name)).toMatchObject({ stdout: value });
  });

  it("envFrom takes every key with its prefix, and env overrides it", () => {
    const c = new TestCluster();
    c.apply(SETTINGS);
    c.apply(
      pod(
        `    - { name: CFG_mode, value: slow }\n`,
        "    - { prefix: CFG_, configMapRef: { name: settings } }\n",
      ),
    );
    expect(echo(c, "CFG_level")).toMatchObject({ stdout: "3" });
    expect(echo(c, "CFG_mode")).toMatchObject({ stdout: "slow" });
  });

  it("an optional source or key that is missing sets nothing, and the container starts", () => {
    const c = new TestCluster();
    c.apply(
      pod(
        `    - { name: MODE, valueFrom: { configMapKeyRef: { name: nothing, key: mode, optional: true } } }\n`,
        "    - { secretRef: { name: nothing, optional: true } }\n",
      ),
    );
    expect(c.pod("app")?.status.phase).toBe("Running");
    expect(echo(c, "MODE")).toMatchObject({ stdout: "" });
  });

  it.each([
    {
      env: `    - { name: PASSWORD, valueFrom: { secretKeyRef: { name: pw, key: password } } }\n`,
      envFrom: "",
      message: 'secret "pw" not found',
    },
    {
      env: `    - { name: MODE, valueFrom: { configMapKeyRef: { name: settings, key: colour } } }\n`,
      envFrom: "",
      message: "couldn't find key colour in ConfigMap default/settings",
      before: SETTINGS,
    },
    {
      env: `    - { name: A, value: b }\n`,
      envFrom: "    - { configMapRef: { name: other } }\n",
      message: 'configmap "other" not found',
    },
  ])("a missing source: CreateContainerConfigError, $message", ({ env, envFrom, message, before }) => {
    const c = new TestCluster();
    if (before) c.apply(before);
    c.apply(pod(env, envFrom));
    const p = c.pod("app");
    expect(p?.status.phase).toBe("Pending");
    expect(waiting(p)).toEqual({ waiting: { reason: "CreateContainerConfigError", message } });
    expect(c.events()).toContainEqual(
      expect.objectContaining({ reason: "Failed", message: `Error: ${message}` }),
    );
  });

  it("the kubelet tries again: once the Secret exists, the container starts", () => {
    const c = new TestCluster();
    c.apply(pod(`    - { name: PASSWORD, valueFrom: { secretKeyRef: { name: pw, key: password } } }\n`));
    expect(waiting(c.pod("app"))).toMatchObject({ waiting: { reason: "CreateContainerConfigError" } });
    c.apply(SECRET);
    c.tick(15_000);
    expect(c.pod("app")?.status.phase).toBe("Running");
    expect(echo(c, "PASSWORD")).toMatchObject({ stdout: "hunter2" });
  });
});
