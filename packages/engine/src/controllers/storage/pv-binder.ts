import type { Node } from "../../api/cluster-kinds";
import { parseQuantity } from "../../api/quantity";
import { type PersistentVolume, type PersistentVolumeClaim, pvClass, pvcClass } from "../../api/storage";
import { selectorMatches } from "../../store/labels";
import { accessModesString, nodeAffinityMatches } from "./volume-helpers";

// The PV controller's matching (pkg/controller/volume/persistentvolume/index.go: findByClaim,
// allPossibleMatchingAccessModes; component-helpers/storage/volume/pv_helpers.go: FindMatchingVolume).
// Each candidate gets a verdict: the rule that ruled it out, the field of the learner's claim it is
// about, and the two values compared. Events, `kjctl why`, the diagram and grading hints render it.

export type BindRule =
  | "accessModes"
  | "boundToOther"
  | "capacity"
  | "volumeMode"
  | "deleting"
  | "waitForFirstConsumer"
  | "phase"
  | "selector"
  | "storageClass"
  | "nodeAffinity"
  | "largerThanChosen";

export interface VolumeVerdict {
  pv: string;
  /** Undefined when the volume fits the claim. */
  rule?: BindRule;
  /** The field of the claim the rule compares (a path in the learner's manifest). */
  claimField?: string;
  /** The field of the PersistentVolume compared. */
  pvField?: string;
  claimValue?: string;
  pvValue?: string;
  /** One sentence for a learner, in kubectl's English. */
  message?: string;
  /** Pre-bound to this claim through spec.claimRef: it wins over any other volume in its access-mode set. */
  preBound?: boolean;
}

export interface MatchOptions {
  /** The class binds late (WaitForFirstConsumer) and this is the PV controller's pass, not the scheduler's. */
  delayBinding?: boolean;
  /** The scheduler's pass: the node the pod would run on (node affinity and access modes are checked). */
  node?: Node;
}

// Quantities repeat (every 10Gi volume says "10Gi"): parse each text once. A memo of a pure function.
const parsed = new Map<string | number, number>();
function bytes(q: string | number | undefined): number {
  const key = q ?? 0;
  let v = parsed.get(key);
  if (v === undefined) {
    v = parseQuantity(key) ?? 0;
    if (parsed.size < 10_000) parsed.set(key, v);
  }
  return v;
}

export const storageOf = (pv: PersistentVolume): number => bytes(pv.spec.capacity?.storage);
export const requestOf = (pvc: PersistentVolumeClaim): number => bytes(pvc.spec.resources?.requests?.storage);
const fmt = (q: string | number | undefined) => String(q ?? "");

/** storagehelpers.IsVolumeBoundToClaim: claimRef names this claim (and its uid, when the ref has one). */
export function isBoundToClaim(pv: PersistentVolume, pvc: PersistentVolumeClaim): boolean {
  const ref = pv.spec.claimRef;
  if (!ref) return false;
  if (ref.name !== pvc.metadata.name || (ref.namespace ?? "") !== (pvc.metadata.namespace ?? ""))
    return false;
  return !ref.uid || ref.uid === pvc.metadata.uid;
}

/** Every access mode the claim asks for is offered by the volume (CheckAccessModes). */
export function offersModes(pv: PersistentVolume, pvc: PersistentVolumeClaim): boolean {
  const offered = new Set(pv.spec.accessModes ?? []);
  return (pvc.spec.accessModes ?? []).every((m) => offered.has(m));
}

/**
 * FindMatchingVolume's filters for one volume, in code order. The access-mode set grouping of
 * findByClaim comes first (a volume whose set lacks a requested mode is never looked at).
 */
export function verdictFor(
  pv: PersistentVolume,
  pvc: PersistentVolumeClaim,
  opts: MatchOptions = {},
): VolumeVerdict {
  const name = pv.metadata.name;
  const out = (v: Omit<VolumeVerdict, "pv">): VolumeVerdict => ({ pv: name, ...v });
  if (!offersModes(pv, pvc)) {
    const wanted = accessModesString(pvc.spec.accessModes ?? []);
    const offered = accessModesString(pv.spec.accessModes ?? []);
    const missing = (pvc.spec.accessModes ?? []).filter((m) => !(pv.spec.accessModes ?? []).includes(m));
    return out({
      rule: "accessModes",
      claimField: "spec.accessModes",
      pvField: "spec.accessModes",
      claimValue: wanted,
      pvValue: offered,
      message: `access mode ${accessModesString(missing)} not offered (the volume offers ${offered || "none"})`,
    });
  }
  if (pv.spec.claimRef && !isBoundToClaim(pv, pvc)) {
    const ref = `${pv.spec.claimRef.namespace ?? ""}/${pv.spec.claimRef.name ?? ""}`;
    return out({
      rule: "boundToOther",
      claimField: "metadata.name",
      pvField: "spec.claimRef",
      claimValue: `${pvc.metadata.namespace ?? ""}/${pvc.metadata.name}`,
      pvValue: ref,
      message: `already bound to ${ref}${pv.status?.phase === "Released" ? " (Released: the claim is gone, the volume keeps its claimRef until an administrator clears it)" : ""}`,
    });
  }
  const size = storageOf(pv);
  const request = requestOf(pvc);
  if (size < request) {
    return out({
      rule: "capacity",
      claimField: "spec.resources.requests.storage",
      pvField: "spec.capacity.storage",
      claimValue: fmt(pvc.spec.resources?.requests?.storage),
      pvValue: fmt(pv.spec.capacity?.storage),
      message: `capacity ${fmt(pv.spec.capacity?.storage)} < requested ${fmt(pvc.spec.resources?.requests?.storage)}`,
    });
  }
  const claimMode = pvc.spec.volumeMode ?? "Filesystem";
  const volumeMode = pv.spec.volumeMode ?? "Filesystem";
  if (claimMode !== volumeMode) {
    return out({
      rule: "volumeMode",
      claimField: "spec.volumeMode",
      pvField: "spec.volumeMode",
      claimValue: claimMode,
      pvValue: volumeMode,
      message: `volumeMode ${volumeMode} does not match the claim's ${claimMode}`,
    });
  }
  if (pv.metadata.deletionTimestamp) {
    return out({
      rule: "deleting",
      pvField: "metadata.deletionTimestamp",
      pvValue: pv.metadata.deletionTimestamp,
      message: "the volume is being deleted",
    });
  }
  const affinityOk = !opts.node || nodeAffinityMatches(pv.spec.nodeAffinity, opts.node.metadata.labels ?? {});
  if (isBoundToClaim(pv, pvc)) {
    if (!affinityOk) return out(affinityVerdict(pv, opts.node));
    return out({ preBound: true });
  }
  if (!opts.node && opts.delayBinding) {
    return out({
      rule: "waitForFirstConsumer",
      claimField: "spec.storageClassName",
      claimValue: pvcClass(pvc),
      message: "the class binds when a pod using the claim is scheduled (WaitForFirstConsumer)",
    });
  }
  const phase = pv.status?.phase ?? "Pending";
  if (phase !== "Available") {
    return out({
      rule: "phase",
      pvField: "status.phase",
      pvValue: phase,
      claimValue: "Available",
      message: `the volume is ${phase}, not Available`,
    });
  }
  if (pvc.spec.selector && !selectorMatches(pvc.spec.selector, pv.metadata.labels)) {
    return out({
      rule: "selector",
      claimField: "spec.selector",
      pvField: "metadata.labels",
      claimValue: JSON.stringify(pvc.spec.selector),
      pvValue: JSON.stringify(pv.metadata.labels ?? {}),
      message: "the claim's selector does not match the volume's labels",
    });
  }
  const wanted = pvcClass(pvc);
  const has = pvClass(pv);
  if (wanted !== has) {
    return out({
      rule: "storageClass",
      claimField: "spec.storageClassName",
      pvField: "spec.storageClassName",
      claimValue: wanted,
      pvValue: has,
      message: `storageClassName ${JSON.stringify(has)} does not match the claim's ${JSON.stringify(wanted)}`,
    });
  }
  if (!affinityOk) return out(affinityVerdict(pv, opts.node));
  return out({});
}

function affinityVerdict(pv: PersistentVolume, node: Node | undefined): Omit<VolumeVerdict, "pv"> {
  const zone = node?.metadata.labels?.["topology.kubernetes.io/zone"] ?? "";
  return {
    rule: "nodeAffinity",
    pvField: "spec.nodeAffinity",
    pvValue: JSON.stringify(pv.spec.nodeAffinity?.required ?? {}),
    claimValue: node?.metadata.name ?? "",
    message: `node ${node?.metadata.name ?? ""} (zone ${zone}) is outside the volume's node affinity`,
  };
}

/** The volume's exact set of access modes, as index.go groups volumes. */
export const modeSetKey = (modes: readonly string[]): string => [...new Set(modes)].sort().join(",");

/** Volumes by class, then by access-mode set, each list sorted by capacity then name (index.go, sorted for binary search). */
export class PvIndex {
  private readonly byClass = new Map<string, Map<string, PersistentVolume[]>>();
  /** Volumes pre-bound to a claim through spec.claimRef, by `namespace/name`. */
  private readonly preBound = new Map<string, PersistentVolume[]>();

  constructor(pvs: Iterable<PersistentVolume>) {
    for (const pv of pvs) this.add(pv);
    for (const sets of this.byClass.values()) for (const list of sets.values()) list.sort(compareVolumes);
  }

  private add(pv: PersistentVolume): void {
    const ref = pv.spec.claimRef;
    if (ref?.name) {
      const k = `${ref.namespace ?? ""}/${ref.name}`;
      const pre = this.preBound.get(k);
      if (pre) pre.push(pv);
      else this.preBound.set(k, [pv]);
    }
    // Only volumes any claim could take go into the sorted lists: bound, reserved, deleting or not yet
    // Available ones would fail their verdict anyway (boundToOther, deleting, phase).
    if (ref || pv.metadata.deletionTimestamp || pv.status?.phase !== "Available") return;
    const cls = pvClass(pv);
    let sets = this.byClass.get(cls);
    if (!sets) {
      sets = new Map();
      this.byClass.set(cls, sets);
    }
    const key = modeSetKey(pv.spec.accessModes ?? []);
    const list = sets.get(key);
    if (list) list.push(pv);
    else sets.set(key, [pv]);
  }

  /** Removes a volume handed out in this pass from the sorted lists (so later claims never scan it). */
  take(pv: PersistentVolume): void {
    const list = this.byClass.get(pvClass(pv))?.get(modeSetKey(pv.spec.accessModes ?? []));
    if (!list) return;
    for (let i = lowerBound(list, storageOf(pv)); i < list.length; i++) {
      if (list[i]?.metadata.name === pv.metadata.name) {
        list.splice(i, 1);
        return;
      }
      if (storageOf(list[i] as PersistentVolume) > storageOf(pv)) return;
    }
  }

  /**
   * findByClaim: the access-mode sets holding every requested mode, fewest modes first; in each, a volume
   * pre-bound to the claim wins, else the smallest that passes every filter. `taken` are volumes this pass
   * already handed out.
   */
  find(
    pvc: PersistentVolumeClaim,
    opts: MatchOptions = {},
    taken?: ReadonlySet<string>,
  ): PersistentVolume | undefined {
    const cls = pvcClass(pvc);
    const request = requestOf(pvc);
    const wanted = pvc.spec.accessModes ?? [];
    const pre = this.preBound.get(`${pvc.metadata.namespace ?? ""}/${pvc.metadata.name}`) ?? [];
    const sets = this.byClass.get(cls);
    if (pre.length === 0 && !sets) return undefined;
    let keys: Iterable<string> = sets?.keys() ?? [];
    if (pre.length > 0) {
      const all = new Set<string>(keys);
      for (const pv of pre) all.add(modeSetKey(pv.spec.accessModes ?? []));
      keys = all;
    }
    const candidates: { key: string; modes: string[] }[] = [];
    for (const key of keys) {
      const modes = key === "" ? [] : key.split(",");
      if (wanted.every((m) => modes.includes(m))) candidates.push({ key, modes });
    }
    candidates.sort(
      (a, b) => a.modes.length - b.modes.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
    for (const set of candidates) {
      for (const pv of pre) {
        if (modeSetKey(pv.spec.accessModes ?? []) !== set.key || taken?.has(pv.metadata.name)) continue;
        const v = verdictFor(pv, pvc, opts);
        if (v.preBound) return pv;
      }
      const list = sets?.get(set.key) ?? [];
      for (let i = lowerBound(list, request); i < list.length; i++) {
        const pv = list[i];
        if (!pv || taken?.has(pv.metadata.name)) continue;
        const v = verdictFor(pv, pvc, opts);
        if (v.rule === undefined) return pv;
      }
    }
    return undefined;
  }
}

function compareVolumes(a: PersistentVolume, b: PersistentVolume): number {
  const d = storageOf(a) - storageOf(b);
  if (d !== 0) return d;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** The first index whose capacity is at least `request` (the list is sorted by capacity). */
function lowerBound(list: readonly PersistentVolume[], request: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const pv = list[mid];
    if (pv && storageOf(pv) < request) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Every volume with its verdict for one claim, in the order the binder looks at them, and the one it
 * picks. Fitting volumes that lost to a smaller one say so. The same `verdictFor` as the index.
 */
export function evaluateClaim(
  pvc: PersistentVolumeClaim,
  pvs: readonly PersistentVolume[],
  opts: MatchOptions = {},
): { chosen?: string; verdicts: VolumeVerdict[] } {
  const picked = new PvIndex(pvs).find(pvc, opts);
  const chosen = picked?.metadata.name;
  const reserved = picked !== undefined && isBoundToClaim(picked, pvc);
  const verdicts = [...pvs].sort(compareVolumes).map((pv) => {
    const v = verdictFor(pv, pvc, opts);
    if (chosen !== undefined && pv.metadata.name !== chosen && (v.rule === undefined || v.preBound)) {
      return {
        pv: pv.metadata.name,
        rule: "largerThanChosen" as const,
        pvField: "spec.capacity.storage",
        pvValue: fmt(pv.spec.capacity?.storage),
        message: reserved
          ? `fits, but ${chosen} is reserved for this claim (its spec.claimRef names it)`
          : `fits, but ${chosen} is chosen first (fewest access modes, then smallest capacity, then name)`,
      };
    }
    return v;
  });
  return { chosen, verdicts };
}

/** checkVolumeSatisfyClaim (pv_controller.go): why a claim cannot take the volume it names in spec.volumeName. */
export function volumeSatisfiesClaim(pv: PersistentVolume, pvc: PersistentVolumeClaim): string | undefined {
  if (pv.metadata.deletionTimestamp) return `the volume is marked for deletion "${pv.metadata.name}"`;
  if (storageOf(pv) < requestOf(pvc)) return "requested PV is too small";
  if (pvClass(pv) !== pvcClass(pvc)) return "storageClassName does not match";
  if ((pv.spec.volumeMode ?? "Filesystem") !== (pvc.spec.volumeMode ?? "Filesystem"))
    return "incompatible volumeMode";
  if (!offersModes(pv, pvc)) return "incompatible accessMode";
  return undefined;
}
