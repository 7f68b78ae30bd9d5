// Every manifest a lesson shows is a real file that runs: each is applied, in the lesson's order, to the
// real engine, and what the lesson says happens is checked. A lesson named here that the course lacks,
// or a kind the engine does not serve, fails: nothing is skipped.
import { join } from "node:path";
import {
  applyManifests,
  type ClusterState,
  createCluster,
  getObject,
  KINDS,
  listObjects,
  type Pod,
  parseManifests,
  traceRequests,
} from "@kubejam/engine";
import { run, runKj } from "@kubejam/kubectl";
import { describe, expect, it } from "vitest";
import { type Lesson, loadCourse } from "../src/index";
import type { ScriptRun } from "./lesson-script";
import { scriptOf } from "./lesson-script-expect";

const root = join(import.meta.dirname, "..", "..", "..", "content");
const { course, diagnostics } = loadCourse(root);
const lessons = course?.lessons ?? [];

/** The kinds each lesson needs; kept by hand so that a new kind in a lesson is a conscious change. */
const LESSON_KINDS: Record<string, string[]> = {
  "one-ip-per-pod": ["Pod"],
  "pod-to-pod": ["Pod"],
  "vpc-native": ["Deployment"],
  "nodeport-loadbalancer": ["Deployment", "Service"],
  services: ["Deployment", "Pod", "Service"],
  volumes: ["Pod"],
  "operator-and-developer": ["PersistentVolumeClaim", "Pod", "StorageClass"],
  "pv-pvc-storageclass": ["PersistentVolume", "PersistentVolumeClaim", "Pod", "StorageClass"],
};

const served = new Set(KINDS.map((k) => k.kind));
const missingKinds = (slug: string) => (LESSON_KINDS[slug] ?? []).filter((k) => !served.has(k));

function kindsIn(lesson: Lesson): string[] {
  const kinds = new Set<string>();
  for (const m of lesson.manifests) {
    const parsed = parseManifests(m.name, m.text);
    if (parsed.ok)
      for (const d of parsed.documents) if (typeof d.value.kind === "string") kinds.add(d.value.kind);
  }
  return [...kinds].sort();
}

function cluster(): ClusterState {
  const created = createCluster({ seed: 1 });
  if (!created.ok) throw new Error(created.errors.join("\n"));
  return created.state;
}

/** Applies a lesson's files in order as a learner would, holding each to its `expect`. */
function applyLesson(lesson: Lesson, upTo?: string): ClusterState {
  let state = cluster();
  for (const m of lesson.manifests) {
    const applied = applyManifests(state, [{ name: m.name, text: m.text }]);
    state = applied.state;
    const failures = applied.results.filter((r) => !r.ok).map((r) => (r.ok ? "" : r.diagnostic.message));
    if (m.expect === "applies") expect(failures, `${lesson.slug}/${m.name}`).toEqual([]);
    else expect(failures.length, `${lesson.slug}/${m.name} should be rejected`).toBeGreaterThan(0);
    if (m.name === upTo) break;
  }
  return state;
}

const kubectl = (state: ClusterState, line: string) => run(state, line.split(" "));
function lesson(slug: string): Lesson {
  const found = lessons.find((l) => l.slug === slug);
  if (!found) throw new Error(`the course has no lesson ${slug}`);
  return found;
}

describe("content/", () => {
  it("loads without errors", () => {
    expect(diagnostics.filter((d) => d.level === "error")).toEqual([]);
    expect(lessons.length).toBeGreaterThan(0);
  });

  it("declares the kinds of every lesson in LESSON_KINDS, and the engine serves them all", () => {
    expect(Object.fromEntries(lessons.map((l) => [l.slug, kindsIn(l)]))).toEqual(LESSON_KINDS);
    expect(lessons.flatMap((l) => missingKinds(l.slug))).toEqual([]);
  });

  for (const l of lessons) {
    it(`${l.slug}: every manifest applies as the lesson expects`, () => {
      applyLesson(l);
    });
  }
});

describe("one-ip-per-pod says what the cluster does", () => {
  const l = lesson("one-ip-per-pod");
  it("every command runs and every output shown is what the engine prints", () => {
    scriptOf(l);
  });

  it("two containers, one IP, one localhost", () => {
    const state = applyLesson(l, "web-sidecar.yaml");
    const ip = getObject<Pod>(state, "Pod", "default", "web")?.status.podIP;
    expect(ip).toMatch(/^10\.8\./);
    expect(kubectl(state, "exec web -c nginx -- hostname -i").stdout.trim()).toBe(ip);
    expect(kubectl(state, "exec web -c sidecar -- hostname -i").stdout.trim()).toBe(ip);
    expect(kubectl(state, "exec web -c sidecar -- wget -qO- localhost").stdout).toContain(
      "Welcome to nginx!",
    );
    const refused = kubectl(state, "exec web -c sidecar -- wget -qO- localhost:8080");
    expect(refused.exitCode).not.toBe(0);
    expect(refused.stderr).toContain("Connection refused");
    expect(kubectl(state, "get pod web").stdout).toMatch(/web\s+2\/2\s+Running/);
  });
});

describe("pv-pvc-storageclass says what the cluster does", () => {
  const l = lesson("pv-pvc-storageclass");
  type Claim = { spec: { volumeName?: string }; status: { phase?: string; capacity?: { storage?: string } } };

  it("a 3Gi claim binds the whole 5Gi NFS volume", () => {
    const state = applyLesson(l, "claim-static.yaml");
    const claim = getObject(state, "PersistentVolumeClaim", "default", "web-content") as unknown as
      | Claim
      | undefined;
    expect(claim?.status.phase).toBe("Bound");
    expect(claim?.spec.volumeName).toBe("pv-nfs");
    expect(claim?.status.capacity?.storage).toBe("5Gi");
  });

  it("a WaitForFirstConsumer claim waits for its pod, then binds a provisioned volume", () => {
    const waiting = applyLesson(l, "claim-ssd.yaml");
    const before = getObject(waiting, "PersistentVolumeClaim", "default", "db-data") as unknown as
      | Claim
      | undefined;
    expect(before?.status.phase).toBe("Pending");
    expect(kubectl(waiting, "describe pvc db-data").stdout).toContain(
      "waiting for first consumer to be created before binding",
    );
    const state = applyLesson(l);
    const after = getObject(state, "PersistentVolumeClaim", "default", "db-data") as unknown as
      | Claim
      | undefined;
    expect(after?.status.phase).toBe("Bound");
    expect(after?.spec.volumeName).toMatch(/^pvc-/);
  });
});

type NodeView = { metadata: { name: string }; spec: { podCIDR?: string } };

/** Whether an IPv4 address lies in a CIDR block. */
function inCidr(ip: string, cidr: string): boolean {
  const toInt = (a: string) => a.split(".").reduce((n, o) => n * 256 + Number(o), 0);
  const [base = "", bits = "32"] = cidr.split("/");
  const size = 2 ** (32 - Number(bits));
  return Math.floor(toInt(ip) / size) === Math.floor(toInt(base) / size);
}

function podOn(
  state: ClusterState,
  name: string,
  namespace = "default",
): { ip: string; node: string; cidr: string } {
  const pod = getObject<Pod>(state, "Pod", namespace, name);
  const node = pod?.spec.nodeName ?? "";
  const cidr = (getObject(state, "Node", undefined, node) as unknown as NodeView | undefined)?.spec.podCIDR;
  return { ip: pod?.status.podIP ?? "", node, cidr: cidr ?? "" };
}

describe("pod-to-pod says what the cluster does", () => {
  const l = lesson("pod-to-pod");
  it("every command runs and every output shown is what the engine prints", () => {
    scriptOf(l);
  });

  it("near shares the server's node, far does not, and each IP is in its node's range", () => {
    const state = applyLesson(l);
    const [server, near, far] = ["server", "near", "far"].map((n) => podOn(state, n));
    expect(server?.ip).toBe("10.8.0.3");
    expect(near?.node).toBe(server?.node);
    expect(far?.node).not.toBe(server?.node);
    for (const p of [server, near, far]) expect(p && inCidr(p.ip, p.cidr), JSON.stringify(p)).toBe(true);
  });

  it("the server logs each client's own pod IP (no NAT), and a re-created pod gets a new IP", () => {
    const { steps } = scriptOf(l);
    const fetched = steps.find((s) => s.command === "kubectl exec far -- wget -qO- http://10.8.0.3");
    expect(fetched?.printed).toContain("Welcome to nginx!");
    const log = fetched ? kubectl(fetched.state, "logs server").stdout : "";
    expect(log).toMatch(/^10\.8\.0\.4 - - .*"Wget"/m);
    expect(log).toMatch(/^10\.8\.1\.3 - - .*"Wget"/m);
    const before = steps.find((s) => s.command === "kubectl delete pod far");
    const recreated = steps.find((s) => s.command === "kubectl apply -f clients.yaml");
    expect(before && podOn(before.state, "far").ip).toBe("");
    expect(recreated && podOn(recreated.state, "far").ip).toBe("10.8.1.4");
  });
});

describe("vpc-native says what the cluster does", () => {
  const l = lesson("vpc-native");
  it("every command runs and every output shown is what the engine prints", () => {
    scriptOf(l);
  });

  it("nodes, pods and Services take addresses from their own ranges", () => {
    const state = applyLesson(l);
    const nodes = listObjects(state, "Node") as unknown as (NodeView & {
      status: { addresses: { type: string; address: string }[] };
    })[];
    expect(nodes).toHaveLength(3);
    for (const n of nodes) {
      expect(n.spec.podCIDR).toMatch(/\/24$/);
      expect(inCidr(n.spec.podCIDR?.split("/")[0] ?? "", "10.8.0.0/14")).toBe(true);
      const internal = n.status.addresses.find((a) => a.type === "InternalIP")?.address ?? "";
      expect(inCidr(internal, "10.128.0.0/20"), internal).toBe(true);
    }
    const pods = [
      ...listObjects<Pod>(state, "Pod", "default"),
      ...listObjects<Pod>(state, "Pod", "kube-system"),
    ];
    expect(pods.length).toBe(8);
    for (const p of pods) {
      const { ip, cidr } = podOn(state, p.metadata.name, p.metadata.namespace);
      expect(inCidr(ip, cidr), `${p.metadata.name} ${ip} ${cidr}`).toBe(true);
    }
    const dns = listObjects<Pod>(state, "Pod", "kube-system").map((p) => p.status.podIP);
    expect(dns.sort()).toEqual(["10.8.0.2", "10.8.1.2"]);
    const svc = getObject(state, "Service", "default", "kubernetes") as unknown as {
      spec: { clusterIP: string };
    };
    expect(inCidr(svc.spec.clusterIP, "10.12.0.0/20")).toBe(true);
  });

  it("each line of the lesson's list is the range GKE gives a node for that many pods", () => {
    const rows = [
      ...l.body.en.matchAll(/^- (\d+)(?:–(\d+))? pods per node: a `\/(\d+)`, (\d+) addresses$/gm),
    ];
    const rowsKo = [...l.body.ko.matchAll(/^- 노드당 파드 (\d+)(?:–(\d+))?개: `\/(\d+)`, 주소 (\d+)개$/gm)];
    expect(rowsKo.map((r) => r.slice(1))).toEqual(rows.map((r) => r.slice(1)));
    expect(rows).toHaveLength(5);
    for (const [, low, high, prefix, addresses] of rows) {
      for (const maxPodsPerNode of [Number(low), Number(high ?? low)]) {
        const created = createCluster({ seed: 1, topology: { nodeCount: 1, maxPodsPerNode } });
        if (!created.ok) throw new Error(created.errors.join("\n"));
        const [node] = listObjects(created.state, "Node") as unknown as NodeView[];
        expect(node?.spec.podCIDR, `${maxPodsPerNode} pods per node`).toMatch(new RegExp(`/${prefix}$`));
        expect(2 ** (32 - Number(prefix))).toBe(Number(addresses));
      }
    }
  });

  it("a pod beyond max pods per node, system pods included, stays Pending: Too many pods", () => {
    const created = createCluster({ seed: 1, topology: { nodeCount: 1, maxPodsPerNode: 8 } });
    if (!created.ok) throw new Error(created.errors.join("\n"));
    const system = listObjects<Pod>(created.state, "Pod", "kube-system").length;
    expect(system).toBeGreaterThan(0);
    const state = kubectl(
      created.state,
      `create deployment fill --image=nginx:1.27 --replicas=${9 - system}`,
    ).state;
    const phases = listObjects<Pod>(state, "Pod", "default").map((p) => p.status.phase);
    expect(phases.filter((p) => p === "Running")).toHaveLength(8 - system);
    expect(phases.filter((p) => p === "Pending")).toHaveLength(1);
    expect(kubectl(state, "get events").stdout).toContain("Too many pods");
  });
});

describe("services says what the cluster does", () => {
  const l = lesson("services");
  type Svc = { spec: { clusterIP: string } };
  const step = (run: ScriptRun, command: string) => run.steps.find((s) => s.command === command);

  it("every command runs and every output shown is what the engine prints", () => {
    scriptOf(l);
  });

  it("the Service's endpoints are the ready replicas at their port named http", () => {
    const state = applyLesson(l, "service.yaml");
    const replicas = listObjects<Pod>(state, "Pod", "default").filter(
      (p) => p.metadata.labels?.app === "web",
    );
    expect(replicas).toHaveLength(3);
    const expected = replicas.map((p) => `${p.status.podIP}:8080`).sort();
    const described = kubectl(state, "describe service web").stdout;
    expect(/Endpoints:\s+(\S+)/.exec(described)?.[1]?.split(",").sort()).toEqual(expected);
    const svc = getObject(state, "Service", "default", "web") as unknown as Svc;
    expect(inCidr(svc.spec.clusterIP, "10.12.0.0/20")).toBe(true);
    expect(kubectl(state, "exec client -- nslookup web").stdout).toContain(`Address: ${svc.spec.clusterIP}`);
  });

  it("requests to the name are spread over every replica, and the address survives them", () => {
    const run = scriptOf(l);
    const answers = run.steps
      .filter((s) => s.command === "kubectl exec client -- wget -qO- http://web")
      .map((s) => /Hostname: (\S+)/.exec(s.printed)?.[1]);
    expect(answers).toHaveLength(4);
    expect(new Set(answers).size, answers.join(" ")).toBeGreaterThan(1);
    const before = step(run, "kubectl delete pod -l app=web");
    const after = step(run, "kubectl get endpointslices -l kubernetes.io/service-name=web");
    const listed = run.steps.filter(
      (s) => s.command === "kubectl get endpointslices -l kubernetes.io/service-name=web",
    );
    expect(listed).toHaveLength(2);
    expect(listed[1]?.printed).not.toBe(listed[0]?.printed);
    const ip = (s?: { state: ClusterState }) =>
      s && (getObject(s.state, "Service", "default", "web") as unknown as Svc | undefined)?.spec.clusterIP;
    expect(ip(before)).toBe(ip(after));
    const state = after?.state;
    if (!state) throw new Error("no state after the endpoints changed");
    const { results } = traceRequests(
      state,
      Array.from({ length: 30 }, () => ({ from: "client", url: "http://web", namespace: "default" })),
      { hops: false },
    );
    const reached = new Set(results.map((r) => (r.ok ? r.target : undefined)));
    const replicas = listObjects<Pod>(state, "Pod", "default").filter(
      (p) => p.metadata.labels?.app === "web",
    );
    expect([...reached].sort()).toEqual(replicas.map((p) => `default/${p.metadata.name}`).sort());
  });

  it("a selected pod that is not Ready stays in the slice, marked not ready, and gets no requests", () => {
    const unready = `apiVersion: v1
kind: Pod
metadata:
  name: unready
  labels:
    app: web
spec:
  containers:
    - name: hello
      image: gcr.io/google-samples/hello-app:1.0
      ports:
        - containerPort: 8080
          name: http
      readinessProbe:
        httpGet:
          path: /
          port: 9999
`;
    const applied = applyManifests(applyLesson(l, "service.yaml"), [{ name: "unready.yaml", text: unready }]);
    const state = runKj(applied.state, ["advance", "30s"]).state;
    const ip = getObject<Pod>(state, "Pod", "default", "unready")?.status.podIP;
    type Slice = { endpoints: { addresses: string[]; conditions: { ready: boolean } }[] };
    const [slice] = listObjects(state, "EndpointSlice", "default").filter(
      (o) => o.metadata.labels?.["kubernetes.io/service-name"] === "web",
    ) as unknown as Slice[];
    const entry = slice?.endpoints.find((e) => e.addresses.includes(ip ?? ""));
    expect(entry?.conditions.ready).toBe(false);
    const { results } = traceRequests(
      state,
      Array.from({ length: 30 }, () => ({ from: "client", url: "http://web", namespace: "default" })),
      { hops: false },
    );
    expect(results.every((r) => r.ok && r.outcome === "delivered")).toBe(true);
    expect(results.some((r) => r.ok && r.target === "default/unready")).toBe(false);
  });

  it("from another namespace the short name fails and <service>.<namespace> works", () => {
    let state = kubectl(applyLesson(l, "service.yaml"), "create namespace other").state;
    state = kubectl(state, "run probe -n other --image=busybox:1.36 -- sleep 3600").state;
    state = runKj(state, ["advance", "10s"]).state;
    const ask = (url: string) =>
      traceRequests(state, [{ from: "probe", url, namespace: "other" }], { hops: false }).results[0];
    expect(ask("http://web")).toMatchObject({ ok: true, outcome: "unresolved" });
    expect(ask("http://web.default")).toMatchObject({ ok: true, outcome: "delivered" });
    expect(ask("http://web.default.svc.cluster.local")).toMatchObject({ ok: true, outcome: "delivered" });
  });

  it("a selector that matches no pod gives no endpoints and refused connections", () => {
    const run = scriptOf(l);
    const refused = step(run, "kubectl exec client -- wget -qO- http://typo");
    expect(refused?.printed).toContain("Connection refused");
    expect(
      refused && kubectl(refused.state, "get endpointslices -l kubernetes.io/service-name=typo").stdout,
    ).toMatch(/typo-\S+\s+IPv4\s+<unset>\s+<unset>/);
  });
});

describe("nodeport-loadbalancer says what the cluster does", () => {
  const l = lesson("nodeport-loadbalancer");
  type Svc = {
    spec: { ports: { nodePort?: number }[] };
    status: { loadBalancer?: { ingress?: { ip: string }[] } };
  };
  const step = (run: ScriptRun, command: string) => run.steps.find((s) => s.command === command);

  it("every command runs and every output shown is what the engine prints", () => {
    scriptOf(l);
  });

  it("a node port answers on every node, pods or not, and not from the Internet", () => {
    let state = applyLesson(l, "service-nodeport.yaml");
    state = kubectl(state, "scale deployment web --replicas=1").state;
    const nodes = listObjects(state, "Node") as unknown as (NodeView & {
      status: { addresses: { type: string; address: string }[] };
    })[];
    const withPod = new Set(listObjects<Pod>(state, "Pod", "default").map((p) => p.spec.nodeName));
    expect(nodes.filter((n) => !withPod.has(n.metadata.name)).length).toBeGreaterThan(0);
    const from = `node/${nodes[0]?.metadata.name}`;
    const urls = nodes.map((n) => {
      const ip = n.status.addresses.find((a) => a.type === "InternalIP")?.address;
      return { from, url: `http://${ip}:30080`, namespace: "default" };
    });
    const { results } = traceRequests(state, urls, { hops: false });
    expect(results.map((r) => (r.ok ? `${r.outcome} ${r.status}` : r.message))).toEqual(
      urls.map(() => "delivered HTTP/1.1 200 OK"),
    );
    const external = nodes.map((n) => n.status.addresses.find((a) => a.type === "ExternalIP")?.address);
    const blocked = traceRequests(
      state,
      external.map((ip) => ({ from: "internet", url: `http://${ip}:30080`, namespace: "default" })),
      { hops: false },
    ).results;
    expect(blocked.map((r) => r.ok && r.outcome)).toEqual(external.map(() => "timeout"));
  });

  it("the load balancer's IP is pending at first, then reaches the pods from the Internet", () => {
    const run = scriptOf(l);
    const lb = (s?: { state: ClusterState }) =>
      s && (getObject(s.state, "Service", "default", "web-lb") as unknown as Svc | undefined);
    const created = lb(step(run, "kubectl describe service web-lb"));
    expect(created?.status.loadBalancer?.ingress ?? []).toEqual([]);
    const nodePort = created?.spec.ports[0]?.nodePort ?? 0;
    expect(nodePort).toBeGreaterThanOrEqual(30000);
    expect(nodePort).toBeLessThanOrEqual(32767);
    expect(l.body.en).toContain(`node port ${nodePort})`);
    expect(l.body.ko).toContain(`노드 포트 ${nodePort}을`);
    const later = step(run, "kjctl advance 1m");
    const ip = lb(later)?.status.loadBalancer?.ingress?.[0]?.ip ?? "";
    expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const state = later?.state;
    if (!state) throw new Error("no state after the load balancer was built");
    const { results } = traceRequests(
      state,
      Array.from({ length: 30 }, () => ({ from: "internet", url: `http://${ip}`, namespace: "default" })),
      { hops: false },
    );
    const reached = new Set(results.map((r) => (r.ok && r.outcome === "delivered" ? r.target : r.ok)));
    expect(reached.size).toBe(3);
  });
});
