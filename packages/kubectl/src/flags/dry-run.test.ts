// A dry run changes nothing, whatever the command and however its output is printed.
import { type ClusterState, createCluster } from "@kubejam/engine";
import { describe, expect, it } from "vitest";
import type { KubectlIo } from "../result";
import { run } from "../run";

const POD = `apiVersion: v1
kind: Pod
metadata: { name: web, labels: { app: web } }
spec:
  containers: [{ name: nginx, image: "nginx:1.27" }]
`;
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: { name: api }
spec:
  replicas: 1
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api } }
    spec:
      containers: [{ name: app, image: "nginx:1.27" }]
`;
const NEW_POD = POD.replace("name: web", "name: fresh");
const FILES: Record<string, string> = { "pod.yaml": POD, "fresh.yaml": NEW_POD };
const io: KubectlIo = {
  readManifests: (path) =>
    FILES[path] !== undefined
      ? { ok: true, files: [{ name: path, text: FILES[path] }] }
      : { ok: false, message: `error: the path "${path}" does not exist` },
};

function cluster(): ClusterState {
  const created = createCluster({ seed: 5 });
  if (!created.ok) throw new Error(created.errors.join("\n"));
  let state = created.state;
  for (const text of [POD, DEPLOYMENT])
    state = run(state, ["apply", "-f", "-"], { ...io, stdin: text }).state;
  return state;
}

/** The commands here that print `-o name` too (the others refuse it as not simulated). */
const NAMED = [
  "apply -f pod.yaml",
  "create -f fresh.yaml",
  "delete pod web",
  "delete -f pod.yaml",
  "expose deploy api --port=80",
  "run tmp --image=busybox:1.36",
  "create deployment other --image=nginx:1.27",
  "create namespace dev",
  "create service clusterip svc --tcp=80:80",
];
const LINES = [
  ...NAMED,
  "label pod web tier=front",
  "annotate pod web note=x",
  "scale deploy/api --replicas=3",
  "set image deploy/api app=nginx:1.26",
  'patch pod web -p {"metadata":{"labels":{"x":"y"}}}',
];

describe("--dry-run", () => {
  const state = cluster();
  for (const line of LINES)
    for (const mode of ["client", "server"])
      for (const output of NAMED.includes(line) ? [[], ["-o", "name"]] : [[]])
        it(`${line} --dry-run=${mode} ${output.join(" ")}`, () => {
          const r = run(state, [...line.split(" "), `--dry-run=${mode}`, ...output], io);
          expect(r.stderr).toBe("");
          expect(r.exitCode).toBe(0);
          expect(r.state).toEqual(state);
        });
});

// create.go sends nothing for a client dry run: what only the API server would refuse passes.
describe("create -f --dry-run=client", () => {
  const state = cluster();
  const create = (file: string, ...more: string[]) =>
    run(state, ["create", "-f", "-", ...more], { ...io, stdin: file });

  it.each([
    ["an object that exists", POD, "pod/web created (dry run)\n"],
    [
      "a namespace that does not exist",
      POD.replace("name: web,", "name: web, namespace: nowhere,"),
      "pod/web created (dry run)\n",
    ],
    [
      "a field the API server would refuse",
      POD.replace("labels:", "bogus: 1, labels:"),
      "pod/web created (dry run)\n",
    ],
  ])("creates %s without asking the server", (_, text, stdout) => {
    const r = create(text, "--dry-run=client");
    expect([r.stdout, r.stderr, r.exitCode]).toEqual([stdout, "", 0]);
    expect(r.state).toEqual(state);
  });

  it("is refused by the API server on a server dry run", () => {
    const r = create(POD, "--dry-run=server");
    expect(r.stderr).toBe(
      'Error from server (AlreadyExists): error when creating "STDIN": pods "web" already exists\n',
    );
    expect(r.exitCode).toBe(1);
  });

  it.each([
    [
      "a kind the cluster does not serve",
      POD.replace("kind: Pod", "kind: Pond"),
      /no matches for kind "Pond" in version "v1"/,
    ],
    ["no kind", POD.replace("kind: Pod\n", ""), /error validating data: kind not set/],
  ])("still maps every object first: %s", (_, text, stderr) => {
    const r = create(text, "--dry-run=client");
    expect(r.stderr).toMatch(stderr);
    expect(r.exitCode).toBe(1);
  });

  it("still refuses another namespace than -n's", () => {
    const r = create(
      POD.replace("name: web,", "name: web, namespace: other,"),
      "--dry-run=client",
      "-n",
      "dev",
    );
    expect(r.stderr).toMatch(
      /the namespace from the provided object "other" does not match the namespace "dev"/,
    );
    expect(r.exitCode).toBe(1);
  });
});
