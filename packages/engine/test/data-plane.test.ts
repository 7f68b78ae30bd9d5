import { describe, expect, it } from "vitest";
import {
  explainService,
  getObject,
  listObjects,
  type Node,
  type Pod,
  type Service,
  traceRequests,
} from "../src/index";
import { TestCluster } from "./test-cluster";

// The data plane as a learner meets it through `kubectl exec` and `kjctl trace`: DNS names, pod IPs
// across nodes, kube-proxy's choice of backend, and the real failure texts.

const helloDeployment = (replicas = 3) => `apiVersion: apps/v1
kind: Deployment
metadata: { name: hello }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: hello } }
  template:
    metadata: { labels: { app: hello } }
    spec:
      containers:
      - name: hello
        image: gcr.io/google-samples/hello-app:1.0
        ports: [{ containerPort: 8080, name: http }]
`;
const helloService = (extra = "") => `apiVersion: v1
kind: Service
metadata: { name: hello }
spec:
  selector: { app: hello }
  ports: [{ port: 80, targetPort: http }]
${extra}`;
const client = `apiVersion: v1
kind: Pod
metadata: { name: client }
spec:
  containers: [{ name: c, image: busybox:1.36, command: ["sleep", "3600"] }]
`;

function cluster(): TestCluster {
  const c = new TestCluster();
  c.apply(helloDeployment());
  c.apply(helloService());
  c.apply(client);
  return c;
}

function wget(c: TestCluster, url: string): { out: string; err: string; code: number } {
  const r = c.exec("client", ["wget", "-qO-", "-T", "3", url]);
  if (!r.ok) throw new Error(r.message);
  return { out: r.stdout, err: r.stderr, code: r.exitCode };
}

describe("DNS", () => {
  it.each([["hello"], ["hello.default"], ["hello.default.svc"], ["hello.default.svc.cluster.local"]])(
    "%s resolves to the Service's ClusterIP",
    (name) => {
      const c = cluster();
      const ip = getObject<Service>(c.state, "Service", "default", "hello")?.spec.clusterIP;
      const r = c.exec("client", ["nslookup", name]);
      expect(r.ok && r.stdout).toContain("Name:\thello.default.svc.cluster.local\n");
      expect(r.ok && r.stdout).toContain(`Address: ${ip}\n`);
    },
  );

  it("a headless Service resolves to its ready pods' IPs, and a pod to its dashed A record", () => {
    const c = cluster();
    c.apply(
      helloService()
        .replace("name: hello }", "name: hello-headless }")
        .replace("spec:\n", "spec:\n  clusterIP: None\n"),
    );
    const ips = listObjects<Pod>(c.state, "Pod")
      .filter((p) => p.metadata.labels?.app === "hello")
      .map((p) => p.status.podIP ?? "")
      .sort();
    const r = c.exec("client", ["nslookup", "hello-headless"]);
    for (const ip of ips) expect(r.ok && r.stdout).toContain(`Address: ${ip}\n`);
    const dashed = `${(ips[0] ?? "").replaceAll(".", "-")}.default.pod.cluster.local`;
    const p = c.exec("client", ["nslookup", dashed]);
    expect(p.ok && p.stdout).toContain(`Address: ${ips[0]}\n`);
  });

  it("an unknown name is NXDOMAIN after the whole search path, and wget says bad address", () => {
    const c = cluster();
    const r = c.exec("client", ["nslookup", "helo"]);
    expect(r.ok && r.stdout).toContain("** server can't find helo.default.svc.cluster.local: NXDOMAIN");
    expect(r.ok && r.exitCode).toBe(1);
    expect(wget(c, "http://helo").err).toBe("wget: bad address 'helo'\n");
  });

  it("a Service in another namespace needs its namespace in the name", () => {
    const c = cluster();
    c.apply("apiVersion: v1\nkind: Namespace\nmetadata: { name: team }\n");
    const [created] = c.apply(helloDeployment().replace("name: hello }", "name: hello, namespace: team }"));
    expect(created?.ok).toBe(true);
    c.apply(helloService().replace("name: hello }", "name: api, namespace: team }"));
    expect(wget(c, "http://api").err).toBe("wget: bad address 'api'\n");
    expect(wget(c, "http://api.team").out).toContain("Hello, world!");
  });

  it("an ExternalName Service that names itself is SERVFAIL, not a hang", () => {
    const c = cluster();
    c.apply(
      "apiVersion: v1\nkind: Service\nmetadata: { name: loop }\nspec:\n  type: ExternalName\n  externalName: loop.default.svc.cluster.local\n",
    );
    const r = c.exec("client", ["nslookup", "loop"]);
    expect(r.ok && r.stdout).toContain("SERVFAIL");
    expect(wget(c, "http://loop").err).toBe("wget: bad address 'loop'\n");
  });

  it("without a ready kube-dns pod, every lookup times out", () => {
    const c = cluster();
    c.apply(
      "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: kube-dns, namespace: kube-system }\nspec:\n  replicas: 0\n  selector: { matchLabels: { k8s-app: kube-dns } }\n  template:\n    metadata: { labels: { k8s-app: kube-dns } }\n    spec:\n      containers: [{ name: kubedns, image: gke.gcr.io/k8s-dns-kube-dns:1.26.4-gke.1 }]\n",
    );
    c.tick(60_000);
    const r = c.exec("client", ["nslookup", "hello"]);
    expect(r.ok && r.stdout).toContain(";; connection timed out; no servers could be reached");
  });
});

describe("pod to pod and pod to Service", () => {
  it("reaches a pod on another node by its IP, without NAT, through the VPC route", () => {
    const c = cluster();
    const me = c.pod("client");
    const other = listObjects<Pod>(c.state, "Pod").find(
      (p) => p.metadata.labels?.app === "hello" && p.spec.nodeName !== me?.spec.nodeName,
    );
    expect(other).toBeDefined();
    expect(wget(c, `http://${other?.status.podIP}:8080/`).out).toBe(
      `Hello, world!\nVersion: 1.0.0\nHostname: ${other?.metadata.name}\n`,
    );
    const { results } = traceRequests(c.state, [
      { from: "client", url: `http://${other?.status.podIP}:8080/` },
    ]);
    const t = results[0];
    expect(t?.ok && t.outcome).toBe("delivered");
    expect(t?.ok && t.hops.map((h) => h.kind)).toEqual([
      "pod-out",
      "veth-out",
      "node-out",
      "vpc",
      "node-in",
      "node-route",
      "veth-in",
      "pod-in",
    ]);
    // The source address is the client pod's at every hop: no NAT between pods.
    expect(t?.ok && new Set(t.hops.map((h) => h.src.split(":")[0]))).toEqual(new Set([me?.status.podIP]));
  });

  it("kube-proxy spreads requests over every ready replica", () => {
    const c = cluster();
    const hosts = new Map<string, number>();
    for (let i = 0; i < 60; i++) {
      const host = /Hostname: (.*)/.exec(wget(c, "http://hello").out)?.[1] ?? "?";
      hosts.set(host, (hosts.get(host) ?? 0) + 1);
    }
    expect(hosts.size).toBe(3);
    for (const n of hosts.values()) expect(n).toBeGreaterThan(8);
  });

  it("ClientIP session affinity sends one client to one replica", () => {
    const c = cluster();
    c.apply(helloService("  sessionAffinity: ClientIP\n"));
    const hosts = new Set<string>();
    for (let i = 0; i < 10; i++) hosts.add(/Hostname: (.*)/.exec(wget(c, "http://hello").out)?.[1] ?? "?");
    expect(hosts.size).toBe(1);
  });

  it.each([
    {
      story: "a Service without endpoints refuses the connection",
      setup: (c: TestCluster) => c.apply(helloService().replace("app: hello }", "app: helo }")),
      err: /wget: can't connect to remote host \(10\.12\.\d+\.\d+\): Connection refused\n/,
    },
    {
      story: "a port the Service does not have times out",
      setup: () => undefined,
      url: "http://hello:81",
      err: /^wget: download timed out\n$/,
    },
    {
      story: "a targetPort nothing listens on is refused by the pod",
      setup: (c: TestCluster) => c.apply(helloService().replace("targetPort: http", "targetPort: 9999")),
      err: /Connection refused/,
    },
  ])("$story", ({ setup, url, err }) => {
    const c = cluster();
    setup(c);
    const r = wget(c, url ?? "http://hello");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(err);
  });

  it("pods get the variables of Services created before them, not after", () => {
    const c = cluster();
    const env = c.exec("client", ["env"]);
    expect(env.ok && env.stdout).toMatch(/^HELLO_SERVICE_HOST=10\.12\./m);
    expect(env.ok && env.stdout).toMatch(/^HELLO_PORT_80_TCP_PORT=80$/m);
    expect(env.ok && env.stdout).toMatch(/^KUBERNETES_SERVICE_HOST=10\.12\.0\.1$/m);
    c.apply(helloService().replace("name: hello }", "name: late }"));
    const again = c.exec("client", ["env"]);
    expect(again.ok && again.stdout).not.toContain("LATE_SERVICE_HOST");
  });

  it("ip addr and ip route show the addresses the trace uses", () => {
    const c = cluster();
    const pod = c.pod("client");
    const node = getObject<Node>(c.state, "Node", undefined, pod?.spec.nodeName ?? "");
    const addr = c.exec("client", ["ip", "addr"]);
    expect(addr.ok && addr.stdout).toContain(`inet ${pod?.status.podIP}/24`);
    const routes = c.exec("client", ["ip", "route"]);
    const gateway = (node?.spec.podCIDR ?? "").replace(/0\/24$/, "1");
    expect(routes.ok && routes.stdout).toContain(`default via ${gateway} dev eth0`);
    const { results } = traceRequests(c.state, [{ from: "client", url: "http://hello" }]);
    expect(results[0]?.ok && results[0].hops[0]?.detail).toContain(`default route via ${gateway}`);
  });
});

describe("from outside the cluster", () => {
  it("a NodePort is open on every node, to pods anywhere (SNAT to the node)", () => {
    const c = cluster();
    c.apply(
      helloService()
        .replace("spec:\n", "spec:\n  type: NodePort\n")
        .replace("targetPort: http", "targetPort: http, nodePort: 30080"),
    );
    for (const node of listObjects<Node>(c.state, "Node")) {
      const { results } = traceRequests(c.state, [
        { from: `node/${node.metadata.name}`, url: `http://${node.status.addresses[0]?.address}:30080/` },
      ]);
      expect(results[0]?.ok && results[0].outcome).toBe("delivered");
      expect(
        results[0]?.ok && results[0].hops.some((h) => h.detail.startsWith("KUBE-POSTROUTING: MASQUERADE")),
      ).toBe(true);
    }
  });

  it("a LoadBalancer is reachable from the Internet once it has its IP; a NodePort is not", () => {
    const c = cluster();
    c.apply(helloService().replace("spec:\n", "spec:\n  type: LoadBalancer\n"));
    c.tick(60_000);
    const ip = getObject<Service>(c.state, "Service", "default", "hello")?.status.loadBalancer.ingress?.[0]
      ?.ip;
    const { results } = traceRequests(c.state, [{ from: "internet", url: `http://${ip}/` }]);
    expect(results[0]?.ok && results[0].status).toBe("HTTP/1.1 200 OK");
    expect(results[0]?.ok && results[0].hops[0]?.kind).toBe("load-balancer");
    const node = listObjects<Node>(c.state, "Node")[0];
    const external = node?.status.addresses.find((a) => a.type === "ExternalIP")?.address;
    const port = getObject<Service>(c.state, "Service", "default", "hello")?.spec.ports?.[0]?.nodePort;
    const blocked = traceRequests(c.state, [{ from: "internet", url: `http://${external}:${port}/` }])
      .results[0];
    expect(blocked?.ok && blocked.outcome).toBe("timeout");
    expect(blocked?.ok && blocked.hops[0]?.kind).toBe("firewall");
  });
});

describe("externalTrafficPolicy: Local", () => {
  function localCluster(): TestCluster {
    const c = new TestCluster();
    c.apply(helloDeployment(1));
    c.apply(
      helloService()
        .replace("spec:\n", "spec:\n  type: LoadBalancer\n  externalTrafficPolicy: Local\n")
        .replace("targetPort: http", "targetPort: http, nodePort: 30080"),
    );
    c.tick(60_000);
    return c;
  }

  it("a node port answers only on the node that runs a ready endpoint, keeping the client's address", () => {
    const c = localCluster();
    const podNode = c.pods().find((p) => p.metadata.name.startsWith("hello-"))?.spec.nodeName;
    for (const node of listObjects<Node>(c.state, "Node")) {
      const r = traceRequests(c.state, [
        { from: `node/${node.metadata.name}`, url: `http://${node.status.addresses[0]?.address}:30080/` },
      ]).results[0];
      const here = node.metadata.name === podNode;
      expect(r?.ok && r.outcome, node.metadata.name).toBe(here ? "delivered" : "timeout");
      expect(r?.ok && r.hops.some((h) => h.detail.startsWith("KUBE-POSTROUTING: MASQUERADE"))).toBe(false);
      if (!here) expect(r?.ok && r.hops.at(-1)?.detail).toContain("DROPs the packet");
    }
  });

  it("the load balancer sends Internet traffic only to that node, and the pod sees the client's IP", () => {
    const c = localCluster();
    const ip = getObject<Service>(c.state, "Service", "default", "hello")?.status.loadBalancer.ingress?.[0]
      ?.ip;
    const podNode = c.pods().find((p) => p.metadata.name.startsWith("hello-"))?.spec.nodeName;
    const { results } = traceRequests(
      c.state,
      Array.from({ length: 6 }, () => ({ from: "internet", url: `http://${ip}/` })),
    );
    for (const r of results) {
      expect(r?.ok && r.status).toBe("HTTP/1.1 200 OK");
      expect(r?.ok && r.hops.find((h) => h.kind === "node-in")?.node).toBe(podNode);
      expect(r?.ok && r.hops.at(-1)?.src.startsWith("203.0.113.")).toBe(true);
    }
    c.apply(helloDeployment(0));
    const none = traceRequests(c.state, [{ from: "internet", url: `http://${ip}/` }]).results[0];
    expect(none?.ok && none.outcome).toBe("timeout");
    expect(none?.ok && none.hops[0]?.detail).toContain("no healthy backend");
  });
});

describe("why a Service reaches the pods it does", () => {
  it("names the label that differs, the missing port name, the other namespace, and deaf endpoints", () => {
    const c = cluster();
    c.apply("apiVersion: v1\nkind: Namespace\nmetadata: { name: team }\n");
    c.apply(client.replace("name: client }", "name: stray, namespace: team, labels: { app: helo } }"));
    c.apply(client.replace("name: client }", "name: noport, labels: { app: helo } }"));
    c.apply(helloService().replace("app: hello }", "app: helo }"));
    const why = explainService(c.state, "default", "hello");
    expect(why?.readyEndpoints).toBe(0);
    const byPod = new Map(why?.verdicts.map((v) => [`${v.namespace}/${v.pod}`, v]));
    const hello = [...byPod.entries()].find(([k]) => k.startsWith("default/hello-"))?.[1];
    expect(hello).toEqual(
      expect.objectContaining({
        outcome: "label-mismatch",
        mismatches: [{ key: "app", wanted: "helo", actual: "hello", field: "spec.selector.app" }],
      }),
    );
    expect(byPod.get("default/noport")).toEqual(
      expect.objectContaining({
        outcome: "port-name-missing",
        targetPort: "http",
        field: "spec.ports[0].targetPort",
      }),
    );
    expect(byPod.get("team/stray")?.outcome).toBe("other-namespace");

    c.apply(helloService().replace("targetPort: http", "targetPort: 9999"));
    const deaf = explainService(c.state, "default", "hello");
    expect(deaf?.readyEndpoints).toBe(3);
    expect(deaf?.checks.map((x) => [x.listening, x.listeners])).toEqual([
      [false, [8080]],
      [false, [8080]],
      [false, [8080]],
    ]);
  });
});
