import { describe, expect, it } from "vitest";
import type { Node } from "../../api/cluster-kinds";
import type { PersistentVolume, PersistentVolumeClaim } from "../../api/storage";
import {
  type BindRule,
  evaluateClaim,
  type MatchOptions,
  PvIndex,
  verdictFor,
  volumeSatisfiesClaim,
} from "./pv-binder";

// Table tests in the spirit of pkg/controller/volume/persistentvolume/binder_test.go and index_test.go:
// each case has an id, a story, small builders for the volumes and the claim, and the expected pick.

interface PvOpts {
  modes?: string[];
  cls?: string;
  phase?: PersistentVolume["status"]["phase"];
  claimRef?: { namespace: string; name: string; uid?: string };
  labels?: Record<string, string>;
  mode?: string;
  deleting?: boolean;
  zone?: string;
}

function pv(name: string, size: string, o: PvOpts = {}): PersistentVolume {
  return {
    apiVersion: "v1",
    kind: "PersistentVolume",
    metadata: {
      name,
      uid: `uid-${name}`,
      resourceVersion: "1",
      creationTimestamp: "2026-01-05T09:00:00Z",
      ...(o.labels ? { labels: o.labels } : {}),
      ...(o.deleting ? { deletionTimestamp: "2026-01-05T09:00:00Z" } : {}),
    },
    spec: {
      capacity: { storage: size },
      accessModes: o.modes ?? ["ReadWriteOnce"],
      persistentVolumeReclaimPolicy: "Retain",
      volumeMode: o.mode ?? "Filesystem",
      ...(o.cls !== undefined ? { storageClassName: o.cls } : {}),
      ...(o.claimRef ? { claimRef: o.claimRef } : {}),
      ...(o.zone
        ? {
            nodeAffinity: {
              required: {
                nodeSelectorTerms: [
                  {
                    matchExpressions: [
                      { key: "topology.kubernetes.io/zone", operator: "In", values: [o.zone] },
                    ],
                  },
                ],
              },
            },
          }
        : {}),
      nfs: { server: "10.76.0.2", path: `/vol1/${name}` },
    },
    status: { phase: o.phase ?? "Available" },
  };
}

interface PvcOpts {
  modes?: string[];
  cls?: string;
  selector?: PersistentVolumeClaim["spec"]["selector"];
  mode?: string;
  uid?: string;
}

function pvc(size: string, o: PvcOpts = {}): PersistentVolumeClaim {
  return {
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: {
      name: "data",
      namespace: "team",
      uid: o.uid ?? "uid-data",
      resourceVersion: "2",
      creationTimestamp: "2026-01-05T09:00:00Z",
    },
    spec: {
      accessModes: o.modes ?? ["ReadWriteOnce"],
      resources: { requests: { storage: size } },
      volumeMode: o.mode ?? "Filesystem",
      ...(o.cls !== undefined ? { storageClassName: o.cls } : {}),
      ...(o.selector ? { selector: o.selector } : {}),
    },
    status: { phase: "Pending" },
  };
}

function node(zone: string): Node {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name: `node-${zone}`,
      uid: `uid-node-${zone}`,
      resourceVersion: "1",
      creationTimestamp: "2026-01-05T09:00:00Z",
      labels: { "topology.kubernetes.io/zone": zone },
    },
    spec: { podCIDR: "10.8.0.0/24", podCIDRs: ["10.8.0.0/24"], providerID: "" },
    status: {
      capacity: {},
      allocatable: {},
      conditions: [],
      addresses: [],
      nodeInfo: {
        kubeletVersion: "",
        kubeProxyVersion: "",
        osImage: "",
        kernelVersion: "",
        containerRuntimeVersion: "",
        operatingSystem: "",
        architecture: "",
      },
      images: [],
    },
  };
}

interface Case {
  id: string;
  story: string;
  volumes: PersistentVolume[];
  claim: PersistentVolumeClaim;
  options?: MatchOptions;
  /** The volume the binder picks, or undefined. */
  chosen: string | undefined;
  /** Volumes ruled out, with the rule and claim field the verdict names. */
  ruledOut?: Record<string, [BindRule, string | undefined]>;
}

const cases: Case[] = [
  { id: "1-1", story: "no volumes: nothing to bind", volumes: [], claim: pvc("1Gi"), chosen: undefined },
  {
    id: "1-2",
    story: "a volume of exactly the requested size fits",
    volumes: [pv("pv-1", "1Gi")],
    claim: pvc("1Gi"),
    chosen: "pv-1",
  },
  {
    id: "1-3",
    story: "the whole volume is bound even when larger than asked",
    volumes: [pv("pv-10", "10Gi")],
    claim: pvc("3Gi"),
    chosen: "pv-10",
  },
  {
    id: "1-4",
    story: "smallest volume: among fitting volumes the smallest capacity wins",
    volumes: [pv("pv-10", "10Gi"), pv("pv-1", "1Gi"), pv("pv-5", "5Gi"), pv("pv-50", "50Gi")],
    claim: pvc("3Gi"),
    chosen: "pv-5",
    ruledOut: {
      "pv-1": ["capacity", "spec.resources.requests.storage"],
      "pv-10": ["largerThanChosen", undefined],
    },
  },
  {
    id: "1-5",
    story: "every volume too small: no match, and each verdict says by how much",
    volumes: [pv("pv-1", "1Gi"), pv("pv-2", "2Gi")],
    claim: pvc("5Gi"),
    chosen: undefined,
    ruledOut: {
      "pv-1": ["capacity", "spec.resources.requests.storage"],
      "pv-2": ["capacity", "spec.resources.requests.storage"],
    },
  },
  {
    id: "1-6",
    story: "quantities compare by value: 1G (10^9 bytes) is less than 1Gi (2^30)",
    volumes: [pv("pv-1g", "1G")],
    claim: pvc("1Gi"),
    chosen: undefined,
    ruledOut: { "pv-1g": ["capacity", "spec.resources.requests.storage"] },
  },
  {
    id: "1-7",
    story: "equal capacity: the engine breaks the tie by name",
    volumes: [pv("pv-b", "5Gi"), pv("pv-a", "5Gi"), pv("pv-c", "5Gi")],
    claim: pvc("5Gi"),
    chosen: "pv-a",
  },
  {
    id: "1-8",
    story: "1024Mi is 1Gi: different suffixes, same value",
    volumes: [pv("pv-mi", "1024Mi")],
    claim: pvc("1Gi"),
    chosen: "pv-mi",
  },
  {
    id: "2-1",
    story: "classes must be equal: a claim for ssd does not take a manual volume",
    volumes: [pv("pv-manual", "5Gi", { cls: "manual" })],
    claim: pvc("1Gi", { cls: "ssd" }),
    chosen: undefined,
    ruledOut: { "pv-manual": ["storageClass", "spec.storageClassName"] },
  },
  {
    id: "2-2",
    story: "class equal: ssd claim takes the ssd volume, not the smaller manual one",
    volumes: [pv("pv-manual", "1Gi", { cls: "manual" }), pv("pv-ssd", "10Gi", { cls: "ssd" })],
    claim: pvc("1Gi", { cls: "ssd" }),
    chosen: "pv-ssd",
  },
  {
    id: "2-3",
    story: 'storageClassName "" binds only volumes without a class',
    volumes: [pv("pv-manual", "1Gi", { cls: "manual" }), pv("pv-none", "5Gi")],
    claim: pvc("1Gi", { cls: "" }),
    chosen: "pv-none",
    ruledOut: { "pv-manual": ["storageClass", "spec.storageClassName"] },
  },
  {
    id: "2-4",
    story: 'a volume with storageClassName "" counts as classless too',
    volumes: [pv("pv-empty", "5Gi", { cls: "" })],
    claim: pvc("1Gi"),
    chosen: "pv-empty",
  },
  {
    id: "3-1",
    story: "every requested access mode must be offered: RWX is not on an RWO volume",
    volumes: [pv("pv-rwo", "5Gi", { modes: ["ReadWriteOnce"] })],
    claim: pvc("1Gi", { modes: ["ReadWriteMany"] }),
    chosen: undefined,
    ruledOut: { "pv-rwo": ["accessModes", "spec.accessModes"] },
  },
  {
    id: "3-2",
    story:
      "the smallest access-mode set wins before capacity: RWO takes a larger RWO-only volume over a smaller RWO+ROX one",
    volumes: [
      pv("pv-rwo", "10Gi", { modes: ["ReadWriteOnce"] }),
      pv("pv-rwo-rox", "5Gi", { modes: ["ReadWriteOnce", "ReadOnlyMany"] }),
    ],
    claim: pvc("1Gi"),
    chosen: "pv-rwo",
  },
  {
    id: "3-3",
    story: "a claim for RWO and ROX needs a volume offering both",
    volumes: [pv("pv-rwo", "5Gi"), pv("pv-both", "50Gi", { modes: ["ReadOnlyMany", "ReadWriteOnce"] })],
    claim: pvc("1Gi", { modes: ["ReadWriteOnce", "ReadOnlyMany"] }),
    chosen: "pv-both",
  },
  {
    id: "3-4",
    story: "an RWX claim takes an NFS volume offering RWX, RWO and ROX",
    volumes: [pv("nfs", "5Gi", { modes: ["ReadWriteMany", "ReadWriteOnce", "ReadOnlyMany"] })],
    claim: pvc("1Gi", { modes: ["ReadWriteMany"] }),
    chosen: "nfs",
  },
  {
    id: "4-1",
    story: "volumeMode must be equal: a Block claim does not take a Filesystem volume",
    volumes: [pv("pv-fs", "5Gi")],
    claim: pvc("1Gi", { mode: "Block" }),
    chosen: undefined,
    ruledOut: { "pv-fs": ["volumeMode", "spec.volumeMode"] },
  },
  {
    id: "5-1",
    story: "selector matchLabels: only the labelled volume",
    volumes: [pv("pv-plain", "1Gi"), pv("pv-fast", "5Gi", { labels: { tier: "fast" } })],
    claim: pvc("1Gi", { selector: { matchLabels: { tier: "fast" } } }),
    chosen: "pv-fast",
    ruledOut: { "pv-plain": ["selector", "spec.selector"] },
  },
  {
    id: "5-2",
    story: "selector matchExpressions In",
    volumes: [pv("pv-a", "1Gi", { labels: { env: "dev" } }), pv("pv-b", "2Gi", { labels: { env: "prod" } })],
    claim: pvc("1Gi", { selector: { matchExpressions: [{ key: "env", operator: "In", values: ["prod"] }] } }),
    chosen: "pv-b",
  },
  {
    id: "6-1",
    story: "a volume bound to another claim is skipped",
    volumes: [
      pv("pv-taken", "1Gi", { phase: "Bound", claimRef: { namespace: "team", name: "other", uid: "u-1" } }),
    ],
    claim: pvc("1Gi"),
    chosen: undefined,
    ruledOut: { "pv-taken": ["boundToOther", "metadata.name"] },
  },
  {
    id: "6-2",
    story: "a Released volume keeps its claimRef: never bound again until an admin clears it",
    volumes: [
      pv("pv-released", "5Gi", {
        phase: "Released",
        claimRef: { namespace: "team", name: "data", uid: "old-uid" },
      }),
    ],
    claim: pvc("1Gi"),
    chosen: undefined,
    ruledOut: { "pv-released": ["boundToOther", "metadata.name"] },
  },
  {
    id: "6-3",
    story: "pre-bound through claimRef: the volume waits for that claim and wins, whatever its class or size",
    volumes: [
      pv("pv-small", "1Gi"),
      pv("pv-reserved", "50Gi", { cls: "other", claimRef: { namespace: "team", name: "data" } }),
    ],
    claim: pvc("1Gi"),
    chosen: "pv-reserved",
  },
  {
    id: "6-4",
    story: "a volume pre-bound to another claim is not taken",
    volumes: [pv("pv-reserved", "5Gi", { claimRef: { namespace: "team", name: "logs" } })],
    claim: pvc("1Gi"),
    chosen: undefined,
    ruledOut: { "pv-reserved": ["boundToOther", "metadata.name"] },
  },
  {
    id: "6-5",
    story: "pre-bound but too small: capacity is still checked",
    volumes: [pv("pv-reserved", "1Gi", { claimRef: { namespace: "team", name: "data" } })],
    claim: pvc("5Gi"),
    chosen: undefined,
    ruledOut: { "pv-reserved": ["capacity", "spec.resources.requests.storage"] },
  },
  {
    id: "7-1",
    story: "a volume being deleted is skipped",
    volumes: [pv("pv-going", "5Gi", { deleting: true })],
    claim: pvc("1Gi"),
    chosen: undefined,
    ruledOut: { "pv-going": ["deleting", undefined] },
  },
  {
    id: "7-2",
    story: "only Available volumes bind (a just-created Pending one waits for the controller)",
    volumes: [pv("pv-new", "5Gi", { phase: "Pending" }), pv("pv-failed", "5Gi", { phase: "Failed" })],
    claim: pvc("1Gi"),
    chosen: undefined,
    ruledOut: { "pv-new": ["phase", undefined], "pv-failed": ["phase", undefined] },
  },
  {
    id: "8-1",
    story: "WaitForFirstConsumer: the PV controller leaves the claim to the scheduler",
    volumes: [pv("pv-1", "5Gi", { cls: "local" })],
    claim: pvc("1Gi", { cls: "local" }),
    options: { delayBinding: true },
    chosen: undefined,
    ruledOut: { "pv-1": ["waitForFirstConsumer", "spec.storageClassName"] },
  },
  {
    id: "8-2",
    story: "the scheduler's pass skips volumes whose node affinity excludes the node",
    volumes: [
      pv("pv-a", "5Gi", { cls: "local", zone: "us-central1-a" }),
      pv("pv-b", "10Gi", { cls: "local", zone: "us-central1-b" }),
    ],
    claim: pvc("1Gi", { cls: "local" }),
    options: { delayBinding: true, node: node("us-central1-b") },
    chosen: "pv-b",
    ruledOut: { "pv-a": ["nodeAffinity", undefined] },
  },
  {
    id: "8-3",
    story: "node affinity is not the PV controller's business (no node, Immediate class)",
    volumes: [pv("pv-a", "5Gi", { zone: "us-central1-a" })],
    claim: pvc("1Gi"),
    chosen: "pv-a",
  },
];

describe("PV binder (findBestMatchForClaim)", () => {
  it.each(cases)("$id $story", ({ volumes, claim, options, chosen, ruledOut }) => {
    const picked = new PvIndex(volumes).find(claim, options)?.metadata.name;
    expect(picked).toBe(chosen);
    const evaluated = evaluateClaim(claim, volumes, options);
    expect(evaluated.chosen).toBe(chosen);
    for (const [name, [rule, field]] of Object.entries(ruledOut ?? {})) {
      const v = evaluated.verdicts.find((x) => x.pv === name);
      expect(v?.rule, name).toBe(rule);
      expect(v?.claimField, name).toBe(field);
    }
    // Every volume has a verdict; only the chosen one is without a rule.
    expect(evaluated.verdicts).toHaveLength(volumes.length);
    for (const v of evaluated.verdicts) if (v.pv !== chosen) expect(v.rule, v.pv).toBeDefined();
  });

  it("a verdict carries both values compared", () => {
    const v = verdictFor(pv("pv-small", "1Gi", { cls: "manual" }), pvc("5Gi", { cls: "manual" }));
    expect(v).toMatchObject({
      rule: "capacity",
      claimField: "spec.resources.requests.storage",
      pvField: "spec.capacity.storage",
      claimValue: "5Gi",
      pvValue: "1Gi",
      message: "capacity 1Gi < requested 5Gi",
    });
    const c = verdictFor(pv("pv-m", "5Gi", { cls: "manual" }), pvc("1Gi", { cls: "ssd" }));
    expect(c).toMatchObject({ rule: "storageClass", claimValue: "ssd", pvValue: "manual" });
  });

  it("volumes handed out earlier in a pass are not handed out again", () => {
    const index = new PvIndex([pv("pv-1", "1Gi"), pv("pv-2", "1Gi")]);
    const taken = new Set<string>(["pv-1"]);
    expect(index.find(pvc("1Gi"), {}, taken)?.metadata.name).toBe("pv-2");
    taken.add("pv-2");
    expect(index.find(pvc("1Gi"), {}, taken)).toBeUndefined();
  });
});

describe("checkVolumeSatisfyClaim (spec.volumeName)", () => {
  it.each([
    ["too small", pv("pv", "1Gi"), pvc("5Gi"), "requested PV is too small"],
    [
      "class",
      pv("pv", "5Gi", { cls: "manual" }),
      pvc("1Gi", { cls: "ssd" }),
      "storageClassName does not match",
    ],
    ["volume mode", pv("pv", "5Gi"), pvc("1Gi", { mode: "Block" }), "incompatible volumeMode"],
    ["access mode", pv("pv", "5Gi"), pvc("1Gi", { modes: ["ReadWriteMany"] }), "incompatible accessMode"],
    ["deleting", pv("pv", "5Gi", { deleting: true }), pvc("1Gi"), 'the volume is marked for deletion "pv"'],
    ["fits", pv("pv", "5Gi"), pvc("1Gi"), undefined],
  ] as const)("%s", (_name, volume, claim, reason) => {
    expect(volumeSatisfiesClaim(volume, claim)).toBe(reason);
  });
});
