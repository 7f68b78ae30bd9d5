// The generators' objects as kubectl v1.33.1 prints them for the same command lines
// (`--dry-run=client -o yaml`), and their printers: no table, so no `wide`, checked before anything is sent.
import { createCluster, getObject } from "@kubejam/engine";
import { describe, expect, it } from "vitest";
import { run } from "../run";

const created = createCluster({ seed: 1 });
if (!created.ok) throw new Error(created.errors.join("\n"));
const state = created.state;
const kubectl = (line: string) => run(state, line.split(" "));

describe("generators, as kubectl v1.33.1 builds them", () => {
  it.each([
    {
      line: "create deployment web --image=nginx --replicas=3 --port=8080",
      yaml: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n  strategy: {}\n  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: web\n    spec:\n      containers:\n      - image: nginx\n        name: nginx\n        ports:\n        - containerPort: 8080\n        resources: {}\nstatus: {}\n",
    },
    {
      line: "create service loadbalancer web --tcp=80",
      yaml: 'apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\nspec:\n  ports:\n  - name: "80"\n    port: 80\n    protocol: TCP\n    targetPort: 80\n  selector:\n    app: web\n  type: LoadBalancer\nstatus:\n  loadBalancer: {}\n',
    },
    {
      line: "create service externalname web --external-name=example.com",
      yaml: "apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\nspec:\n  externalName: example.com\n  selector:\n    app: web\n  type: ExternalName\nstatus:\n  loadBalancer: {}\n",
    },
  ])("$line", ({ line, yaml }) => {
    expect(kubectl(`${line} --dry-run=client -o yaml`)).toMatchObject({
      stdout: yaml,
      stderr: "",
      exitCode: 0,
    });
  });

  // -o json writes a generated object as Go writes its struct: fields in declared order, not sorted.
  it.each([
    {
      line: "create deployment web --image=nginx --image=redis --replicas=3 --port=80 -n dev --save-config -o json",
      text: '{\n    "kind": "Deployment",\n    "apiVersion": "apps/v1",\n    "metadata": {\n        "name": "web",\n        "namespace": "dev",\n        "creationTimestamp": null,\n        "labels": {\n            "app": "web"\n        },\n        "annotations": {\n            "kubectl.kubernetes.io/last-applied-configuration": "{\\"kind\\":\\"Deployment\\",\\"apiVersion\\":\\"apps/v1\\",\\"metadata\\":{\\"name\\":\\"web\\",\\"namespace\\":\\"dev\\",\\"creationTimestamp\\":null,\\"labels\\":{\\"app\\":\\"web\\"}},\\"spec\\":{\\"replicas\\":3,\\"selector\\":{\\"matchLabels\\":{\\"app\\":\\"web\\"}},\\"template\\":{\\"metadata\\":{\\"creationTimestamp\\":null,\\"labels\\":{\\"app\\":\\"web\\"}},\\"spec\\":{\\"containers\\":[{\\"name\\":\\"nginx\\",\\"image\\":\\"nginx\\",\\"ports\\":[{\\"containerPort\\":80}],\\"resources\\":{}},{\\"name\\":\\"redis\\",\\"image\\":\\"redis\\",\\"resources\\":{}}]}},\\"strategy\\":{}},\\"status\\":{}}\\n"\n        }\n    },\n    "spec": {\n        "replicas": 3,\n        "selector": {\n            "matchLabels": {\n                "app": "web"\n            }\n        },\n        "template": {\n            "metadata": {\n                "creationTimestamp": null,\n                "labels": {\n                    "app": "web"\n                }\n            },\n            "spec": {\n                "containers": [\n                    {\n                        "name": "nginx",\n                        "image": "nginx",\n                        "ports": [\n                            {\n                                "containerPort": 80\n                            }\n                        ],\n                        "resources": {}\n                    },\n                    {\n                        "name": "redis",\n                        "image": "redis",\n                        "resources": {}\n                    }\n                ]\n            }\n        },\n        "strategy": {}\n    },\n    "status": {}\n}\n',
    },
    {
      line: "create service nodeport s --tcp=80:8080 --node-port=30080 -o json",
      text: '{\n    "kind": "Service",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "s",\n        "creationTimestamp": null,\n        "labels": {\n            "app": "s"\n        }\n    },\n    "spec": {\n        "ports": [\n            {\n                "name": "80-8080",\n                "protocol": "TCP",\n                "port": 80,\n                "targetPort": 8080,\n                "nodePort": 30080\n            }\n        ],\n        "selector": {\n            "app": "s"\n        },\n        "type": "NodePort"\n    },\n    "status": {\n        "loadBalancer": {}\n    }\n}\n',
    },
    {
      line: "create configmap c --from-literal=b=2 --from-literal=a=1 --save-config -o yaml",
      text: 'apiVersion: v1\ndata:\n  a: "1"\n  b: "2"\nkind: ConfigMap\nmetadata:\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: |\n      {"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"c","creationTimestamp":null},"data":{"a":"1","b":"2"}}\n  creationTimestamp: null\n  name: c\n',
    },
    {
      line: "create secret generic s --from-literal=a=b -n dev -o json",
      text: '{\n    "kind": "Secret",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "s",\n        "namespace": "dev",\n        "creationTimestamp": null\n    },\n    "data": {\n        "a": "Yg=="\n    }\n}\n',
    },
  ])("$line", ({ line, text }) => {
    expect(kubectl(`${line} --dry-run=client`)).toMatchObject({ stdout: text, stderr: "", exitCode: 0 });
  });

  it("a created Deployment keeps its template's creationTimestamp: null, as the API server stores what it got", () => {
    const r = kubectl("create deployment web --image=nginx");
    const template = getObject(r.state, "Deployment", "default", "web")?.spec as {
      template: { metadata: Record<string, unknown> };
    };
    expect(template.template.metadata).toEqual({ creationTimestamp: null, labels: { app: "web" } });
  });
});

describe("--save-config of run and expose (run.go, expose.go)", () => {
  const lastApplied = (r: ReturnType<typeof kubectl>, kind: string, name: string) =>
    getObject(r.state, kind, "default", name)?.metadata.annotations?.[
      "kubectl.kubernetes.io/last-applied-configuration"
    ];

  it("saves the pod that run sends, encoded as its typed struct", () => {
    const r = kubectl("run web --image=nginx --port=80 --save-config");
    expect(r).toMatchObject({ stdout: "pod/web created\n", stderr: "", exitCode: 0 });
    expect(lastApplied(r, "Pod", "web")).toBe(
      '{"kind":"Pod","apiVersion":"v1","metadata":{"name":"web","creationTimestamp":null,"labels":{"run":"web"}},"spec":{"containers":[{"name":"web","image":"nginx","ports":[{"containerPort":80}],"resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst"},"status":{}}\n',
    );
    // So a later apply of the same pod has its last configuration: no missing-annotation warning.
    const pod = [
      "apiVersion: v1",
      "kind: Pod",
      "metadata: {name: web, labels: {run: web, tier: front}}",
      "spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]}",
    ].join("\n");
    const applied = run(r.state, ["apply", "-f", "-"], {
      stdin: pod,
      readManifests: () => ({ ok: false, message: "no files" }),
    });
    expect(applied).toMatchObject({ stdout: "pod/web configured\n", stderr: "", exitCode: 0 });
  });

  it("saves the Service of run --expose and of expose", () => {
    const r = kubectl("run web --image=nginx --port=80 --expose --save-config");
    expect(lastApplied(r, "Service", "web")).toBe(
      '{"kind":"Service","apiVersion":"v1","metadata":{"name":"web","creationTimestamp":null},"spec":{"ports":[{"protocol":"TCP","port":80,"targetPort":80}],"selector":{"run":"web"}},"status":{"loadBalancer":{}}}\n',
    );
    const exposed = run(r.state, "expose pod web --name=again --port=8080 --save-config".split(" "));
    expect(exposed.stdout).toBe("service/again exposed\n");
    expect(lastApplied(exposed, "Service", "again")).toMatch(
      /^\{"kind":"Service","apiVersion":"v1","metadata":\{"name":"again",/,
    );
  });

  it.each(["run web --image=nginx", "create service clusterip web --tcp=80"])(
    "writes nothing into a client dry run's object, nor for create service: %s",
    (line) => {
      const r = kubectl(`${line} --save-config --dry-run=client -o yaml`);
      expect(r.exitCode).toBe(0);
      expect(r.stdout).not.toContain("last-applied-configuration");
    },
  );
});

describe("a generator's printer", () => {
  const WIDE =
    'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n';

  it.each(["--dry-run=client", "--dry-run=server", ""])(
    "refuses -o wide %s, and creates nothing",
    (dryRun) => {
      const r = kubectl(`create deployment web --image=nginx -o wide ${dryRun}`.trim());
      expect(r).toMatchObject({ stdout: "", stderr: WIDE, exitCode: 1 });
      expect(getObject(r.state, "Deployment", "default", "web")).toBeUndefined();
    },
  );

  it("has no custom columns", () => {
    expect(kubectl("create namespace dev -o custom-columns=N:.metadata.name").stderr).toMatch(
      /^error: unable to match a printer suitable for the output format "custom-columns=N:.metadata.name", allowed formats are: go-template,/,
    );
  });
});
