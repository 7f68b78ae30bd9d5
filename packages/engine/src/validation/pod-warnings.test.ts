import { describe, expect, it } from "vitest";
import type { PodSpec } from "../api/pod";
import { objectWarnings, podSpecWarnings } from "./pod-warnings";

const container = (name: string, ports: PodSpec["containers"][number]["ports"]) => ({
  name,
  image: "nginx",
  ports,
});

describe("podSpecWarnings (pkg/api/pod/warnings.go)", () => {
  it.each<[string, PodSpec, string[]]>([
    [
      "distinct ports warn nothing",
      { containers: [container("a", [{ containerPort: 80 }]), container("b", [{ containerPort: 8080 }])] },
      [],
    ],
    [
      "the same port in two containers is a duplicate",
      {
        containers: [
          container("a", [{ containerPort: 80 }]),
          container("b", [{ containerPort: 80, protocol: "TCP" }]),
        ],
      },
      ["spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]"],
    ],
    [
      "another protocol on the same number is fine",
      { containers: [container("a", [{ containerPort: 53 }, { containerPort: 53, protocol: "UDP" }])] },
      [],
    ],
    [
      "a hostPort on one of them overlaps",
      {
        containers: [
          container("a", [{ containerPort: 80, hostPort: 8080 }]),
          container("b", [{ containerPort: 80 }]),
        ],
      },
      ["spec.containers[1].ports[0]: overlapping port definition with spec.containers[0].ports[0]"],
    ],
    [
      "init containers come first",
      {
        initContainers: [container("init", [{ containerPort: 80 }])],
        containers: [container("a", [{ containerPort: 80 }])],
      },
      ["spec.containers[0].ports[0]: duplicate port definition with spec.initContainers[0].ports[0]"],
    ],
  ])("%s", (_story, spec, warnings) => {
    expect(podSpecWarnings(spec)).toEqual(warnings);
  });

  it("a Deployment's template warns under spec.template", () => {
    const spec = {
      containers: [container("a", [{ containerPort: 80 }]), container("b", [{ containerPort: 80 }])],
    };
    expect(objectWarnings("Deployment", { spec: { template: { spec } } })).toEqual([
      "spec.template.spec.containers[1].ports[0]: duplicate port definition with spec.template.spec.containers[0].ports[0]",
    ]);
    expect(objectWarnings("Service", { spec: {} })).toEqual([]);
  });
});
