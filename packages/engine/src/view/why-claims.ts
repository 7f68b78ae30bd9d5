// Why records for claims that stay Pending (or were Lost): the PV controller's branch the claim is in
// (explainClaim) and, per rule, the volumes the binder ruled out (verdictFor). Only rendered here.
import { type PersistentVolume, type PersistentVolumeClaim, pvClass, pvcClass } from "../api/storage";
import type { BindRule, VolumeVerdict } from "../controllers/storage/pv-binder";
import { type ClaimExplanation, type ClaimState, explainClaim } from "../ops/why-claim";
import { objectKey } from "../store/object-key";
import { listObjects } from "../store/queries";
import type { ClusterState } from "../store/state";
import type { WhyCode, WhyReason, WhyRecord } from "./why-record";

/** The claim states that resolve themselves within the same command are not worth a record. */
const SETTLING: ReadonlySet<ClaimState> = new Set(["bound", "match", "provisioning"]);

const STATE_CODES: Record<Exclude<ClaimState, "bound" | "match" | "provisioning">, WhyCode> = {
  lost: "claim-lost",
  volumeNameMissing: "volume-name-missing",
  volumeMismatch: "volume-name-mismatch",
  volumeTaken: "volume-name-taken",
  waitForFirstConsumer: "wait-for-first-consumer",
  waitForPodScheduled: "wait-for-pod-scheduled",
  classNotFound: "class-not-found",
  noProvisioner: "no-provisioner",
  provisioningFailed: "provisioning-failed",
  externalProvisioner: "external-provisioner",
  noMatchNoClass: "no-volume-matches",
};

const RULE_CODES: Partial<Record<BindRule, WhyCode>> = {
  accessModes: "volume-access-modes",
  capacity: "volume-capacity",
  volumeMode: "volume-mode",
  selector: "volume-selector",
  storageClass: "volume-class",
  boundToOther: "volume-bound-to-other",
  phase: "volume-phase",
  nodeAffinity: "volume-node-affinity",
};

/** The claim states in which the volumes the binder looked at explain something. */
const SHOWS_VOLUMES: ReadonlySet<ClaimState> = new Set([
  "noMatchNoClass",
  "classNotFound",
  "noProvisioner",
  "provisioningFailed",
  "externalProvisioner",
  "volumeMismatch",
]);

const STATE_TEXT: Partial<Record<ClaimState, (c: ClaimExplanation) => string>> = {
  volumeNameMissing: (c) =>
    `spec.volumeName names PersistentVolume "${c.volume ?? ""}", which does not exist`,
  waitForPodScheduled: () => "waiting for the pod that uses it to be scheduled",
  provisioning: () => "the provisioner is creating a disk",
};

function stateReason(c: ClaimExplanation, code: WhyCode): WhyReason {
  const text = c.message ?? STATE_TEXT[c.state]?.(c) ?? c.state;
  const values: Record<string, string> = { class: c.className };
  if (c.storageClass) values.provisioner = c.storageClass.provisioner;
  if (c.volume) values.volume = c.volume;
  const volumeField = c.state.startsWith("volumeName") || c.state === "volumeTaken";
  return { code, text, fieldPath: volumeField ? "spec.volumeName" : c.classField, values };
}

/** One reason per rule, in the order the binder checks them, naming the first volume it ruled out. */
function volumeReasons(candidates: readonly VolumeVerdict[]): WhyReason[] {
  const byRule = new Map<WhyCode, VolumeVerdict[]>();
  for (const v of candidates) {
    const code = v.rule ? RULE_CODES[v.rule] : undefined;
    if (!code) continue;
    const list = byRule.get(code) ?? [];
    list.push(v);
    byRule.set(code, list);
  }
  return [...byRule.entries()].map(([code, volumes]) => {
    const first = volumes[0] as VolumeVerdict;
    return {
      code,
      text: `${first.pv}: ${first.message ?? first.rule ?? ""}`,
      ...(first.claimField ? { fieldPath: first.claimField } : {}),
      count: volumes.length,
      values: {
        volume: first.pv,
        wanted: first.claimValue ?? "",
        offered: first.pvValue ?? "",
      },
    };
  });
}

/**
 * The record for one claim. `considered` says which volumes the binder's index would even look at (those of
 * the claim's class, as findByClaim does): only their verdicts are worth a learner's attention.
 */
export function claimRecord(
  c: ClaimExplanation,
  considered: (pv: string) => boolean = () => true,
): WhyRecord | undefined {
  if (SETTLING.has(c.state)) return undefined;
  const code = STATE_CODES[c.state as keyof typeof STATE_CODES];
  const reasons = [stateReason(c, code)];
  if (SHOWS_VOLUMES.has(c.state))
    reasons.push(
      ...volumeReasons(c.candidates.filter((v) => c.state === "volumeMismatch" || considered(v.pv))),
    );
  return {
    id: objectKey("PersistentVolumeClaim", c.namespace, c.name),
    kind: "PersistentVolumeClaim",
    namespace: c.namespace,
    name: c.name,
    source: "persistentvolume-controller",
    message: reasons[0]?.text ?? c.state,
    reasons,
  };
}

/** Why records for every claim that is not bound and will not be without a change. */
export function explainClaims(state: ClusterState): WhyRecord[] {
  const out: WhyRecord[] = [];
  let classOf: Map<string, string> | undefined;
  for (const pvc of listObjects<PersistentVolumeClaim>(state, "PersistentVolumeClaim")) {
    if (pvc.metadata.deletionTimestamp) continue;
    if (pvc.status?.phase === "Bound") continue;
    const c = explainClaim(state, pvc.metadata.namespace ?? "default", pvc.metadata.name);
    classOf ??= new Map(
      listObjects<PersistentVolume>(state, "PersistentVolume").map((pv) => [pv.metadata.name, pvClass(pv)]),
    );
    const wanted = pvcClass(pvc);
    const classes = classOf;
    const record = c ? claimRecord(c, (pv) => classes.get(pv) === wanted) : undefined;
    if (record) out.push(record);
  }
  return out;
}
