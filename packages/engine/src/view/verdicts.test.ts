import { describe, expect, it } from "vitest";
import { TestCluster } from "../../test/test-cluster";
import { explainCluster } from "./verdicts";

const pod = (name: string, extra: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${extra}  containers:
  - name: app
    image: nginx:1.27
`;

describe("explainCluster", () => {
  it.each([
    {
      id: "1-1",
      story: "a nodeSelector no node matches points at the selector's key",
      yaml: pod("a", "  nodeSelector:\n    disktype: ssd\n"),
      code: "node-selector-mismatch",
      fieldPath: "spec.nodeSelector[disktype]",
    },
    {
      id: "1-2",
      story: "a claim that does not exist points at the claimName",
      yaml: `${pod("b", "")}  volumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: nope\n`,
      code: "claim-not-found",
      fieldPath: "spec.volumes[0].persistentVolumeClaim.claimName",
    },
  ])("$id $story", ({ yaml, code, fieldPath }) => {
    const c = new TestCluster();
    c.apply(yaml);
    const records = explainCluster(c.state);
    expect(records).toHaveLength(1);
    const record = records[0];
    expect(record?.source).toBe("default-scheduler");
    expect(record?.reasons[0]).toMatchObject({ code, fieldPath });
    // The record's message is the FailedScheduling event's message, byte for byte.
    const event = c.events().find((e) => e.reason === "FailedScheduling");
    expect(record?.message).toBe(event?.message);
  });

  it("says nothing about pods that run", () => {
    const c = new TestCluster();
    c.apply(pod("ok", ""));
    expect(explainCluster(c.state)).toEqual([]);
  });

  it("points an image that cannot be pulled at the container's image field", () => {
    const c = new TestCluster();
    c.apply(pod("img", "").replace("nginx:1.27", "nginx:does-not-exist"));
    const record = explainCluster(c.state)[0];
    expect(record?.source).toBe("kubelet");
    expect(record?.reasons[0]).toMatchObject({ code: "image-pull", fieldPath: "spec.containers[0].image" });
  });
});
