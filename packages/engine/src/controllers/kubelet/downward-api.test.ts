// The downward API in volumes: a downwardAPI volume and a projected one hold the pod's own fields.
import { describe, expect, it } from "vitest";
import { TestCluster } from "../../../test/test-cluster";

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: info
  labels: { tier: web, app: demo }
  annotations: { owner: team-a }
spec:
  containers:
  - name: main
    image: busybox:1.36
    command: ["sleep", "3600"]
    volumeMounts:
    - { name: podinfo, mountPath: /etc/podinfo }
    - { name: projected, mountPath: /etc/projected }
  volumes:
  - name: podinfo
    downwardAPI:
      items:
      - { path: name, fieldRef: { fieldPath: metadata.name } }
      - { path: labels, fieldRef: { fieldPath: metadata.labels } }
      - { path: owner, fieldRef: { fieldPath: "metadata.annotations['owner']" } }
      - { path: mem, resourceFieldRef: { containerName: main, resource: limits.memory, divisor: 1Mi } }
  - name: projected
    projected:
      sources:
      - downwardAPI:
          items: [{ path: namespace, fieldRef: { fieldPath: metadata.namespace } }]
`;

describe("downward API volumes", () => {
  it.each([
    ["/etc/podinfo/name", "info"],
    // fieldpath.FormatMap: sorted by key, values quoted.
    ["/etc/podinfo/labels", 'app="demo"\ntier="web"'],
    ["/etc/podinfo/owner", "team-a"],
    // No limit: the node's allocatable, 2869036Ki, in MiB rounded up.
    ["/etc/podinfo/mem", "2802"],
    ["/etc/projected/namespace", "default"],
  ])("%s holds %j", (file, content) => {
    const c = new TestCluster();
    c.apply(POD);
    expect(c.pod("info")?.status.phase).toBe("Running");
    expect(c.exec("info", ["cat", file])).toMatchObject({ stdout: content, exitCode: 0 });
  });

  it("is mounted read-only", () => {
    const c = new TestCluster();
    c.apply(POD);
    expect(c.exec("info", ["touch", "/etc/podinfo/x"])).toMatchObject({
      stderr: "touch: /etc/podinfo/x: Read-only file system\n",
      exitCode: 1,
    });
  });
});
