// Checks grade outcomes, not the shape of the YAML: other correct answers than the reference solution
// pass, and other mistakes than the listed wrong answers fail the check that names the mistake.
import { join } from "node:path";
import { applyManifests, createCluster, getObject, type Pod } from "@kubejam/engine";
import { grade, startingCluster } from "@kubejam/grader";
import { describe, expect, it } from "vitest";
import { loadCourse, loadExercise } from "../src/index";

const root = join(import.meta.dirname, "..", "..", "..", "content");

function graded(id: string, files: Record<string, string>) {
  const loaded = loadExercise(root, id).exercise;
  if (!loaded) throw new Error(`${id} did not load`);
  const result = grade(
    loaded.exercise,
    Object.entries(files).map(([name, text]) => ({ name, text })),
  );
  return {
    status: result.status,
    failed: result.checks.filter((c) => c.status === "fail").map((c) => c.id),
  };
}

const client = (placement: string, command: string) => `apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
${placement}
  containers:
    - name: client
      image: busybox:1.36
      command: ["sh", "-c", "${command}"]
`;

describe("reach-across-nodes", () => {
  it("its server has the address the lesson's server.yaml gets on a fresh lesson cluster, as the prompt says", () => {
    const loaded = loadExercise(root, "reach-across-nodes").exercise;
    const lesson = loadCourse(root).course?.lessons.find((l) => l.slug === "pod-to-pod");
    const file = lesson?.manifests.find((m) => m.name === "server.yaml");
    if (!loaded || !file) throw new Error("the exercise or the lesson's server.yaml is missing");
    const created = createCluster({ seed: 1 });
    if (!created.ok) throw new Error(created.errors.join("\n"));
    const inLesson = applyManifests(created.state, [{ name: file.name, text: file.text }]).state;
    const ip = (state: Parameters<typeof getObject>[0]) =>
      getObject<Pod>(state, "Pod", "default", "server")?.status.podIP;
    expect(ip(startingCluster(loaded.exercise))).toBe("10.8.0.3");
    expect(ip(inLesson)).toBe("10.8.0.3");
  });

  const cases = [
    {
      story: "zone c instead of b",
      placement: "  nodeSelector:\n    topology.kubernetes.io/zone: us-central1-c",
      command: "wget -qO- http://10.8.0.3 && sleep 3600",
      failed: [],
    },
    {
      story: "nodeName of the node in zone b, port 80 written out",
      placement: "  nodeName: gke-kubejam-default-pool-f3e14b74-swz4",
      command: "wget -qO- http://10.8.0.3:80 && sleep 3600",
      failed: [],
    },
    {
      story: "prints the page text without asking the server",
      placement: "  nodeSelector:\n    topology.kubernetes.io/zone: us-central1-b",
      command: "echo Welcome to nginx! && sleep 3600",
      failed: ["fetched-by-pod-ip"],
    },
    {
      story: "a zone that has no node: the client stays Pending",
      placement: "  nodeSelector:\n    topology.kubernetes.io/zone: us-central1-f",
      command: "wget -qO- http://10.8.0.3 && sleep 3600",
      failed: ["client-on-other-node", "fetched-by-pod-ip"],
    },
  ];
  it.each(cases)("$story", ({ placement, command, failed }) => {
    expect(graded("reach-across-nodes", { "client.yaml": client(placement, command) }).failed).toEqual(
      failed,
    );
  });
});

const service = (spec: string) => `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
${spec}`;

describe("open-to-the-internet", () => {
  const cases = [
    {
      story: "target port by number",
      spec: "  type: LoadBalancer\n  selector:\n    app: web\n  ports:\n    - port: 80\n      targetPort: 8080\n      nodePort: 30080\n",
      failed: [],
    },
    {
      story: "a named Service port",
      spec: "  type: LoadBalancer\n  selector:\n    app: web\n  ports:\n    - name: web\n      port: 80\n      targetPort: http\n      nodePort: 30080\n",
      failed: [],
    },
    {
      story: "the load balancer on port 8080",
      spec: "  type: LoadBalancer\n  selector:\n    app: web\n  ports:\n    - port: 8080\n      targetPort: http\n      nodePort: 30080\n",
      failed: ["reaches-every-replica"],
    },
  ];
  it.each(cases)("$story", ({ spec, failed }) => {
    expect(graded("open-to-the-internet", { "service.yaml": service(spec) }).failed).toEqual(failed);
  });
});

describe("fill-the-nodes", () => {
  const web = (replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
`;
  it.each([
    { replicas: 13, failed: ["every-slot-used"] },
    { replicas: 14, failed: [] },
    { replicas: 17, failed: ["none-pending"] },
  ])("$replicas replicas", ({ replicas, failed }) => {
    expect(graded("fill-the-nodes", { "web.yaml": web(replicas) }).failed).toEqual(failed);
  });
});
