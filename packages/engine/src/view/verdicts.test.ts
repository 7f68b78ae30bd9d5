import { describe, expect, it } from "vitest";
import { TestCluster } from "../../test/test-cluster";
import { explainCluster } from "./verdicts";

const pod = (name: string, extra: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${extra}  containers:
  - name: app
    image: nginx:1.27
`;

describe("explainCluster", () => {
  it.each([
    {
      id: "1-1",
      story: "a nodeSelector no node matches points at the selector's key",
      yaml: pod("a", "  nodeSelector:\n    disktype: ssd\n"),
      code: "node-selector-mismatch",
      fieldPath: "spec.nodeSelector[disktype]",
    },
    {
      id: "1-2",
      story: "a claim that does not exist points at the claimName",
      yaml: `${pod("b", "")}  volumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: nope\n`,
      code: "claim-not-found",
      fieldPath: "spec.volumes[0].persistentVolumeClaim.claimName",
    },
  ])("$id $story", ({ yaml, code, fieldPath }) => {
    const c = new TestCluster();
    c.apply(yaml);
    const records = explainCluster(c.state);
    expect(records).toHaveLength(1);
    const record = records[0];
    expect(record?.source).toBe("default-scheduler");
    expect(record?.reasons[0]).toMatchObject({ code, fieldPath });
    // The record's message is the FailedScheduling event's message, byte for byte.
    const event = c.events().find((e) => e.reason === "FailedScheduling");
    expect(record?.message).toBe(event?.message);
  });

  it("says nothing about pods that run", () => {
    const c = new TestCluster();
    c.apply(pod("ok", ""));
    expect(explainCluster(c.state)).toEqual([]);
  });

  it("points an image that cannot be pulled at the container's image field", () => {
    const c = new TestCluster();
    c.apply(pod("img", "").replace("nginx:1.27", "nginx:does-not-exist"));
    const record = explainCluster(c.state)[0];
    expect(record?.source).toBe("kubelet");
    expect(record?.reasons[0]).toMatchObject({ code: "image-pull", fieldPath: "spec.containers[0].image" });
  });
});

const claim = (name: string, spec: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
${spec}`;

const nfsVolume = (name: string, extra = "") => `apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${name}
  labels:
    tier: shared
spec:
  capacity:
    storage: 5Gi
  accessModes: [ReadWriteOnce, ReadWriteMany]
  storageClassName: ""
${extra}  nfs:
    server: 10.76.0.2
    path: /vol1
`;

describe("explainCluster: claims", () => {
  it.each([
    {
      id: "2-1",
      story: "a class that does not exist points at storageClassName",
      yaml: claim("c", "  storageClassName: fast\n"),
      codes: ["class-not-found"],
      fieldPath: "spec.storageClassName",
      message: 'storageclass.storage.k8s.io "fast" not found',
    },
    {
      id: "2-1b",
      story: "volumes of other classes are not the binder's candidates, so they are not reasons",
      yaml: `${nfsVolume("other")}---\n${claim("c", "  storageClassName: fast\n")}`,
      codes: ["class-not-found"],
      fieldPath: "spec.storageClassName",
      message: 'storageclass.storage.k8s.io "fast" not found',
    },
    {
      id: "2-2",
      story: "WaitForFirstConsumer with no pod waits for one",
      yaml: `${claim("c", "  storageClassName: standard-rwo\n")}`,
      codes: ["wait-for-first-consumer"],
      fieldPath: "spec.storageClassName",
      message: "waiting for first consumer to be created before binding",
    },
    {
      id: "2-3",
      story: "no class and a volume too small: the capacity rule, at the request",
      yaml: `${nfsVolume("small")}---\n${claim("c", '  storageClassName: ""\n').replace("1Gi", "50Gi")}`,
      codes: ["no-volume-matches", "volume-capacity"],
      fieldPath: "spec.storageClassName",
      message: "no persistent volumes available for this claim and no storage class is set",
      values: { volume: "small", wanted: "50Gi", offered: "5Gi" },
    },
    {
      id: "2-4",
      story: "no class and an access mode no volume offers",
      yaml: `${nfsVolume("rwx")}---\n${claim("c", '  storageClassName: ""\n').replace("ReadWriteOnce", "ReadOnlyMany")}`,
      codes: ["no-volume-matches", "volume-access-modes"],
      fieldPath: "spec.storageClassName",
      message: "no persistent volumes available for this claim and no storage class is set",
    },
    {
      id: "2-5",
      story: "a selector no volume's labels satisfy",
      yaml: `${nfsVolume("labelled")}---\n${claim("c", '  storageClassName: ""\n  selector:\n    matchLabels:\n      tier: fast\n')}`,
      codes: ["no-volume-matches", "volume-selector"],
      fieldPath: "spec.storageClassName",
      message: "no persistent volumes available for this claim and no storage class is set",
    },
    {
      id: "2-6",
      story: "a Block claim and a Filesystem volume",
      yaml: `${nfsVolume("fs")}---\n${claim("c", '  storageClassName: ""\n  volumeMode: Block\n')}`,
      codes: ["no-volume-matches", "volume-mode"],
      fieldPath: "spec.storageClassName",
      message: "no persistent volumes available for this claim and no storage class is set",
    },
    {
      id: "2-7",
      story: "spec.volumeName names a volume that does not exist",
      yaml: claim("c", '  storageClassName: ""\n  volumeName: nope\n'),
      codes: ["volume-name-missing"],
      fieldPath: "spec.volumeName",
      message: 'spec.volumeName names PersistentVolume "nope", which does not exist',
    },
  ])("$id $story", ({ yaml, codes, fieldPath, message, values }) => {
    const c = new TestCluster();
    c.apply(yaml);
    const records = explainCluster(c.state).filter((r) => r.kind === "PersistentVolumeClaim");
    expect(records).toHaveLength(1);
    const record = records[0];
    expect(record?.source).toBe("persistentvolume-controller");
    expect(record?.message).toBe(message);
    expect(record?.reasons.map((r) => r.code)).toEqual(codes);
    expect(record?.reasons[0]?.fieldPath).toBe(fieldPath);
    if (values) expect(record?.reasons[1]?.values).toEqual(values);
    if (codes[1] === "volume-capacity")
      expect(record?.reasons[1]?.fieldPath).toBe("spec.resources.requests.storage");
  });

  it("says nothing about a claim that binds", () => {
    const c = new TestCluster();
    c.apply(`${nfsVolume("ok")}---\n${claim("c", '  storageClassName: ""\n')}`);
    expect(explainCluster(c.state)).toEqual([]);
  });

  it("a pod whose Immediate claim cannot bind points at its claimName, and the claim says why", () => {
    const c = new TestCluster();
    c.apply(
      `${claim("data", '  storageClassName: ""\n')}---\n${pod("p", "")}  volumes:\n  - name: v\n    persistentVolumeClaim:\n      claimName: data\n`,
    );
    const records = explainCluster(c.state);
    const podRecord = records.find((r) => r.kind === "Pod");
    expect(podRecord?.reasons).toEqual([
      expect.objectContaining({
        code: "claim-unbound",
        fieldPath: "spec.volumes[0].persistentVolumeClaim.claimName",
        values: { claim: "data", phase: "Pending" },
      }),
    ]);
    expect(podRecord?.message).toBe(c.events().find((e) => e.reason === "FailedScheduling")?.message);
    expect(records.find((r) => r.kind === "PersistentVolumeClaim")?.reasons[0]?.code).toBe(
      "no-volume-matches",
    );
  });

  it("a scheduled pod waiting for a ConfigMap points at the volume's name field (kubelet)", () => {
    const c = new TestCluster();
    c.apply(`${pod("cm", "")}  volumes:\n  - name: conf\n    configMap:\n      name: missing\n`);
    const record = explainCluster(c.state).find((r) => r.kind === "Pod");
    expect(record?.source).toBe("kubelet");
    expect(record?.reasons[0]).toMatchObject({
      code: "config-missing",
      fieldPath: "spec.volumes[0].configMap.name",
      values: { volume: "conf", name: "missing" },
    });
  });
});

const service = (selector: string, targetPort: string | number = 80) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
${selector}  ports:
  - port: 80
    targetPort: ${targetPort}
`;

const labelled = (name: string, labels: string, extra = "") => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
${labels}spec:
  containers:
  - name: app
    image: nginx:1.27
${extra}`;

describe("explainCluster: Services", () => {
  it.each([
    {
      id: "3-1",
      story: "a selector value typo names the label that differs and the selector's field",
      yaml: `${labelled("w", "    app: web\n")}---\n${service("    app: wbe\n")}`,
      reasons: [
        {
          code: "selector-mismatch",
          fieldPath: "spec.selector.app",
          values: { pod: "w", key: "app", wanted: "wbe", actual: "web" },
        },
      ],
    },
    {
      id: "3-2",
      story: "a selector key the pod does not have",
      yaml: `${labelled("w", "    app: web\n")}---\n${service("    app: web\n    tier: front\n")}`,
      reasons: [
        {
          code: "selector-label-missing",
          fieldPath: "spec.selector.tier",
          values: { pod: "w", key: "tier", wanted: "front", actual: "" },
        },
      ],
    },
    {
      id: "3-3",
      story: "no pod at all in the namespace",
      yaml: service("    app: web\n"),
      reasons: [{ code: "service-no-pods", fieldPath: "spec.selector" }],
    },
    {
      id: "3-4",
      story: "a named targetPort no container declares",
      yaml: `${labelled("w", "    app: web\n")}---\n${service("    app: web\n", "http")}`,
      reasons: [
        {
          code: "target-port-missing",
          fieldPath: "spec.ports[0].targetPort",
          values: { pod: "w", port: "http", ports: "" },
        },
      ],
    },
    {
      id: "3-5",
      story: "a targetPort where nothing listens (kube-proxy)",
      yaml: `${labelled("w", "    app: web\n")}---\n${service("    app: web\n", 8080)}`,
      reasons: [{ code: "endpoint-not-listening", fieldPath: "spec.ports[0].targetPort" }],
    },
  ])("$id $story", ({ yaml, reasons }) => {
    const c = new TestCluster();
    c.apply(yaml);
    const records = explainCluster(c.state).filter((r) => r.kind === "Service");
    expect(records).toHaveLength(1);
    expect(records[0]?.reasons).toEqual(reasons.map((r) => expect.objectContaining(r)));
  });

  it("a pod selected but not ready is named with its containers", () => {
    const c = new TestCluster();
    c.apply(
      `${labelled("w", "    app: web\n", "    readinessProbe:\n      httpGet:\n        path: /\n        port: 9999\n")}---\n${service("    app: web\n")}`,
    );
    c.tick(30_000);
    const record = explainCluster(c.state).find((r) => r.kind === "Service");
    expect(record?.reasons[0]).toMatchObject({
      code: "endpoint-not-ready",
      values: { pod: "w", containers: "app" },
    });
  });

  it("says nothing about a Service that reaches a listening pod", () => {
    const c = new TestCluster();
    c.apply(`${labelled("w", "    app: web\n")}---\n${service("    app: web\n")}`);
    expect(explainCluster(c.state)).toEqual([]);
  });
});
