import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyManifests,
  createCluster,
  listObjects,
  type Node,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type Pod,
  reconcile,
  type Service,
} from "../src/index";
import { cidrContains, parseCidr, parseIp } from "../src/network/cidr";
import { manifest, op, runOps } from "./random-ops";

// Properties (STYLE.md §4): same inputs and seed give the same bytes; one more reconcile after
// convergence changes nothing; no two pods share an IP and each IP lies in its node's pod range.
describe("determinism", () => {
  it("same seed and operations give byte-identical state, and the invariants hold", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), fc.array(op, { maxLength: 14 }), (seed, ops) => {
        const a = runOps(seed, ops);
        const b = runOps(seed, ops);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));

        expect(reconcile(a)).toBe(a);

        const seen = new Set<string>();
        const nodes = new Map(listObjects<Node>(a, "Node").map((n) => [n.metadata.name, n]));
        for (const pod of listObjects<Pod>(a, "Pod")) {
          const ip = pod.status.podIP;
          if (!ip) continue;
          expect(seen.has(ip)).toBe(false);
          seen.add(ip);
          const cidr = parseCidr(nodes.get(pod.spec.nodeName ?? "")?.spec.podCIDR ?? "");
          expect(cidr && cidrContains(cidr, parseIp(ip) ?? -1)).toBe(true);
        }

        // ClusterIPs and node ports are unique and in their ranges; endpoints are pods the selector picks.
        const serviceRange = parseCidr(a.topology.serviceRange);
        const ips = new Set<string>();
        const ports = new Set<number>();
        const pods = listObjects<Pod>(a, "Pod");
        for (const svc of listObjects<Service>(a, "Service")) {
          const ip = svc.spec.clusterIP;
          if (ip && ip !== "None") {
            expect(ips.has(ip)).toBe(false);
            ips.add(ip);
            expect(serviceRange && cidrContains(serviceRange, parseIp(ip) ?? -1)).toBe(true);
          }
          for (const p of svc.spec.ports ?? []) {
            if (!p.nodePort) continue;
            expect(ports.has(p.nodePort)).toBe(false);
            ports.add(p.nodePort);
            expect(p.nodePort >= 30000 && p.nodePort <= 32767).toBe(true);
          }
          const ep = listObjects(a, "Endpoints", svc.metadata.namespace).find(
            (e) => e.metadata.name === svc.metadata.name,
          ) as { subsets?: { addresses?: { ip: string }[] }[] } | undefined;
          for (const address of (ep?.subsets ?? []).flatMap((s) => s.addresses ?? [])) {
            const pod = pods.find((p) => p.status.podIP === address.ip);
            if (!svc.spec.selector) continue;
            expect(pod).toBeDefined();
            for (const [k, v] of Object.entries(svc.spec.selector)) expect(pod?.metadata.labels?.[k]).toBe(v);
          }
        }
        // A PV is bound to at most one claim, and a bound pair points at each other.
        const claimsByVolume = new Map<string, string>();
        for (const pvc of listObjects<PersistentVolumeClaim>(a, "PersistentVolumeClaim")) {
          if (pvc.status.phase !== "Bound") continue;
          const name = pvc.spec.volumeName ?? "";
          expect(claimsByVolume.has(name)).toBe(false);
          claimsByVolume.set(name, pvc.metadata.uid);
          const pv = listObjects<PersistentVolume>(a, "PersistentVolume").find(
            (v) => v.metadata.name === name,
          );
          expect(pv?.spec.claimRef?.uid).toBe(pvc.metadata.uid);
        }
        for (const pv of listObjects<PersistentVolume>(a, "PersistentVolume")) {
          if (pv.status.phase !== "Bound") continue;
          const ref = pv.spec.claimRef;
          const pvc = listObjects<PersistentVolumeClaim>(a, "PersistentVolumeClaim", ref?.namespace).find(
            (c) => c.metadata.name === ref?.name,
          );
          expect(pvc?.metadata.uid).toBe(ref?.uid);
          expect(pvc?.spec.volumeName).toBe(pv.metadata.name);
        }
      }),
      { seed: 20261125, numRuns: 60 },
    );
  });

  it("different seeds give different names", () => {
    const text = manifest({ kind: "deploy", name: "web", replicas: 2, image: "nginx" });
    const names = [1, 2].map((seed) => {
      const c = createCluster({ seed });
      if (!c.ok) throw new Error("cluster");
      return listObjects<Pod>(applyManifests(c.state, [{ name: "m", text }]).state, "Pod")
        .map((p) => p.metadata.name)
        .join(",");
    });
    expect(names[0]).not.toBe(names[1]);
  });
});
