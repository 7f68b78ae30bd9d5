// `pnpm bench`: the data plane and the endpoints controllers. Medians; nothing here asserts a time.
import { performance } from "node:perf_hooks";
import { reconcileEndpointSlices } from "../src/controllers/endpoint-slices";
import { reconcileEndpoints } from "../src/controllers/endpoints";
import { applyManifests, type ClusterState, createCluster, listObjects, traceRequests } from "../src/index";
import { Tx } from "../src/store/tx";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function timed(label: string, runs: number, warmup: number, fn: () => void, detail: string): void {
  const times: number[] = [];
  for (let i = 0; i < runs + warmup; i++) {
    const t0 = performance.now();
    fn();
    const t1 = performance.now();
    if (i >= warmup) times.push(t1 - t0);
  }
  console.log(
    `${label.padEnd(58)} median ${median(times).toFixed(2).padStart(9)} ms  (${runs} runs, ${detail})`,
  );
}

function cluster(nodeCount: number, text: string): ClusterState {
  const created = createCluster({ seed: 42, topology: { nodeCount } });
  if (!created.ok) throw new Error(created.errors.join("\n"));
  return applyManifests(created.state, [{ name: "bench.yaml", text }]).state;
}

const deployment = (name: string, app: string, replicas: number) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: ${name} }\nspec:\n  replicas: ${replicas}\n  selector: { matchLabels: { app: ${app} } }\n  template:\n    metadata: { labels: { app: ${app} } }\n    spec:\n      containers: [{ name: hello, image: "gcr.io/google-samples/hello-app:1.0", ports: [{ containerPort: 8080, name: http }] }]\n`;
const service = (name: string, app: string) =>
  `apiVersion: v1\nkind: Service\nmetadata: { name: ${name} }\nspec:\n  selector: { app: ${app} }\n  ports: [{ port: 80, targetPort: http }]\n`;

// 1,000 requests through a Service with 50 endpoints on 3 nodes: DNS, kube-proxy's choice, routing, HTTP.
const fifty = cluster(
  3,
  [
    deployment("web", "web", 50),
    service("web", "web"),
    "apiVersion: v1\nkind: Pod\nmetadata: { name: client }\nspec:\n  containers: [{ name: c, image: busybox, command: [sleep, '3600'] }]\n",
  ].join("---\n"),
);
const requests = Array.from({ length: 1000 }, () => ({ from: "client", url: "http://web/" }));
const check = traceRequests(fifty, requests).results;
const delivered = check.filter((r) => r.ok && r.outcome === "delivered").length;
if (delivered !== 1000) throw new Error(`only ${delivered} of 1000 requests were delivered`);
const backends = new Set(check.map((r) => (r.ok ? r.hops.find((h) => h.kind === "pod-in")?.pod : "")));
timed(
  "1,000 requests through a Service, 50 endpoints, 3 nodes",
  20,
  5,
  () => traceRequests(fifty, requests, { hops: false }),
  `${backends.size} backends reached`,
);
timed(
  "the same 1,000 requests, each traced hop by hop",
  20,
  5,
  () => traceRequests(fifty, requests),
  "9 hops each",
);

// Endpoint reconciliation: 200 Services x 20 pods.
const many = cluster(
  40,
  Array.from({ length: 200 }, (_, i) => deployment(`app${i}`, `app${i}`, 20)).join("---\n"),
);
const services = Array.from({ length: 200 }, (_, i) => service(`svc${i}`, `app${i}`)).join("---\n");
const withServices = applyManifests(many, [{ name: "services.yaml", text: services }]).state;
const slices = listObjects(withServices, "EndpointSlice").length;
// The same cluster with the Services' Endpoints and EndpointSlices removed: one pass of each controller rebuilds them.
const stripTx = new Tx(withServices);
for (const key of Object.keys(stripTx.objects)) {
  const obj = stripTx.objects[key];
  if (obj && (key.startsWith("Endpoints/default/svc") || key.startsWith("EndpointSlice/default/svc")))
    stripTx.remove(obj);
}
const stripped = stripTx.commit();
timed(
  "endpoints + slices, 200 Services x 20 pods, from scratch",
  10,
  3,
  () => {
    const tx = new Tx(stripped);
    reconcileEndpoints(tx);
    reconcileEndpointSlices(tx);
  },
  `${slices - 2} slices`,
);
timed(
  "apply 200 Services to 4,000 running pods (all controllers)",
  5,
  2,
  () => applyManifests(many, [{ name: "services.yaml", text: services }]),
  `${listObjects(many, "Pod").length} pods`,
);
