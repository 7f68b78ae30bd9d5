import { describe, expect, it } from "vitest";
import { listObjects, type Node } from "../index";
import { createCluster } from "./create-cluster";
import { podSlicePrefix } from "./topology";

describe("a VPC-native cluster's addresses", () => {
  it.each([
    [8, 28],
    [16, 27],
    [32, 26],
    [64, 25],
    [110, 24],
    [256, 23],
  ])("max %i pods per node gives each node a /%i (GKE flexible pod CIDR table)", (max, prefix) => {
    expect(podSlicePrefix(max)).toBe(prefix);
  });

  it("gives each node a primary address from the subnet and the next aligned pod slice", () => {
    const c = createCluster({ topology: { nodeCount: 4, maxPodsPerNode: 32, podRange: "10.60.0.0/20" } });
    if (!c.ok) throw new Error(c.errors.join());
    const ip = (n: Node) => n.status.addresses.find((a) => a.type === "InternalIP")?.address ?? "";
    // Listed by name, as etcd returns them; node i has the i-th address and the i-th slice.
    const nodes = listObjects<Node>(c.state, "Node").sort((a, b) => (ip(a) < ip(b) ? -1 : 1));
    expect(nodes.map((n) => n.spec.podCIDR)).toEqual([
      "10.60.0.0/26",
      "10.60.0.64/26",
      "10.60.0.128/26",
      "10.60.0.192/26",
    ]);
    expect(nodes.map(ip)).toEqual(["10.128.0.2", "10.128.0.3", "10.128.0.4", "10.128.0.5"]);
  });

  it.each([
    {
      story: "a pod range too small for the nodes",
      topology: { nodeCount: 3, podRange: "10.8.0.0/24" },
      error:
        "Insufficient Pod address range: 10.8.0.0/24 holds 1 /24 ranges (max pods per node 110), too few for 3 nodes.",
    },
    {
      story: "a subnet too small for the nodes",
      topology: { nodeCount: 5, nodeRange: "10.128.0.0/29" },
      error: "The subnet's primary range 10.128.0.0/29 has 4 usable addresses, too few for 5 nodes.",
    },
    {
      story: "overlapping pod and service ranges",
      topology: { serviceRange: "10.8.4.0/22" },
      error: "The pod range 10.8.0.0/14 overlaps the service range 10.8.4.0/22.",
    },
    {
      story: "a range that is not a CIDR",
      topology: { podRange: "10.8.0.0/33" },
      error: "Invalid value for field 'clusterIpv4CidrBlock': '10.8.0.0/33'. Invalid IPv4 CIDR range.",
    },
  ])("refuses $story", ({ topology, error }) => {
    const c = createCluster({ topology });
    expect(c.ok).toBe(false);
    expect(!c.ok && c.errors).toContain(error);
  });
});
