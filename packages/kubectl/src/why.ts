// `kjctl why TYPE/NAME`: Kubejam's own command, not kubectl's (no real cluster explains itself). It renders
// the verdict records the engine's scheduler and PV binder return; it decides nothing itself.
import {
  type ClaimExplanation,
  type ClusterState,
  explainClaim,
  explainPod,
  explainPodVolumes,
  type VolumeVerdict,
} from "@kubejam/engine";
import { fail, type KubectlResult, ok } from "./result";

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

/** `why pvc/NAME`, `why pod/NAME` (also `why pvc NAME`), in the namespace of `-n`. */
export function whyCommand(state: ClusterState, argv: readonly string[]): KubectlResult {
  let namespace = "default";
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "-n" || a === "--namespace") namespace = argv[++i] ?? namespace;
    else if (a.startsWith("--namespace=")) namespace = a.slice("--namespace=".length);
    else words.push(a);
  }
  const [first = "", second] = words;
  const [type, name] = first.includes("/") ? first.split("/", 2) : [first, second];
  if (!type || !name)
    return fail(state, "error: kjctl why TYPE/NAME, e.g. kjctl why pvc/data or kjctl why pod/web");
  const t = type.toLowerCase();
  if (["pvc", "persistentvolumeclaim", "persistentvolumeclaims"].includes(t)) {
    const c = explainClaim(state, namespace, name);
    if (!c) return fail(state, `Error from server (NotFound): persistentvolumeclaims "${name}" not found`);
    return ok(state, renderClaim(c));
  }
  if (["pod", "pods", "po"].includes(t)) {
    const p = explainPod(state, namespace, name);
    if (!p) {
      const blockers = explainPodVolumes(state, namespace, name);
      if (blockers === undefined)
        return fail(state, `Error from server (NotFound): pods "${name}" not found`);
      if (blockers.length === 0)
        return ok(
          state,
          `Pod ${namespace}/${name} is scheduled and its volumes are mounted; kubectl describe pod ${name} shows its events.\n`,
        );
      const out = [`Pod ${namespace}/${name} is scheduled; the kubelet waits for its volumes:`];
      for (const b of blockers) out.push(`  ${b.volume} (${b.field}): ${b.message}`);
      return ok(state, `${out.join("\n")}\n`);
    }
    const out: string[] = [`Pod ${namespace}/${name} is not scheduled.`, `  scheduler: ${p.message}`];
    if (!p.verdict.preFilter && !p.verdict.bindError) {
      for (const n of p.verdict.nodes)
        out.push(`  ${n.node}: ${n.reasons.length ? n.reasons.join("; ") : "fits"}`);
    }
    let text = `${out.join("\n")}\n`;
    for (const c of p.claims) text += renderClaim(c);
    return ok(state, text);
  }
  return fail(state, `error: kjctl why explains pods and persistentvolumeclaims, not "${type}"`);
}
