import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyManifests, createCluster } from "../src/index";

// No input crashes or hangs the engine: every input gives per-document results or located errors.
const created = createCluster({ seed: 3 });
if (!created.ok) throw new Error("cluster");
const base = created.state;

const valid = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, labels: { app: web } }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: nginx
        image: nginx
        ports: [{ containerPort: 80, name: http }]
        volumeMounts: [{ name: data, mountPath: /data }]
      volumes: [{ name: data, emptyDir: {} }]
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  type: NodePort
  selector: { app: web }
  ports: [{ name: http, port: 80, targetPort: http, nodePort: 30080 }]
  sessionAffinity: ClientIP
`;

const storage = `apiVersion: v1
kind: PersistentVolume
metadata: { name: nfs-1 }
spec:
  capacity: { storage: 5Gi }
  accessModes: [ReadWriteMany]
  storageClassName: manual
  nfs: { server: 10.76.0.2, path: /vol1 }
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: { name: data }
spec:
  storageClassName: manual
  accessModes: [ReadWriteMany]
  resources: { requests: { storage: 1Gi } }
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: { name: ssd }
provisioner: pd.csi.storage.gke.io
parameters: { type: pd-ssd }
volumeBindingMode: WaitForFirstConsumer
---
apiVersion: v1
kind: Pod
metadata: { name: user }
spec:
  containers: [{ name: c, image: busybox, command: [sleep, "3600"], volumeMounts: [{ name: d, mountPath: /d, subPath: x }] }]
  volumes: [{ name: d, persistentVolumeClaim: { claimName: data } }, { name: c, configMap: { name: cm } }]
`;

function applyOnce(text: string) {
  const { results } = applyManifests(base, [{ name: "fuzz.yaml", text }]);
  for (const r of results) {
    if (!r.ok) {
      expect(typeof r.diagnostic.message).toBe("string");
      expect(r.diagnostic.message.length).toBeGreaterThan(0);
    }
  }
  return results;
}

const mutate = fc
  .tuple(fc.nat(valid.length), fc.nat(40), fc.string({ maxLength: 20 }))
  .map(([at, cut, insert]) => valid.slice(0, at) + insert + valid.slice(at + cut));

describe("fuzz", () => {
  it("random text never throws", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => void applyOnce(s)),
      { seed: 1, numRuns: 300 },
    );
  });

  it("mutated manifests never throw", () => {
    fc.assert(
      fc.property(mutate, (s) => void applyOnce(s)),
      { seed: 2, numRuns: 300 },
    );
  });

  it("mutated storage manifests never throw", () => {
    const mutateStorage = fc
      .tuple(fc.nat(storage.length), fc.nat(40), fc.string({ maxLength: 20 }))
      .map(([at, cut, insert]) => storage.slice(0, at) + insert + storage.slice(at + cut));
    fc.assert(
      fc.property(mutateStorage, (s) => void applyOnce(s)),
      { seed: 4, numRuns: 300 },
    );
  });

  it("random JSON values in storage specs never throw", () => {
    const anyJson = fc.jsonValue({ maxDepth: 4 });
    fc.assert(
      fc.property(anyJson, anyJson, (spec, status) => {
        for (const kind of ["PersistentVolume", "PersistentVolumeClaim"])
          applyOnce(JSON.stringify({ apiVersion: "v1", kind, metadata: { name: "x" }, spec, status }));
        applyOnce(
          JSON.stringify({
            apiVersion: "storage.k8s.io/v1",
            kind: "StorageClass",
            metadata: { name: "x" },
            provisioner: spec,
            parameters: status,
          }),
        );
      }),
      { seed: 5, numRuns: 200 },
    );
  });

  it("random JSON values in every position never throw", () => {
    const anyJson = fc.jsonValue({ maxDepth: 4 });
    fc.assert(
      fc.property(anyJson, anyJson, anyJson, (spec, meta, containers) => {
        applyOnce(JSON.stringify({ apiVersion: "v1", kind: "Pod", metadata: meta, spec }));
        applyOnce(
          JSON.stringify({ apiVersion: "v1", kind: "Pod", metadata: { name: "x" }, spec: { containers } }),
        );
        applyOnce(JSON.stringify({ apiVersion: "v1", kind: "Service", metadata: meta, spec }));
        applyOnce(
          JSON.stringify({
            apiVersion: "v1",
            kind: "Service",
            metadata: { name: "s" },
            spec: { ports: containers },
          }),
        );
      }),
      { seed: 3, numRuns: 200 },
    );
  });

  it.each([
    ["deep nesting", `${"a:\n".replace("\n", "")}${"[".repeat(5000)}${"]".repeat(5000)}`],
    ["deep maps", Array.from({ length: 2000 }, (_, i) => `${" ".repeat(i)}k:`).join("\n")],
    [
      "huge numbers",
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: x }\nspec:\n  replicas: 1e309\n  selector: { matchLabels: { a: b } }\n  template: { metadata: { labels: { a: b } }, spec: { containers: [{ name: c, image: nginx }] } }\n",
    ],
    [
      "too many replicas",
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: x }\nspec:\n  replicas: 2147483647\n  selector: { matchLabels: { a: b } }\n  template: { metadata: { labels: { a: b } }, spec: { containers: [{ name: c, image: nginx }] } }\n",
    ],
    [
      "alias bomb",
      `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n`,
    ],
    ["5 MB of text", "x".repeat(5 * 1024 * 1024)],
    ["tabs", "apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n"],
    [
      "a Helm template",
      "apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Values.name }}\nspec:\n  containers:\n  - name: app\n    image: {{ .Values.image }}\n",
    ],
    [
      "JSON",
      JSON.stringify({
        apiVersion: "v1",
        kind: "Pod",
        metadata: { name: "j" },
        spec: { containers: [{ name: "a", image: "nginx" }] },
      }),
    ],
    ["a list", "- a\n- b\n"],
    ["binary", "\u0000\u0001\u0002\uffff"],
  ])(
    "%s gives a result or a clean error",
    (_name, text) => {
      const results = applyOnce(text);
      expect(Array.isArray(results)).toBe(true);
    },
    20_000,
  );
});
