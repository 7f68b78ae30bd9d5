import type { KubeObject, ObjectMeta } from "../api/meta";
import { parseQuantity } from "../api/quantity";
import {
  BETA_CLASS_ANNOTATION,
  isDefaultClass,
  type PersistentVolume,
  type PersistentVolumeClaim,
  type PersistentVolumeClaimSpec,
  type PersistentVolumeSpec,
  pvcClass,
  type StorageClass,
} from "../api/storage";
import { base64DecodeBytes, base64Encode } from "../runtime/base64";
import type { Tx } from "../store/tx";
import { type FieldError, forbidden, invalid } from "../validation/field-error";
import { validateMeta } from "../validation/meta";
import { configMapKeyErrors, dns1123SubdomainErrors } from "../validation/names";
import { validatePvcUpdate } from "../validation/pvc-update";
import {
  type StorageClassFields,
  validatePvcSpec,
  validatePvSpec,
  validateStorageClass,
  validateStorageClassUpdate,
} from "../validation/storage";

type Draft = Record<string, unknown> & { metadata: ObjectMeta & { name: string }; spec?: unknown };
export type Admitted = { ok: true; object: KubeObject } | { ok: false; errors: FieldError[] };

// plugin/pkg/admission/storage/storageobjectinuseprotection: every new PV and PVC gets its finalizer.
export const PV_PROTECTION = "kubernetes.io/pv-protection";
export const PVC_PROTECTION = "kubernetes.io/pvc-protection";

const withFinalizer = (meta: ObjectMeta, f: string): ObjectMeta => ({
  ...meta,
  finalizers: [...(meta.finalizers ?? []).filter((x) => x !== f), f],
});

function finish(object: Record<string, unknown>, errors: FieldError[]): Admitted {
  return errors.length > 0 ? { ok: false, errors } : { ok: true, object: object as unknown as KubeObject };
}

/** SetDefaults_PersistentVolume (pkg/apis/core/v1/defaults.go): Retain, Filesystem, phase Pending. */
export function admitPersistentVolume(draft: Draft, missing: FieldError[]): Admitted {
  const spec = (draft.spec ?? {}) as PersistentVolumeSpec;
  const errors = [
    ...missing,
    ...validateMeta(draft.metadata, dns1123SubdomainErrors, false),
    ...validatePvSpec(spec),
  ];
  const status = (draft.status as PersistentVolume["status"] | undefined) ?? { phase: "Pending" };
  return finish(
    {
      ...draft,
      metadata: withFinalizer(draft.metadata, PV_PROTECTION),
      spec: {
        ...spec,
        persistentVolumeReclaimPolicy: spec.persistentVolumeReclaimPolicy ?? "Retain",
        volumeMode: spec.volumeMode ?? "Filesystem",
      },
      status,
    },
    errors,
  );
}

/** The class the DefaultStorageClass admission plugin picks: the newest default, then by name (GetDefaultClass). */
export function defaultStorageClass(tx: Tx): StorageClass | undefined {
  let best: StorageClass | undefined;
  for (const sc of tx.list<StorageClass>("StorageClass")) {
    if (!isDefaultClass(sc)) continue;
    if (
      !best ||
      sc.metadata.creationTimestamp > best.metadata.creationTimestamp ||
      (sc.metadata.creationTimestamp === best.metadata.creationTimestamp &&
        sc.metadata.name < best.metadata.name)
    )
      best = sc;
  }
  return best;
}

/** PVC defaulting plus the DefaultStorageClass admission plugin (plugin/pkg/admission/storage/storageclass/setdefault). */
export function admitPersistentVolumeClaim(tx: Tx, draft: Draft, missing: FieldError[]): Admitted {
  const spec = (draft.spec ?? {}) as PersistentVolumeClaimSpec;
  const errors = [
    ...missing,
    ...validateMeta(draft.metadata, dns1123SubdomainErrors, true),
    ...validatePvcSpec(spec),
  ];
  const hasClass =
    spec.storageClassName !== undefined || draft.metadata.annotations?.[BETA_CLASS_ANNOTATION] !== undefined;
  const defaultClass = hasClass ? undefined : defaultStorageClass(tx);
  const status = (draft.status as PersistentVolumeClaim["status"] | undefined) ?? { phase: "Pending" };
  return finish(
    {
      ...draft,
      metadata: withFinalizer(draft.metadata, PVC_PROTECTION),
      spec: {
        ...spec,
        resources: spec.resources ?? {},
        ...(defaultClass ? { storageClassName: defaultClass.metadata.name } : {}),
        volumeMode: spec.volumeMode ?? "Filesystem",
      },
      status,
    },
    errors,
  );
}

/** SetDefaults_StorageClass (pkg/apis/storage/v1/defaults.go): Delete, Immediate. */
export function admitStorageClass(draft: Draft, missing: FieldError[]): Admitted {
  const sc = draft as Draft & StorageClassFields;
  const errors = [
    ...missing,
    ...validateMeta(draft.metadata, dns1123SubdomainErrors, false),
    ...validateStorageClass(sc),
  ];
  return finish(
    {
      ...draft,
      reclaimPolicy: sc.reclaimPolicy ?? "Delete",
      volumeBindingMode: sc.volumeBindingMode ?? "Immediate",
    },
    errors,
  );
}

// validation.go ValidateConfigMap: every message IsConfigMapKey gives a key.
function validateKeys(data: Record<string, string> | undefined, field: string): FieldError[] {
  return Object.keys(data ?? {}).flatMap((key) =>
    configMapKeyErrors(key).map((message) => invalid(`${field}[${key}]`, key, message)),
  );
}

export function admitConfigMap(draft: Draft, missing: FieldError[]): Admitted {
  const cm = draft as Draft & { data?: Record<string, string>; binaryData?: Record<string, string> };
  const errors = [
    ...missing,
    ...validateMeta(draft.metadata, dns1123SubdomainErrors, true),
    ...validateKeys(cm.data, "data"),
    ...validateKeys(cm.binaryData, "binaryData"),
  ];
  return finish({ ...draft }, errors);
}

/** Secret: `stringData` is written into `data` base64-encoded and dropped (pkg/registry/core/secret/strategy.go). */
export function admitSecret(draft: Draft, missing: FieldError[]): Admitted {
  const s = draft as Draft & {
    data?: Record<string, string>;
    stringData?: Record<string, string>;
    type?: string;
  };
  const data: Record<string, string> = { ...(s.data ?? {}) };
  for (const [k, v] of Object.entries(s.stringData ?? {})) data[k] = base64Encode(v);
  const errors = [
    ...missing,
    ...validateMeta(draft.metadata, dns1123SubdomainErrors, true),
    ...validateKeys(data, "data"),
  ];
  for (const [k, v] of Object.entries(s.data ?? {}))
    if (base64DecodeBytes(v) === undefined)
      errors.push(invalid(`data[${k}]`, "<secret contents redacted>", "illegal base64 data"));
  const { stringData: _drop, ...rest } = s;
  return finish(
    { ...rest, type: s.type ?? "Opaque", ...(Object.keys(data).length > 0 ? { data } : {}) },
    errors,
  );
}

/** Update rules for the storage kinds (the REST strategies' ValidateUpdate). */
export function validateStorageUpdate(kind: string, live: KubeObject, next: KubeObject): FieldError[] {
  switch (kind) {
    case "PersistentVolumeClaim":
      return validatePvcUpdate(live as PersistentVolumeClaim, next as PersistentVolumeClaim);
    case "StorageClass":
      return validateStorageClassUpdate(
        live as unknown as StorageClassFields,
        next as unknown as StorageClassFields,
      );
    case "PersistentVolume": {
      // ValidatePersistentVolumeUpdate: the volume source and volumeMode never change.
      const a = live.spec as PersistentVolume["spec"];
      const b = next.spec as PersistentVolume["spec"];
      const source = (s: PersistentVolume["spec"]) =>
        JSON.stringify([s.nfs, s.gcePersistentDisk, s.csi, s.hostPath, s.local]);
      const errors: FieldError[] = [];
      if (source(a) !== source(b))
        errors.push(
          forbidden("spec.persistentvolumesource", "spec.persistentvolumesource is immutable after creation"),
        );
      if (a.volumeMode !== b.volumeMode)
        errors.push(invalid("spec.volumeMode", b.volumeMode, "field is immutable"));
      return errors;
    }
    case "ConfigMap":
    case "Secret": {
      const l = live as unknown as { immutable?: boolean; data?: unknown; binaryData?: unknown };
      const n = next as unknown as { immutable?: boolean; data?: unknown; binaryData?: unknown };
      if (!l.immutable) return [];
      const errors: FieldError[] = [];
      if (!n.immutable) errors.push(forbidden("immutable", "field is immutable when `immutable` is set"));
      if (JSON.stringify(l.data ?? {}) !== JSON.stringify(n.data ?? {}))
        errors.push(forbidden("data", "field is immutable when `immutable` is set"));
      return errors;
    }
    default:
      return [];
  }
}

/**
 * The PersistentVolumeClaimResize admission plugin (plugin/pkg/admission/storage/persistentvolume/resize):
 * growing a claim needs a class with allowVolumeExpansion. A 403, not a 422.
 */
export function resizeForbidden(tx: Tx, live: KubeObject, next: KubeObject): string | undefined {
  if (live.kind !== "PersistentVolumeClaim") return undefined;
  const oldPvc = live as PersistentVolumeClaim;
  const newPvc = next as PersistentVolumeClaim;
  const oldSize = parseQuantity(oldPvc.spec.resources.requests?.storage ?? 0) ?? 0;
  const newSize = parseQuantity(newPvc.spec.resources?.requests?.storage ?? 0) ?? 0;
  if (newSize <= oldSize) return undefined;
  const reason = `persistentvolumeclaims "${live.metadata.name}" is forbidden: `;
  if (oldPvc.status.phase !== "Bound") return `${reason}Only bound persistent volume claims can be expanded`;
  const className = pvcClass(oldPvc);
  const sc = className === "" ? undefined : tx.get<StorageClass>("StorageClass", undefined, className);
  if (sc?.allowVolumeExpansion === true) return undefined;
  return `${reason}only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize`;
}

/** What `kubectl apply` keeps from the live object when a manifest omits a field (a 3-way merge, shallowly). */
export function mergeStorageSpec(
  kind: string,
  live: KubeObject,
  draft: Record<string, unknown> & { metadata: ObjectMeta; spec?: unknown },
): Record<string, unknown> {
  if (kind === "PersistentVolumeClaim" || kind === "PersistentVolume") {
    const l = (live.spec ?? {}) as Record<string, unknown>;
    const d = (draft.spec ?? {}) as Record<string, unknown>;
    const resources =
      kind === "PersistentVolumeClaim"
        ? { resources: { ...(l.resources as object), ...(d.resources as object) } }
        : {};
    return {
      ...live,
      ...draft,
      metadata: live.metadata,
      spec: { ...l, ...d, ...resources },
      status: live.status,
    };
  }
  return { ...live, ...draft, metadata: live.metadata };
}
