// How `kjctl why` words the PV binder's verdicts: one line per volume it looked at, the claim field
// that ruled each out. The engine decides; this only renders.
import type { ClaimExplanation, VolumeBlocker, VolumeVerdict } from "@kubejam/engine";

const STATE_TEXT: Record<ClaimExplanation["state"], string> = {
  bound: "is Bound",
  lost: "is Lost: its PersistentVolume is gone",
  volumeNameMissing: "names spec.volumeName, and that PersistentVolume does not exist (it waits for it)",
  volumeMismatch: "names a PersistentVolume in spec.volumeName that does not satisfy it",
  volumeTaken: "names a PersistentVolume in spec.volumeName that is bound to another claim",
  waitForFirstConsumer:
    "waits for a first consumer: its class binds (or provisions) only when a pod using it is scheduled",
  waitForPodScheduled: "waits for the pod that uses it to be scheduled",
  classNotFound: "names a StorageClass that does not exist, and no PersistentVolume matches",
  noProvisioner: "has no matching PersistentVolume, and its class's provisioner cannot create one",
  provisioning: "has no matching PersistentVolume: its class's provisioner is creating a disk",
  provisioningFailed: "has no matching PersistentVolume, and provisioning failed",
  externalProvisioner: "has no matching PersistentVolume: it waits for an external provisioner",
  noMatchNoClass: "has no matching PersistentVolume, and no class to provision one",
  match: "matches a PersistentVolume; the controller binds it on its next pass",
};

function verdictLine(v: VolumeVerdict, chosen: string | undefined): string {
  if (v.pv === chosen) return `  ${v.pv}: chosen`;
  if (!v.rule) return `  ${v.pv}: fits`;
  const field = v.claimField ? `${v.claimField}: ` : v.pvField ? `(volume's ${v.pvField}) ` : "";
  return `  ${v.pv}: ${field}${v.message ?? v.rule}`;
}

export function renderClaim(c: ClaimExplanation): string {
  const out: string[] = [];
  out.push(`PersistentVolumeClaim ${c.namespace}/${c.name} ${STATE_TEXT[c.state]}.`);
  if (c.volume) out.push(`  spec.volumeName: ${c.volume}`);
  const cls =
    c.className === "" ? '"" (only volumes without a class; never provisioned)' : JSON.stringify(c.className);
  const scText = c.storageClass
    ? `provisioner ${c.storageClass.provisioner}, volumeBindingMode ${c.storageClass.volumeBindingMode}`
    : c.className === ""
      ? ""
      : "no such StorageClass";
  out.push(`  ${c.classField}: ${cls}${scText ? ` (${scText})` : ""}`);
  if (c.message) out.push(`  controller: ${c.message}`);
  if (c.state !== "bound" && c.state !== "lost") {
    if (c.candidates.length === 0) out.push("PersistentVolumes the binder looked at: none exist.");
    else {
      out.push("PersistentVolumes the binder looked at, smallest first:");
      for (const v of c.candidates) out.push(verdictLine(v, c.chosen));
    }
  }
  return `${out.join("\n")}\n`;
}

/** The volumes the kubelet waits for, as `why pod/NAME` lists them for a scheduled pod. */
export function renderVolumeBlockers(id: string, blockers: readonly VolumeBlocker[]): string {
  const out = [`${id} is scheduled; the kubelet waits for its volumes:`];
  for (const b of blockers) out.push(`  ${b.volume} (${b.field}): ${b.message}`);
  return `${out.join("\n")}\n`;
}
