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

  it("a created Deployment keeps its template's creationTimestamp: null, as the API server stores what it got", () => {
    const r = kubectl("create deployment web --image=nginx");
    const template = getObject(r.state, "Deployment", "default", "web")?.spec as {
      template: { metadata: Record<string, unknown> };
    };
    expect(template.template.metadata).toEqual({ creationTimestamp: null, labels: { app: "web" } });
  });
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
