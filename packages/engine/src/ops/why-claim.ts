import type { PersistentVolume, PersistentVolumeClaim, StorageClass } from "../api/storage";
import { pvcClass } from "../api/storage";
import { GKE_PROVISIONERS } from "../controllers/storage/provisioner";
import { evaluateClaim, type VolumeVerdict, volumeSatisfiesClaim } from "../controllers/storage/pv-binder";
import { ANN_SELECTED_NODE, unscheduledPodsUsing } from "../controllers/storage/pv-controller";
import { Messages } from "../events/reasons";
import type { ClusterState } from "../store/state";
import { Tx } from "../store/tx";

/** Where a claim stands, in the PV controller's terms (the branch of syncUnboundClaim / syncBoundClaim it is in). */
export type ClaimState =
  | "bound"
  | "lost"
  | "volumeNameMissing"
  | "volumeMismatch"
  | "volumeTaken"
  | "waitForFirstConsumer"
  | "waitForPodScheduled"
  | "classNotFound"
  | "noProvisioner"
  | "provisioning"
  | "provisioningFailed"
  | "externalProvisioner"
  | "noMatchNoClass"
  | "match";

/** The binder's record for one claim: its class, every volume it looked at with the rule that ruled it out. */
export interface ClaimExplanation {
  namespace: string;
  name: string;
  phase: string;
  /** The class the claim asks for ("" = only volumes without a class), and where that is in the manifest. */
  className: string;
  classField: "spec.storageClassName";
  storageClass?: { name: string; provisioner: string; volumeBindingMode: string };
  state: ClaimState;
  /** The controller's own words for this state (the event message), when it has some. */
  message?: string;
  volume?: string;
  candidates: VolumeVerdict[];
  chosen?: string;
}

/** `kjctl why pvc/NAME`: the PV binder's verdict per volume, and what the controller waits for. */
export function explainClaim(
  state: ClusterState,
  namespace: string,
  name: string,
): ClaimExplanation | undefined {
  const tx = new Tx(state);
  const pvc = tx.get<PersistentVolumeClaim>("PersistentVolumeClaim", namespace, name);
  if (!pvc) return undefined;
  const className = pvcClass(pvc);
  const sc = className === "" ? undefined : tx.get<StorageClass>("StorageClass", undefined, className);
  const pvs = tx.list<PersistentVolume>("PersistentVolume");
  const delayBinding = sc?.volumeBindingMode === "WaitForFirstConsumer";
  const base = {
    namespace,
    name,
    phase: pvc.status?.phase ?? "Pending",
    className,
    classField: "spec.storageClassName" as const,
    ...(sc
      ? {
          storageClass: {
            name: className,
            provisioner: sc.provisioner,
            volumeBindingMode: sc.volumeBindingMode,
          },
        }
      : {}),
  };
  const volumeName = pvc.spec.volumeName;
  if (pvc.status?.phase === "Bound" && volumeName)
    return { ...base, state: "bound", volume: volumeName, candidates: [] };
  if (pvc.status?.phase === "Lost")
    return { ...base, state: "lost", volume: volumeName, message: Messages.claimLostVolume, candidates: [] };
  if (volumeName) {
    const pv = tx.get<PersistentVolume>("PersistentVolume", undefined, volumeName);
    if (!pv) return { ...base, state: "volumeNameMissing", volume: volumeName, candidates: [] };
    const reason = pv.spec.claimRef ? undefined : volumeSatisfiesClaim(pv, pvc);
    if (reason)
      return {
        ...base,
        state: "volumeMismatch",
        volume: volumeName,
        message: Messages.volumeMismatch(volumeName, reason),
        candidates: evaluateClaim(pvc, [pv]).verdicts,
      };
    return {
      ...base,
      state: "volumeTaken",
      volume: volumeName,
      message: Messages.alreadyBound(volumeName),
      candidates: evaluateClaim(pvc, [pv]).verdicts,
    };
  }
  const { chosen, verdicts } = evaluateClaim(pvc, pvs, { delayBinding });
  const out = { ...base, candidates: verdicts, ...(chosen ? { chosen } : {}) };
  if (chosen) return { ...out, state: "match" };
  if (delayBinding && !pvc.metadata.annotations?.[ANN_SELECTED_NODE]) {
    const pods = unscheduledPodsUsing(tx, pvc);
    return pods.length > 0
      ? { ...out, state: "waitForPodScheduled", message: Messages.waitForPods(pods) }
      : { ...out, state: "waitForFirstConsumer", message: Messages.waitForFirstConsumer };
  }
  if (className === "") return { ...out, state: "noMatchNoClass", message: Messages.noVolumesNoClass };
  if (!sc) return { ...out, state: "classNotFound", message: Messages.classNotFound(className) };
  if (sc.provisioner.startsWith("kubernetes.io/") && !GKE_PROVISIONERS.has(sc.provisioner))
    return { ...out, state: "noProvisioner", message: Messages.noPlugin(sc.provisioner) };
  const failed = tx.storage.failed[pvc.metadata.uid];
  if (failed !== undefined) return { ...out, state: "provisioningFailed", message: failed };
  if (GKE_PROVISIONERS.has(sc.provisioner)) return { ...out, state: "provisioning" };
  return { ...out, state: "externalProvisioner", message: Messages.externalProvisioning(sc.provisioner) };
}
