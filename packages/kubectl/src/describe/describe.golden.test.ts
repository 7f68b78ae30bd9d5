// Golden files for `kubectl describe` (kubectl 1.33 layout; see test/golden/printers/README.md).
import { describe, expect, it } from "vitest";
import { NOW } from "../../test/fixtures/clock";
import { events, nodeEvents } from "../../test/fixtures/events";
import { namespaces, nodeCordoned, nodeNotReady, nodeReady } from "../../test/fixtures/nodes";
import { crashPod, pendingPod, pods, pullErrorPod, terminatingPod, webPod1 } from "../../test/fixtures/pods";
import { deployment, replicaSet } from "../../test/fixtures/workloads";
import { describeDeployment } from "./deployment";
import { describeNamespace } from "./namespace";
import { describeNode } from "./node";
import { describePod } from "./pod";
import { describeReplicaSet } from "./replicaset";

function golden(name: string, command: string, output: string): Promise<void> {
  return expect(`$ ${command}\n${output}`).toMatchFileSnapshot(`../../test/golden/printers/${name}.txt`);
}

const allEvents = [...events, ...nodeEvents];

describe("kubectl describe pod", () => {
  it.each([
    ["describe-pod-running", webPod1],
    ["describe-pod-pending", pendingPod],
    ["describe-pod-crashloop", crashPod],
    ["describe-pod-errimagepull", pullErrorPod],
    ["describe-pod-terminating", terminatingPod],
  ] as const)("%s", async (name, pod) => {
    await golden(
      name,
      `kubectl describe pod ${pod.metadata.name}`,
      describePod(pod, { events: allEvents }, NOW),
    );
  });
});

describe("kubectl describe (workloads and cluster objects)", () => {
  it("deployment", async () => {
    await golden(
      "describe-deployment",
      "kubectl describe deployment web",
      describeDeployment(deployment, { events: allEvents, replicaSets: [replicaSet] }, NOW),
    );
  });

  it("replicaset", async () => {
    await golden(
      "describe-replicaset",
      "kubectl describe replicaset web-7d4b9c6f5d",
      describeReplicaSet(replicaSet, { events: allEvents, pods }, NOW),
    );
  });

  it("nodes", async () => {
    const related = { events: allEvents, nodePods: pods };
    await golden(
      "describe-node",
      `kubectl describe node ${nodeReady.metadata.name}`,
      describeNode(nodeReady, related, NOW),
    );
    await golden(
      "describe-node-cordoned",
      `kubectl describe node ${nodeCordoned.metadata.name}`,
      describeNode(nodeCordoned, related, NOW),
    );
    await golden(
      "describe-node-notready",
      `kubectl describe node ${nodeNotReady.metadata.name}`,
      describeNode(nodeNotReady, related, NOW),
    );
  });

  it("namespace", async () => {
    const ns = namespaces.find((n) => n.metadata.name === "default");
    if (ns === undefined) throw new Error("fixture");
    await golden(
      "describe-namespace",
      "kubectl describe namespace default",
      describeNamespace(ns, { events: [] }, NOW),
    );
  });
});
