import type { LabelSelector } from "../api/meta";
import { parseQuantity } from "../api/quantity";
import {
  ACCESS_MODES,
  type PersistentVolumeClaimSpec,
  type PersistentVolumeSpec,
  PV_SOURCES,
} from "../api/storage";
import { type FieldError, forbidden, invalid, required, unsupported } from "./field-error";
import { dns1123SubdomainErrors, labelKeyErrors } from "./names";

// ValidatePersistentVolumeSpec, ValidatePersistentVolumeClaimSpec (pkg/apis/core/validation/validation.go)
// and ValidateStorageClass (pkg/apis/storage/validation/validation.go).
const RECLAIM_POLICIES = ["Delete", "Recycle", "Retain"];
const VOLUME_MODES = ["Block", "Filesystem"];
const BINDING_MODES = ["Immediate", "WaitForFirstConsumer"];

function validateAccessModes(modes: readonly string[] | undefined, path: string, pvc: boolean): FieldError[] {
  const errors: FieldError[] = [];
  if (!modes || modes.length === 0) {
    errors.push(required(path, pvc ? "at least 1 access mode is required" : undefined));
    return errors;
  }
  for (const m of modes) {
    if (!(ACCESS_MODES as readonly string[]).includes(m)) errors.push(unsupported(path, m, ACCESS_MODES));
  }
  // validation.go: validatePersistentVolumeAccessModes (ReadWriteOncePod stands alone)
  if (modes.includes("ReadWriteOncePod") && modes.length > 1)
    errors.push(forbidden(path, "may not use ReadWriteOncePod with other access modes"));
  return errors;
}

function validateClassName(name: string | undefined, path: string): FieldError[] {
  if (name === undefined || name === "") return [];
  return dns1123SubdomainErrors(name).map((msg) => invalid(path, name, msg));
}

function validateVolumeMode(mode: string | undefined, path: string): FieldError[] {
  if (mode === undefined || VOLUME_MODES.includes(mode)) return [];
  return [unsupported(path, mode, VOLUME_MODES)];
}

export function validateSelector(selector: LabelSelector | undefined, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const ops = ["In", "NotIn", "Exists", "DoesNotExist"];
  (selector?.matchExpressions ?? []).forEach((e, i) => {
    const p = `${path}.matchExpressions[${i}]`;
    if (!ops.includes(e.operator)) errors.push(unsupported(`${p}.operator`, e.operator, ops));
    else if ((e.operator === "In" || e.operator === "NotIn") && (e.values ?? []).length === 0)
      errors.push(required(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    else if ((e.operator === "Exists" || e.operator === "DoesNotExist") && (e.values ?? []).length > 0)
      errors.push(
        forbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
      );
  });
  return errors;
}

export function validatePvSpec(spec: PersistentVolumeSpec, path = "spec"): FieldError[] {
  const errors: FieldError[] = [];
  errors.push(...validateAccessModes(spec.accessModes, `${path}.accessModes`, false));
  const capacity = spec.capacity ?? {};
  const keys = Object.keys(capacity);
  if (keys.length === 0) errors.push(required(`${path}.capacity`));
  else if (!("storage" in capacity) || keys.length > 1)
    errors.push(unsupported(`${path}.capacity`, capacity, ["storage"]));
  const storage = capacity.storage;
  if (storage !== undefined && (parseQuantity(storage) ?? 0) < 0)
    errors.push(invalid(`${path}.capacity[storage]`, String(storage), "must be greater than or equal to 0"));
  const policy = spec.persistentVolumeReclaimPolicy;
  if (policy !== undefined && !RECLAIM_POLICIES.includes(policy))
    errors.push(unsupported(`${path}.persistentVolumeReclaimPolicy`, policy, RECLAIM_POLICIES));
  errors.push(...validateClassName(spec.storageClassName, `${path}.storageClassName`));
  errors.push(...validateVolumeMode(spec.volumeMode, `${path}.volumeMode`));
  const sources = PV_SOURCES.filter((s) => spec[s] !== undefined);
  if (sources.length === 0) errors.push(required(path, "must specify a volume type"));
  for (const extra of sources.slice(1))
    errors.push(forbidden(`${path}.${extra}`, "may not specify more than 1 volume type"));
  if (spec.nfs) {
    if (!spec.nfs.server) errors.push(required(`${path}.nfs.server`));
    if (!spec.nfs.path) errors.push(required(`${path}.nfs.path`));
    else if (!spec.nfs.path.startsWith("/"))
      errors.push(invalid(`${path}.nfs.path`, spec.nfs.path, "must be an absolute path"));
  }
  if (spec.gcePersistentDisk && !spec.gcePersistentDisk.pdName)
    errors.push(required(`${path}.gcePersistentDisk.pdName`));
  if (spec.csi) {
    if (!spec.csi.driver) errors.push(required(`${path}.csi.driver`));
    if (!spec.csi.volumeHandle) errors.push(required(`${path}.csi.volumeHandle`));
  }
  if (spec.hostPath && !spec.hostPath.path) errors.push(required(`${path}.hostPath.path`));
  if (spec.local) {
    if (!spec.local.path) errors.push(required(`${path}.local.path`));
    // validation.go: a local volume needs a node affinity
    if (!spec.nodeAffinity?.required)
      errors.push(required(`${path}.nodeAffinity`, "Local volume requires node affinity"));
  }
  return errors;
}

export function validatePvcSpec(spec: PersistentVolumeClaimSpec, path = "spec"): FieldError[] {
  const errors: FieldError[] = [];
  errors.push(...validateAccessModes(spec.accessModes, `${path}.accessModes`, true));
  errors.push(...validateSelector(spec.selector, `${path}.selector`));
  const storage = spec.resources?.requests?.storage;
  if (storage === undefined) errors.push(required(`${path}.resources[storage]`));
  else if ((parseQuantity(storage) ?? 0) <= 0)
    errors.push(invalid(`${path}.resources[storage]`, String(storage), "must be greater than zero"));
  errors.push(...validateClassName(spec.storageClassName, `${path}.storageClassName`));
  errors.push(...validateVolumeMode(spec.volumeMode, `${path}.volumeMode`));
  return errors;
}

export interface StorageClassFields {
  provisioner?: string;
  reclaimPolicy?: string;
  volumeBindingMode?: string;
  parameters?: Record<string, string>;
}

export function validateStorageClass(sc: StorageClassFields): FieldError[] {
  const errors: FieldError[] = [];
  if (!sc.provisioner) errors.push(required("provisioner"));
  // storage/validation: validateProvisioner uses IsQualifiedName (a prefix/name like kubernetes.io/gce-pd)
  else
    for (const msg of labelKeyErrors(sc.provisioner.toLowerCase()))
      errors.push(invalid("provisioner", sc.provisioner, msg));
  // storage/validation: validateReclaimPolicy accepts only Delete and Retain for classes
  if (sc.reclaimPolicy !== undefined && !["Delete", "Retain"].includes(sc.reclaimPolicy))
    errors.push(unsupported("reclaimPolicy", sc.reclaimPolicy, ["Delete", "Retain"]));
  if (sc.volumeBindingMode !== undefined && !BINDING_MODES.includes(sc.volumeBindingMode))
    errors.push(unsupported("volumeBindingMode", sc.volumeBindingMode, BINDING_MODES));
  return errors;
}

/** ValidateStorageClassUpdate: the provisioner, parameters, reclaim policy and binding mode are fixed. */
export function validateStorageClassUpdate(old: StorageClassFields, next: StorageClassFields): FieldError[] {
  const errors: FieldError[] = [];
  if (JSON.stringify(old.parameters ?? {}) !== JSON.stringify(next.parameters ?? {}))
    errors.push(forbidden("parameters", "updates to parameters are forbidden."));
  if (old.provisioner !== next.provisioner)
    errors.push(forbidden("provisioner", "updates to provisioner are forbidden."));
  if (old.reclaimPolicy !== next.reclaimPolicy)
    errors.push(forbidden("reclaimPolicy", "updates to reclaimPolicy are forbidden."));
  if (old.volumeBindingMode !== next.volumeBindingMode)
    errors.push(forbidden("volumeBindingMode", "field is immutable"));
  return errors;
}
