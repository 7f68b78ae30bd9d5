import { describe, expect, it } from "vitest";
import { type Deployment, getObject, listObjects, type Node, type ReplicaSet } from "../src/index";
import { deepFreeze, TestCluster } from "./test-cluster";

const nginxPod = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: { app: web }
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    ports: [{ containerPort: 80 }]
  - name: sidecar
    image: busybox:1.36
    command: ["sh", "-c", "sleep 3600"]
`;

describe("a pod with two containers", () => {
  it("runs both, gets an IP from its node's pod range, and shares localhost", () => {
    const c = new TestCluster();
    const results = c.apply(nginxPod);
    expect(results).toMatchObject([{ ok: true, action: "created", kind: "Pod", name: "web" }]);
    const pod = c.pod("web");
    expect(pod?.status.phase).toBe("Running");
    expect(pod?.status.containerStatuses?.map((s) => [s.name, Object.keys(s.state)[0], s.ready])).toEqual([
      ["nginx", "running", true],
      ["sidecar", "running", true],
    ]);
    const node = getObject<Node>(c.state, "Node", undefined, pod?.spec.nodeName ?? "");
    expect(node?.spec.podCIDR).toMatch(/^10\.8\.\d+\.0\/24$/);
    expect(pod?.status.podIP?.split(".").slice(0, 3).join(".")).toBe(
      node?.spec.podCIDR.split(".").slice(0, 3).join("."),
    );
    const reached = c.exec("web", ["wget", "-qO-", "http://localhost:80"], "sidecar");
    expect(reached.ok && reached.stdout).toContain("<title>Welcome to nginx!</title>");
    const refused = c.exec("web", ["wget", "-qO-", "http://localhost:8080"], "sidecar");
    expect(refused.ok && refused.stderr).toContain("Connection refused");
  });

  it("records the kubelet's events in order", () => {
    const c = new TestCluster();
    c.apply(nginxPod);
    const reasons = c
      .events()
      .filter((e) => e.object === "Pod/web")
      .map((e) => e.reason);
    expect(reasons.slice(0, 5)).toEqual(["Scheduled", "Pulling", "Pulled", "Created", "Started"]);
  });

  it("keeps a file in the container's writable layer across later commands that only read", () => {
    const c = new TestCluster();
    c.apply(nginxPod);
    // A path inside the simulated container (its working directory), not on this machine.
    expect(c.exec("web", ["sh", "-c", "echo kept > note"], "sidecar").ok).toBe(true);
    for (let i = 0; i < 2; i++) {
      const read = c.exec("web", ["cat", "note"], "sidecar");
      expect(read.ok && read.stdout).toBe("kept\n");
    }
  });

  it("applies the same manifest again as unchanged, and never mutates the input state", () => {
    const c = new TestCluster();
    c.apply(nginxPod);
    deepFreeze(c.state);
    expect(c.apply(nginxPod)).toMatchObject([{ ok: true, action: "unchanged" }]);
  });
});

describe("a deployment", () => {
  const deployment = (replicas: number, image = "nginx:1.27") => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: nginx
        image: ${image}
`;

  it("creates a ReplicaSet named after its template hash and pods named after the ReplicaSet", () => {
    const c = new TestCluster();
    c.apply(deployment(3));
    const [rs] = listObjects<ReplicaSet>(c.state, "ReplicaSet", "default");
    expect(rs?.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    const pods = c.pods();
    expect(pods).toHaveLength(3);
    for (const p of pods)
      expect(p.metadata.name).toMatch(new RegExp(`^${rs?.metadata.name}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    expect(new Set(pods.map((p) => p.spec.nodeName)).size).toBe(3);
    const d = getObject<Deployment>(c.state, "Deployment", "default", "web");
    expect(d?.status).toMatchObject({
      replicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      updatedReplicas: 3,
    });
  });

  it("rolls out a new template and scales the old ReplicaSet to zero", () => {
    const c = new TestCluster();
    c.apply(deployment(3));
    c.apply(deployment(3, "nginx:1.28"));
    c.tick(60_000);
    const sets = listObjects<ReplicaSet>(c.state, "ReplicaSet", "default");
    expect(sets.map((s) => s.spec.replicas).sort()).toEqual([0, 3]);
    expect(c.pods().every((p) => p.spec.containers[0]?.image === "nginx:1.28")).toBe(true);
  });

  it("replaces a deleted pod with a new name and a new IP", () => {
    const c = new TestCluster();
    c.apply(deployment(1));
    const [first] = c.pods();
    c.delete("Pod", first?.metadata.name ?? "");
    const [second] = c.pods();
    expect(second?.metadata.name).not.toBe(first?.metadata.name);
    expect(second?.status.podIP).not.toBe(first?.status.podIP);
    expect(second?.status.phase).toBe("Running");
  });
});

describe("things that go wrong", () => {
  it("an unknown image goes ErrImagePull then ImagePullBackOff", () => {
    const c = new TestCluster();
    c.apply(
      "apiVersion: v1\nkind: Pod\nmetadata: { name: bad }\nspec:\n  containers:\n  - { name: app, image: nginxx }\n",
    );
    const waiting = c.pod("bad")?.status.containerStatuses?.[0]?.state;
    expect(waiting && "waiting" in waiting ? waiting.waiting.reason : undefined).toMatch(
      /^(ErrImagePull|ImagePullBackOff)$/,
    );
    expect(
      c.events().some((e) => e.reason === "Failed" && e.message.includes('Failed to pull image "nginxx"')),
    ).toBe(true);
  });

  it("a pod whose image is fixed during ImagePullBackOff pulls the new image at once", () => {
    const c = new TestCluster();
    const pod = (image: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata: { name: typo }\nspec:\n  containers:\n  - { name: app, image: ${image} }\n`;
    c.apply(pod("nginxx"));
    // Five failed pulls: the next one is minutes away.
    c.tick(150_000);
    const before = c.pod("typo")?.status.containerStatuses?.[0]?.state;
    expect(before).toMatchObject({ waiting: { reason: "ImagePullBackOff" } });
    // Only the image changes: the imagePullPolicy defaulted at creation (Always, for an untagged
    // image) stays, as apply's patch leaves it, so the update is one a pod may take.
    expect(c.apply(pod("nginx:1.27"))).toMatchObject([{ ok: true, action: "configured" }]);
    expect(c.pod("typo")?.spec.containers[0]?.imagePullPolicy).toBe("Always");
    const after = c.pod("typo")?.status.containerStatuses?.[0];
    expect(after?.state).toHaveProperty("running");
    expect(after?.restartCount).toBe(0);
    expect(c.events().some((e) => e.reason === "Pulling" && e.message === 'Pulling image "nginx:1.27"')).toBe(
      true,
    );
  });

  it("a Deployment re-applied with a tagged image keeps the pull policy its template was defaulted to", () => {
    const c = new TestCluster();
    const deployment = (image: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec:\n      containers:\n      - { name: app, image: ${image} }\n`;
    c.apply(deployment("nginx"));
    expect(c.apply(deployment("nginx:1.27"))).toMatchObject([{ ok: true, action: "configured" }]);
    const live = getObject<Deployment>(c.state, "Deployment", "default", "web");
    expect(live?.spec.template.spec.containers[0]).toMatchObject({
      image: "nginx:1.27",
      imagePullPolicy: "Always",
    });
  });

  it("a container that exits is restarted with growing back-off", () => {
    const c = new TestCluster();
    c.apply(
      "apiVersion: v1\nkind: Pod\nmetadata: { name: crash }\nspec:\n  containers:\n  - { name: app, image: busybox }\n",
    );
    const status = c.pod("crash")?.status.containerStatuses?.[0];
    expect(status?.restartCount).toBeGreaterThanOrEqual(2);
    expect(
      c
        .events()
        .some(
          (e) => e.reason === "BackOff" && e.message.startsWith("Back-off restarting failed container app"),
        ),
    ).toBe(true);
  });

  it("two servers on one port in one pod: the second cannot bind and crash-loops, the first serves", () => {
    const c = new TestCluster();
    c.apply(
      "apiVersion: v1\nkind: Pod\nmetadata: { name: clash }\nspec:\n  containers:\n  - { name: nginx, image: nginx }\n  - { name: httpd, image: httpd }\n",
    );
    c.tick(60_000);
    const statuses = c.pod("clash")?.status.containerStatuses ?? [];
    const nginx = statuses.find((s) => s.name === "nginx");
    const httpd = statuses.find((s) => s.name === "httpd");
    expect(nginx?.ready).toBe(true);
    expect(nginx?.restartCount).toBe(0);
    expect(httpd?.ready).toBe(false);
    expect(httpd?.restartCount).toBeGreaterThanOrEqual(2);
    expect(httpd?.lastState).toMatchObject({ terminated: { reason: "Error", exitCode: 1 } });
    expect(httpd?.state).toMatchObject({ waiting: { reason: "CrashLoopBackOff" } });
  });

  it("a pod asking for more than any node has stays Pending with the scheduler's reason", () => {
    const c = new TestCluster();
    c.apply(
      "apiVersion: v1\nkind: Pod\nmetadata: { name: big }\nspec:\n  containers:\n  - name: app\n    image: nginx\n    resources: { requests: { cpu: '8' } }\n",
    );
    expect(c.pod("big")?.status.phase).toBe("Pending");
    const failed = c.events().find((e) => e.reason === "FailedScheduling");
    expect(failed?.message).toBe(
      "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
    );
  });

  it("a document that fails validation is reported with its line, and the file's other documents apply", () => {
    const c = new TestCluster();
    const results = c.apply(`apiVersion: v1
kind: Pod
metadata: { name: ok }
spec:
  containers: [{ name: app, image: nginx }]
---
apiVersion: v1
kind: Pod
metadata: { name: broken }
spec:
  containers:
  - name: app
    imagee: nginx
`);
    expect(results[0]).toMatchObject({ ok: true, name: "ok" });
    expect(results[1]).toMatchObject({
      ok: false,
      diagnostic: {
        code: "decode",
        document: 1,
        line: 13,
        column: 5,
        message:
          'Error from server (BadRequest): error when creating "manifest.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"',
      },
    });
  });

  it("a YAML syntax error applies nothing from the file", () => {
    const c = new TestCluster();
    const results = c.apply(
      "apiVersion: v1\nkind: Pod\nmetadata: { name: a }\nspec:\n  containers: [{ name: app, image: nginx }]\n---\nkind: Pod\n  bad: : indent\n",
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(c.pods()).toHaveLength(0);
  });
});
