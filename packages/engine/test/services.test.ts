import { describe, expect, it } from "vitest";
import {
  deleteObjects,
  type EndpointSlice,
  type Endpoints,
  getObject,
  listObjects,
  type Service,
} from "../src/index";
import { TestCluster } from "./test-cluster";

// Services as the API server admits them (pkg/apis/core/validation: ValidateService, the registry's
// allocators) and as the control plane serves them: one case per type and per failure.

const svc = (spec: string, name = "web") =>
  `apiVersion: v1\nkind: Service\nmetadata: { name: ${name} }\nspec:\n${spec}`;

const webDeployment = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports: [{ containerPort: 80, name: http }]
`;

describe("Service types are admitted, defaulted and allocated", () => {
  it.each([
    {
      id: "1-1",
      story: "ClusterIP by default, targetPort defaults to port",
      spec: "  selector: { app: web }\n  ports: [{ port: 80 }]\n",
      check: (s: Service) => {
        expect(s.spec.type).toBe("ClusterIP");
        expect(s.spec.clusterIP).toMatch(/^10\.12\./);
        expect(s.spec.clusterIPs).toEqual([s.spec.clusterIP]);
        expect(s.spec.ports).toEqual([{ port: 80, protocol: "TCP", targetPort: 80 }]);
        expect(s.spec.sessionAffinity).toBe("None");
        expect(s.spec.ipFamilies).toEqual(["IPv4"]);
        expect(s.spec.ipFamilyPolicy).toBe("SingleStack");
        expect(s.spec.internalTrafficPolicy).toBe("Cluster");
        expect(s.spec.externalTrafficPolicy).toBeUndefined();
      },
    },
    {
      id: "1-2",
      story: "NodePort gets a port in 30000-32767 and externalTrafficPolicy Cluster",
      spec: "  type: NodePort\n  selector: { app: web }\n  ports: [{ port: 80, targetPort: http }]\n",
      check: (s: Service) => {
        const nodePort = s.spec.ports?.[0]?.nodePort ?? 0;
        expect(nodePort).toBeGreaterThanOrEqual(30000);
        expect(nodePort).toBeLessThanOrEqual(32767);
        expect(s.spec.ports?.[0]?.targetPort).toBe("http");
        expect(s.spec.externalTrafficPolicy).toBe("Cluster");
      },
    },
    {
      id: "1-3",
      story: "a NodePort asked for by number is kept",
      spec: "  type: NodePort\n  selector: { app: web }\n  ports: [{ port: 80, nodePort: 30080 }]\n",
      check: (s: Service) => expect(s.spec.ports?.[0]?.nodePort).toBe(30080),
    },
    {
      id: "1-4",
      story: "LoadBalancer: node ports, <pending> ingress, the cleanup finalizer",
      spec: "  type: LoadBalancer\n  selector: { app: web }\n  ports: [{ port: 80 }]\n",
      check: (s: Service) => {
        expect(s.spec.allocateLoadBalancerNodePorts).toBe(true);
        expect(s.spec.ports?.[0]?.nodePort).toBeGreaterThanOrEqual(30000);
        expect(s.status.loadBalancer.ingress).toBeUndefined();
        expect(s.metadata.finalizers).toEqual(["service.kubernetes.io/load-balancer-cleanup"]);
      },
    },
    {
      id: "1-5",
      story: "headless: clusterIP None, no allocation",
      spec: "  clusterIP: None\n  selector: { app: web }\n  ports: [{ port: 80 }]\n",
      check: (s: Service) => {
        expect(s.spec.clusterIP).toBe("None");
        expect(s.spec.clusterIPs).toEqual(["None"]);
      },
    },
    {
      id: "1-6",
      story: "ExternalName: no ClusterIP, no IP families",
      spec: "  type: ExternalName\n  externalName: db.example.com\n",
      check: (s: Service) => {
        expect(s.spec.clusterIP).toBeUndefined();
        expect(s.spec.ipFamilies).toBeUndefined();
        expect(s.spec.externalName).toBe("db.example.com");
      },
    },
    {
      id: "1-7",
      story: "ClientIP affinity gets the default three-hour timeout",
      spec: "  sessionAffinity: ClientIP\n  selector: { app: web }\n  ports: [{ port: 80 }]\n",
      check: (s: Service) =>
        expect(s.spec.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } }),
    },
    {
      id: "1-8",
      story: "several named ports, targetPort by number and by name",
      spec: "  selector: { app: web }\n  ports:\n  - { name: http, port: 80, targetPort: http }\n  - { name: metrics, port: 9090, targetPort: 9113 }\n",
      check: (s: Service) =>
        expect(s.spec.ports?.map((p) => [p.name, p.port, p.targetPort])).toEqual([
          ["http", 80, "http"],
          ["metrics", 9090, 9113],
        ]),
    },
    {
      id: "1-9",
      story: "a ClusterIP asked for inside the range is kept",
      spec: "  clusterIP: 10.12.0.99\n  selector: { app: web }\n  ports: [{ port: 80 }]\n",
      check: (s: Service) => expect(s.spec.clusterIP).toBe("10.12.0.99"),
    },
  ])("$id $story", ({ spec, check }) => {
    const c = new TestCluster();
    const [result] = c.apply(svc(spec));
    expect(result?.ok).toBe(true);
    const stored = getObject<Service>(c.state, "Service", "default", "web");
    expect(stored).toBeDefined();
    if (stored) check(stored);
  });
});

describe("invalid Services are refused with the API server's message, and nothing is stored", () => {
  const taken = svc(
    "  type: NodePort\n  selector: { app: a }\n  ports: [{ port: 80, nodePort: 30080 }]\n",
    "first",
  );
  it.each([
    {
      id: "2-1",
      story: "port out of range",
      spec: "  ports: [{ port: 70000 }]\n",
      // targetPort defaults to port before validation, so both are reported, as by a real API server.
      message:
        'The Service "web" is invalid: \n* spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive\n* spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    },
    {
      id: "2-2",
      story: "nodePort out of range",
      spec: "  type: NodePort\n  ports: [{ port: 80, nodePort: 8091 }]\n",
      message:
        'The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 8091: provided port is not in the valid range. The range of valid ports is 30000-32767',
    },
    {
      id: "2-3",
      story: "nodePort already taken",
      before: taken,
      spec: "  type: NodePort\n  ports: [{ port: 80, nodePort: 30080 }]\n",
      message:
        'The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated',
    },
    {
      id: "2-4",
      story: "ClusterIP outside the service range",
      spec: "  clusterIP: 10.96.0.10\n  ports: [{ port: 80 }]\n",
      message:
        'The Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: the provided IP (10.96.0.10) is not in the valid range. The range of valid IPs is 10.12.0.0/20',
    },
    {
      id: "2-5",
      story: "ClusterIP already allocated (kube-dns has .10)",
      spec: "  clusterIP: 10.12.0.10\n  ports: [{ port: 80 }]\n",
      message:
        'The Service "web" is invalid: spec.clusterIPs: Invalid value: []string{"10.12.0.10"}: failed to allocate IP 10.12.0.10: provided IP is already allocated',
    },
    {
      id: "2-6",
      story: "two ports, one without a name",
      spec: "  ports: [{ name: http, port: 80 }, { port: 443 }]\n",
      message: 'The Service "web" is invalid: spec.ports[1].name: Required value',
    },
    {
      id: "2-7",
      story: "the same port twice",
      spec: "  ports: [{ name: a, port: 80 }, { name: b, port: 80 }]\n",
      message:
        'The Service "web" is invalid: spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
    },
    {
      id: "2-8",
      story: "a misspelt type",
      spec: "  type: Nodeport\n  ports: [{ port: 80 }]\n",
      message:
        'The Service "web" is invalid: spec.type: Unsupported value: "Nodeport": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    },
    {
      id: "2-9",
      story: "protocol HTTP",
      spec: "  ports: [{ port: 80, protocol: HTTP }]\n",
      message:
        'The Service "web" is invalid: spec.ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    },
    {
      id: "2-10",
      story: "a targetPort name longer than 15 characters",
      spec: "  ports: [{ port: 80, targetPort: http-alternative-port }]\n",
      message:
        'The Service "web" is invalid: spec.ports[0].targetPort: Invalid value: "http-alternative-port": must be no more than 15 characters',
    },
    {
      id: "2-11",
      story: "a name that is not a DNS-1035 label",
      name: "1web",
      spec: "  ports: [{ port: 80 }]\n",
      message:
        "The Service \"1web\" is invalid: metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    },
    {
      id: "2-12",
      story: "ExternalName without externalName",
      spec: "  type: ExternalName\n",
      message: 'The Service "web" is invalid: spec.externalName: Required value',
    },
    {
      id: "2-13",
      story: "nodePort on a ClusterIP Service",
      spec: "  ports: [{ port: 80, nodePort: 30081 }]\n",
      message:
        "The Service \"web\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    },
    {
      id: "2-14",
      story: "a NodePort Service cannot be headless",
      spec: "  type: NodePort\n  clusterIP: None\n  ports: [{ port: 80 }]\n",
      message:
        'The Service "web" is invalid: spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services',
    },
    {
      id: "2-15",
      story: "a selector value with a space",
      spec: "  selector: { app: my web }\n  ports: [{ port: 80 }]\n",
      message:
        "The Service \"web\" is invalid: spec.selector: Invalid value: \"my web\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    },
    {
      id: "2-16",
      story: "no ports",
      spec: "  selector: { app: web }\n",
      message: 'The Service "web" is invalid: spec.ports: Required value',
    },
  ])("$id $story", ({ spec, message, before, name }) => {
    const c = new TestCluster();
    if (before) c.apply(before);
    const services = listObjects(c.state, "Service").length;
    const [result] = c.apply(svc(spec, name));
    expect(result?.ok).toBe(false);
    if (result && !result.ok) {
      expect(result.diagnostic.message).toBe(message);
      expect(result.diagnostic.line).toBeGreaterThan(0);
    }
    expect(listObjects(c.state, "Service")).toHaveLength(services);
  });

  it("2-17 a ClusterIP cannot change once set", () => {
    const c = new TestCluster();
    c.apply(svc("  clusterIP: 10.12.0.99\n  ports: [{ port: 80 }]\n"));
    const [result] = c.apply(svc("  clusterIP: 10.12.0.98\n  ports: [{ port: 80 }]\n"));
    expect(result?.ok === false && result.diagnostic.message).toBe(
      'The Service "web" is invalid: spec.clusterIP: Invalid value: "10.12.0.98": field is immutable',
    );
  });

  it("2-18 applying the same manifest again keeps the allocated ClusterIP and node port", () => {
    const c = new TestCluster();
    const text = svc("  type: NodePort\n  selector: { app: web }\n  ports: [{ port: 80 }]\n");
    c.apply(text);
    const first = getObject<Service>(c.state, "Service", "default", "web");
    c.apply(text.replace("port: 80 }", "port: 80, name: http }"));
    const second = getObject<Service>(c.state, "Service", "default", "web");
    expect(second?.spec.clusterIP).toBe(first?.spec.clusterIP);
    expect(second?.spec.ports?.[0]?.nodePort).toBe(first?.spec.ports?.[0]?.nodePort);
    expect(second?.spec.ports?.[0]?.name).toBe("http");
  });
});

describe("the cluster's own Services, as on GKE", () => {
  it("has kubernetes in default and kube-dns in kube-system, with ready kube-dns pods", () => {
    const c = new TestCluster();
    const api = getObject<Service>(c.state, "Service", "default", "kubernetes");
    expect(api?.spec.clusterIP).toBe("10.12.0.1");
    expect(api?.spec.ports).toEqual([{ name: "https", port: 443, protocol: "TCP", targetPort: 443 }]);
    const dns = getObject<Service>(c.state, "Service", "kube-system", "kube-dns");
    expect(dns?.spec.clusterIP).toBe("10.12.0.10");
    expect(dns?.spec.ports?.map((p) => `${p.port}/${p.protocol}`)).toEqual(["53/UDP", "53/TCP"]);
    const ep = getObject<Endpoints>(c.state, "Endpoints", "kube-system", "kube-dns");
    expect(ep?.subsets?.[0]?.addresses).toHaveLength(2);
    expect(c.pods("kube-system").map((p) => p.status.containerStatuses?.every((s) => s.ready))).toEqual([
      true,
      true,
    ]);
  });
});

describe("Endpoints and EndpointSlices follow the pods", () => {
  it("hold ready pods, drop deleted ones, and leave a placeholder slice when none match", () => {
    const c = new TestCluster();
    c.apply(webDeployment);
    c.apply(svc("  selector: { app: web }\n  ports: [{ port: 80, targetPort: http }]\n"));
    const ep = () => getObject<Endpoints>(c.state, "Endpoints", "default", "web");
    const slices = () =>
      listObjects<EndpointSlice>(c.state, "EndpointSlice", "default").filter(
        (s) => s.metadata.labels?.["kubernetes.io/service-name"] === "web",
      );
    expect(ep()?.subsets?.[0]?.addresses?.map((a) => a.ip)).toHaveLength(3);
    expect(ep()?.subsets?.[0]?.ports).toEqual([{ port: 80, protocol: "TCP" }]);
    expect(slices()).toHaveLength(1);
    expect(slices()[0]?.endpoints.map((e) => e.conditions?.ready)).toEqual([true, true, true]);
    expect(slices()[0]?.metadata.ownerReferences?.[0]?.kind).toBe("Service");

    c.apply(webDeployment.replace("replicas: 3", "replicas: 0"));
    c.tick(60_000);
    expect(ep()?.subsets).toBeUndefined();
    expect(slices()).toHaveLength(1);
    expect(slices()[0]?.endpoints).toEqual([]);

    c.delete("Service", "web");
    expect(ep()).toBeUndefined();
    expect(slices()).toHaveLength(0);
  });

  it("keep a pod whose readiness probe fails in notReadyAddresses", () => {
    const c = new TestCluster();
    c.apply(`apiVersion: v1
kind: Pod
metadata: { name: app, labels: { app: web } }
spec:
  containers:
  - name: app
    image: busybox
    command: ["sleep", "3600"]
    readinessProbe: { httpGet: { path: /, port: 8080 } }
`);
    c.apply(svc("  selector: { app: web }\n  ports: [{ port: 80, targetPort: 8080 }]\n"));
    const ep = getObject<Endpoints>(c.state, "Endpoints", "default", "web");
    expect(ep?.subsets?.[0]?.addresses).toBeUndefined();
    expect(ep?.subsets?.[0]?.notReadyAddresses?.map((a) => a.targetRef?.name)).toEqual(["app"]);
  });
});

describe("a LoadBalancer Service on GKE", () => {
  it("is <pending> until Google Cloud has made the load balancer, then has an external IP", () => {
    const c = new TestCluster();
    c.apply(svc("  type: LoadBalancer\n  selector: { app: web }\n  ports: [{ port: 80 }]\n"));
    const lb = () => getObject<Service>(c.state, "Service", "default", "web");
    expect(lb()?.status.loadBalancer.ingress).toBeUndefined();
    c.tick(60_000);
    expect(lb()?.status.loadBalancer.ingress?.[0]?.ip).toMatch(/^3[45]\./);
    expect(
      c
        .events()
        .filter((e) => e.object === "Service/web")
        .map((e) => e.reason),
    ).toEqual(["EnsuringLoadBalancer", "EnsuredLoadBalancer"]);
    // Without waiting (kubectl delete --wait=false) the Service stays Terminating while GCP removes the load balancer.
    c.state = deleteObjects(c.state, [{ kind: "Service", namespace: "default", name: "web" }], {
      wait: false,
    }).state;
    expect(lb()?.metadata.deletionTimestamp).toBeDefined();
    c.tick(30_000);
    expect(lb()).toBeUndefined();
    expect(
      c
        .events()
        .filter((e) => e.object === "Service/web")
        .map((e) => e.reason),
    ).toEqual(["EnsuringLoadBalancer", "EnsuredLoadBalancer", "DeletingLoadBalancer", "DeletedLoadBalancer"]);
  });
});
