import { describe, expect, it } from "vitest";
import { type CompletionContext, complete } from "./complete";
import { LineEditor } from "./line-editor";
import { tokenize } from "./tokenize";

const ctx: CompletionContext = {
  commands: ["apply", "delete", "describe", "exec", "get", "logs"],
  resources: [
    { kind: "Pod", names: ["pods", "pod", "po"] },
    { kind: "Deployment", names: ["deployments", "deployment", "deploy"] },
    { kind: "Namespace", names: ["namespaces", "namespace", "ns"] },
  ],
  objects: {
    Pod: ["web", "webby", "stuck"],
    Deployment: ["api"],
    Namespace: ["default", "kube-system"],
    Service: ["frontend", "db"],
    PersistentVolumeClaim: ["data"],
    Node: ["gke-a"],
  },
  containers: { web: ["nginx", "sidecar"], webby: ["app"] },
  files: ["pod.yaml", "port-clash.yaml"],
};

describe("complete", () => {
  it.each([
    { line: "kub", common: "kubectl", candidates: ["kubectl"] },
    { line: "kubectl ge", common: "get", candidates: ["get"] },
    { line: "kubectl de", common: "de", candidates: ["delete", "describe"] },
    { line: "kubectl get po", common: "po", candidates: ["pod", "pods", "po"].sort() },
    { line: "kubectl get pods w", common: "web", candidates: ["web", "webby"] },
    { line: "k describe pod/s", common: "pod/stuck", candidates: ["pod/stuck"] },
    { line: "kubectl exec w", common: "web", candidates: ["web", "webby"] },
    { line: "kubectl exec web -c s", common: "sidecar", candidates: ["sidecar"] },
    { line: "kubectl apply -f p", common: "po", candidates: ["pod.yaml", "port-clash.yaml"] },
    // logs' -f is --follow: a pod follows it, not a file.
    { line: "kubectl logs -f w", common: "web", candidates: ["web", "webby"] },
    { line: "kubectl logs --f", common: "--follow", candidates: ["--follow"] },
    // The flags kubectl has for the command, where the simulation acts on them.
    { line: "kubectl get --ig", common: "--ignore-not-found", candidates: ["--ignore-not-found"] },
    { line: "kubectl run x --co", common: "--command", candidates: ["--command"] },
    {
      line: "kubectl -n kube-system get --sh",
      common: "--show-",
      candidates: ["--show-kind", "--show-labels", "--show-managed-fields"],
    },
    { line: "kubectl apply --ser", common: "", candidates: [] },
    { line: "kubectl get pods -o y", common: "yaml", candidates: ["yaml"] },
    { line: "kubectl get pods -n k", common: "kube-system", candidates: ["kube-system"] },
    { line: "kubectl get deploy ", common: "api", candidates: ["api"] },
    { line: "kubectl exec web -- l", common: "", candidates: [] },
    { line: "kubectl rollout ", common: "", candidates: ["history", "restart", "status", "undo"] },
    { line: "kubectl rollout st", common: "status", candidates: ["status"] },
    { line: "kubectl rollout undo deploy/", common: "deploy/api", candidates: ["deploy/api"] },
    {
      line: "kubectl set image deploy",
      common: "deploy",
      candidates: ["deploy", "deployment", "deployments"],
    },
    { line: "kubectl wait --for=condition=Ready pod/s", common: "pod/stuck", candidates: ["pod/stuck"] },
    // The simulator's own commands, bare or after kjctl.
    { line: "tr", common: "trace", candidates: ["trace"] },
    { line: "trace we", common: "web", candidates: ["web", "webby"] },
    { line: "trace i", common: "internet", candidates: ["internet"] },
    { line: "trace web http://f", common: "http://frontend", candidates: ["http://frontend"] },
    { line: "why p", common: "p", candidates: ["pod/", "pvc/"] },
    { line: "why pvc/", common: "pvc/data", candidates: ["pvc/data"] },
    { line: "why svc/d", common: "svc/db", candidates: ["svc/db"] },
    { line: "advance 1", common: "1", candidates: ["10s", "1m"] },
    { line: "kjctl w", common: "why", candidates: ["why"] },
    { line: "kjctl trace web http://d", common: "http://db", candidates: ["http://db"] },
    { line: "kjctl get po", common: "po", candidates: ["pod", "pods", "po"].sort() },
  ])("$line → $common", ({ line, common, candidates }) => {
    const c = complete(line, ctx);
    expect(c.candidates).toEqual(candidates);
    expect(c.common).toBe(common);
  });
});

describe("tokenize", () => {
  it("keeps quoted words and leaves variables for the container's shell", () => {
    expect(tokenize(`kubectl exec web -- sh -c "echo $HOSTNAME"`)).toEqual({
      ok: true,
      words: ["kubectl", "exec", "web", "--", "sh", "-c", "echo $HOSTNAME"],
    });
  });
  it("refuses pipes and unclosed quotes", () => {
    expect(tokenize("kubectl get pods | grep web")).toEqual({ ok: false, reason: "pipes" });
    expect(tokenize(`kubectl exec web -- echo "hi`)).toEqual({ ok: false, reason: "quote" });
  });
  it("passes a glob through literally", () => {
    expect(tokenize("kubectl exec web -- ls /etc/*")).toEqual({
      ok: true,
      words: ["kubectl", "exec", "web", "--", "ls", "/etc/*"],
    });
  });
});

describe("LineEditor", () => {
  it("edits, walks history and submits", () => {
    const history = ["kubectl get pods", "kubectl get nodes"];
    const ed = new LineEditor(() => history);
    ed.feed("kubectl get sv");
    ed.feed("\x7f");
    ed.feed("vc");
    expect(ed.line).toBe("kubectl get svc");
    ed.feed("\x1b[A");
    expect(ed.line).toBe("kubectl get nodes");
    ed.feed("\x1b[A");
    expect(ed.line).toBe("kubectl get pods");
    ed.feed("\x1b[B");
    ed.feed("\x1b[B");
    expect(ed.line).toBe("kubectl get svc");
    ed.feed("\x01");
    ed.feed("# ");
    expect(ed.line).toBe("# kubectl get svc");
    expect(ed.feed("\r")).toEqual([{ type: "submit", line: "# kubectl get svc" }]);
    expect(ed.line).toBe("");
  });

  it("submits each line of a paste and keeps the rest", () => {
    const ed = new LineEditor(() => []);
    expect(ed.feed("kubectl get pods\nkubectl get no")).toEqual([
      { type: "submit", line: "kubectl get pods" },
    ]);
    expect(ed.line).toBe("kubectl get no");
  });

  it("cancels with Ctrl+C and moves over Korean text by characters", () => {
    const ed = new LineEditor(() => []);
    ed.feed("echo 안녕");
    ed.feed("\x1b[D");
    expect(ed.widthAfterCursor()).toBe(2);
    expect(ed.feed("\x03")).toEqual([{ type: "cancel", line: "echo 안녕" }]);
    expect(ed.line).toBe("");
  });
});
