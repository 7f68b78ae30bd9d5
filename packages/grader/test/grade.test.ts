import { describe, expect, it } from "vitest";
import { type Exercise, ExerciseSchema, grade } from "../src/index";

// The grader over the real engine and kubectl: a solution passes every check, each wrong answer
// fails the check it is meant to fail, and the result says why in the learner's language.

const l = (en: string) => ({ ko: `(ko) ${en}`, en });

const exercise: Exercise = ExerciseSchema.parse({
  id: "service-front",
  title: l("A Service in front of a Deployment"),
  cluster: { seed: 3 },
  checks: [
    {
      id: "replicas-ready",
      title: l("three replicas are ready"),
      failure: l("The Deployment web does not have three ready pods."),
      hint: l("Check the image and the ports of the pod template."),
      expect: { podsReady: { selector: "app=web", count: 3 } },
    },
    {
      id: "reaches-every-replica",
      weight: 3,
      title: l("the client reaches every replica through the Service"),
      failure: l("Requests to http://web from the client pod do not reach every replica."),
      hint: l("The Service's selector must match the pod labels, and targetPort the container port."),
      expect: { reachesAll: { from: "client", url: "http://web", selector: "app=web", requests: 40 } },
      why: "service/web",
    },
    {
      id: "survives-pod-loss",
      title: l("the Service still answers after a replica is deleted"),
      failure: l("After deleting a replica, http://web no longer answers."),
      hint: l("A Deployment replaces deleted pods; the Service follows its selector."),
      actions: [{ kubectl: "delete pod -l app=web --wait=false" }, { advance: "1m" }],
      expect: { http: { from: "client", url: "http://web", contains: "Hello, world!" } },
    },
  ],
});

const deployment = (labels = "app: web", port = "8080") => `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 3
  selector: { matchLabels: { ${labels} } }
  template:
    metadata: { labels: { ${labels} } }
    spec:
      containers:
      - name: hello
        image: gcr.io/google-samples/hello-app:1.0
        ports: [{ containerPort: ${port}, name: http }]
`;
const service = (selector = "app: web", targetPort = "http") => `apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { ${selector} }
  ports: [{ port: 80, targetPort: ${targetPort} }]
`;
const client = `apiVersion: v1
kind: Pod
metadata: { name: client }
spec:
  containers: [{ name: c, image: busybox:1.36, command: ["sleep", "3600"] }]
`;

const files = (...texts: string[]) => texts.map((text, i) => ({ name: `f${i}.yaml`, text }));

describe("grading a Service exercise", () => {
  it("passes the solution with every check and a score of 100", () => {
    const r = grade(exercise, files(deployment(), service(), client));
    expect(r.checks.map((c) => [c.id, c.status, c.detail])).toEqual([
      ["replicas-ready", "pass", "3 pods with app=web are Ready"],
      ["reaches-every-replica", "pass", "40 requests to http://web reached all 3 ready pods"],
      [
        "survives-pod-loss",
        "pass",
        expect.stringMatching(/^GET http:\/\/web from client: HTTP\/1\.1 200 OK from default\/web-/),
      ],
    ]);
    expect(r.status).toBe("pass");
    expect(r.score).toBe(100);
    expect(r.diagnostics).toEqual([]);
  });

  it("fails a selector typo on the intended check, with the engine's why and the hint in Korean", () => {
    const r = grade(exercise, files(deployment(), service("app: wbe"), client), "ko");
    const check = r.checks.find((c) => c.id === "reaches-every-replica");
    expect(r.checks.find((c) => c.id === "replicas-ready")?.status).toBe("pass");
    expect(check?.status).toBe("fail");
    expect(check?.message).toBe(
      "(ko) Requests to http://web from the client pod do not reach every replica.",
    );
    expect(check?.hint).toContain("(ko)");
    expect(check?.detail).toBe(
      "40 of 40 requests to http://web failed: Service default/web has no endpoints",
    );
    expect(check?.why?.text).toContain('its label app is "web" (spec.selector.app is "wbe")');
    expect(r.status).toBe("fail");
    expect(r.score).toBe(20);
    // The failure points at the learner's Service (from why and the URL) and the Deployment the selector picks.
    expect(check?.locations).toEqual([
      { file: "f0.yaml", line: 1, column: 1, object: "Deployment/web" },
      { file: "f1.yaml", line: 1, column: 1, object: "Service/web" },
    ]);
    expect(r.checks.find((c) => c.id === "replicas-ready")?.locations).toEqual([]);
  });

  it("fails a targetPort nothing listens on", () => {
    const r = grade(exercise, files(deployment(), service("app: web", "9999"), client));
    const check = r.checks.find((c) => c.id === "reaches-every-replica");
    expect(check?.status).toBe("fail");
    expect(check?.detail).toMatch(/requests to http:\/\/web failed: nothing listens on port 9999/);
  });

  it("reports a learner's invalid document, located, and grades the rest", () => {
    const r = grade(exercise, files(deployment(), service().replace("port: 80,", "port: 70000,"), client));
    expect(r.diagnostics[0]?.message).toContain("spec.ports[0].port: Invalid value: 70000");
    expect(r.diagnostics[0]?.line).toBe(6);
    expect(r.checks.find((c) => c.id === "reaches-every-replica")?.status).toBe("fail");
  });

  it("calls an empty submission unusable", () => {
    expect(grade(exercise, files("   \n")).status).toBe("error");
    expect(grade(exercise, []).message).toBe("no files were submitted");
  });

  it("is a pure function: the same files give the same result", () => {
    const a = grade(exercise, files(deployment(), service(), client));
    const b = grade(exercise, files(deployment(), service(), client));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});

describe("grading behaviour with actions", () => {
  const shared: Exercise = ExerciseSchema.parse({
    id: "shared-emptydir",
    title: l("Share an emptyDir"),
    cluster: {},
    checks: [
      {
        id: "served",
        title: l("nginx serves what the writer writes"),
        failure: l("nginx does not serve the writer's file."),
        hint: l(
          "Mount one emptyDir in both containers: /html in the writer, /usr/share/nginx/html in nginx.",
        ),
        actions: [{ kubectl: "exec web -c writer -- sh -c 'echo hello > /html/index.html'" }],
        expect: { kubectl: "exec web -c nginx -- curl -s http://localhost/", stdout: "hello\n" },
      },
    ],
  });
  const pod = (nginxPath: string) => `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  volumes: [{ name: html, emptyDir: {} }]
  containers:
  - name: nginx
    image: nginx:1.27
    volumeMounts: [{ name: html, mountPath: ${nginxPath} }]
  - name: writer
    image: busybox:1.36
    command: ["sleep", "3600"]
    volumeMounts: [{ name: html, mountPath: /html }]
`;

  it("passes when both containers mount the volume where it matters", () => {
    expect(grade(shared, files(pod("/usr/share/nginx/html"))).status).toBe("pass");
  });

  it("fails when nginx mounts it elsewhere: it serves its own default page", () => {
    const r = grade(shared, files(pod("/data")));
    expect(r.checks[0]?.status).toBe("fail");
    expect(r.checks[0]?.detail).toContain("<title>Welcome to nginx!</title>");
  });

  it("points a failure at the field the author names, in the learner's file", () => {
    const pointed = ExerciseSchema.parse({
      ...shared,
      checks: shared.checks.map((c) => ({
        ...c,
        at: [{ kind: "Pod", name: "web", path: "spec.containers[0].volumeMounts[0].mountPath" }],
      })),
    });
    const r = grade(pointed, files(pod("/data")));
    expect(r.checks[0]?.locations).toEqual([
      {
        file: "f0.yaml",
        line: 9,
        column: 34,
        object: "Pod/web",
        path: "spec.containers[0].volumeMounts[0].mountPath",
      },
    ]);
  });
});
