import { z } from "zod";
import {
  type LabelSelector,
  LabelSelectorSchema,
  ObjectMetaSchema,
  ObjectReferenceSchema,
  opaque,
  opaqueObject,
  type StoredMeta,
  stringMap,
} from "./meta";
import { isQuantity, QUANTITY_ERROR } from "./quantity";

// core/v1 PersistentVolume and PersistentVolumeClaim, storage.k8s.io/v1 StorageClass
// (staging/src/k8s.io/api/core/v1/types.go, staging/src/k8s.io/api/storage/v1/types.go).

/** A resource quantity; a malformed one is a decode error that refuses the whole object (quantity.go UnmarshalJSON). */
export const QuantitySchema = z
  .union([z.string(), z.number()])
  .refine(isQuantity, { message: QUANTITY_ERROR });
export const ResourceListSchema = z.record(z.string(), QuantitySchema);

export const ACCESS_MODES = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];

const NodeSelectorRequirementSchema = z.strictObject({
  key: z.string(),
  operator: z.string(),
  values: z.array(z.string()).optional(),
});
export const VolumeNodeAffinitySchema = z.strictObject({
  required: z
    .strictObject({
      nodeSelectorTerms: z.array(
        z.strictObject({
          matchExpressions: z.array(NodeSelectorRequirementSchema).optional(),
          matchFields: z.array(NodeSelectorRequirementSchema).optional(),
        }),
      ),
    })
    .optional(),
});
export type VolumeNodeAffinity = z.infer<typeof VolumeNodeAffinitySchema>;

export const NfsSourceSchema = z.strictObject({
  server: z.string(),
  path: z.string(),
  readOnly: z.boolean().optional(),
});
export const GcePdSourceSchema = z.strictObject({
  pdName: z.string(),
  fsType: z.string().optional(),
  partition: z.number().int().optional(),
  readOnly: z.boolean().optional(),
});
export const CsiPvSourceSchema = z.strictObject({
  driver: z.string(),
  volumeHandle: z.string(),
  readOnly: z.boolean().optional(),
  fsType: z.string().optional(),
  volumeAttributes: stringMap.optional(),
  controllerPublishSecretRef: opaqueObject.optional(),
  nodeStageSecretRef: opaqueObject.optional(),
  nodePublishSecretRef: opaqueObject.optional(),
  controllerExpandSecretRef: opaqueObject.optional(),
  nodeExpandSecretRef: opaqueObject.optional(),
});
export const HostPathSourceSchema = z.strictObject({ path: z.string(), type: z.string().optional() });
export const LocalSourceSchema = z.strictObject({ path: z.string(), fsType: z.string().optional() });

/** The volume sources a PersistentVolume may name (exactly one). */
export const PV_SOURCES = ["nfs", "gcePersistentDisk", "csi", "hostPath", "local"] as const;

export const PersistentVolumeSpecSchema = z.strictObject({
  capacity: ResourceListSchema.optional(),
  accessModes: z.array(z.string()).optional(),
  volumeMode: z.string().optional(),
  persistentVolumeReclaimPolicy: z.string().optional(),
  storageClassName: z.string().optional(),
  claimRef: ObjectReferenceSchema.optional(),
  nodeAffinity: VolumeNodeAffinitySchema.optional(),
  mountOptions: z.array(z.string()).optional(),
  volumeAttributesClassName: z.string().optional(),
  nfs: NfsSourceSchema.optional(),
  gcePersistentDisk: GcePdSourceSchema.optional(),
  csi: CsiPvSourceSchema.optional(),
  hostPath: HostPathSourceSchema.optional(),
  local: LocalSourceSchema.optional(),
});
export type PersistentVolumeSpec = z.infer<typeof PersistentVolumeSpecSchema>;

export const PersistentVolumeSchema = z.strictObject({
  apiVersion: z.literal("v1"),
  kind: z.literal("PersistentVolume"),
  metadata: ObjectMetaSchema,
  spec: PersistentVolumeSpecSchema,
  status: opaque.optional(),
});

export const PersistentVolumeClaimSpecSchema = z.strictObject({
  accessModes: z.array(z.string()).optional(),
  selector: LabelSelectorSchema.optional(),
  resources: z
    .strictObject({ requests: ResourceListSchema.optional(), limits: ResourceListSchema.optional() })
    .optional(),
  volumeName: z.string().optional(),
  storageClassName: z.string().optional(),
  volumeMode: z.string().optional(),
  dataSource: opaqueObject.optional(),
  dataSourceRef: opaqueObject.optional(),
  volumeAttributesClassName: z.string().optional(),
});
export type PersistentVolumeClaimSpec = z.infer<typeof PersistentVolumeClaimSpecSchema>;

export const PersistentVolumeClaimSchema = z.strictObject({
  apiVersion: z.literal("v1"),
  kind: z.literal("PersistentVolumeClaim"),
  metadata: ObjectMetaSchema,
  spec: PersistentVolumeClaimSpecSchema,
  status: opaque.optional(),
});

export const StorageClassSchema = z.strictObject({
  apiVersion: z.literal("storage.k8s.io/v1"),
  kind: z.literal("StorageClass"),
  metadata: ObjectMetaSchema,
  provisioner: z.string(),
  parameters: stringMap.optional(),
  reclaimPolicy: z.string().optional(),
  volumeBindingMode: z.string().optional(),
  allowVolumeExpansion: z.boolean().optional(),
  mountOptions: z.array(z.string()).optional(),
  allowedTopologies: z.array(opaque).optional(),
});

export const ConfigMapSchema = z.strictObject({
  apiVersion: z.literal("v1"),
  kind: z.literal("ConfigMap"),
  metadata: ObjectMetaSchema,
  data: stringMap.optional(),
  binaryData: stringMap.optional(),
  immutable: z.boolean().optional(),
});

export const SecretSchema = z.strictObject({
  apiVersion: z.literal("v1"),
  kind: z.literal("Secret"),
  metadata: ObjectMetaSchema,
  type: z.string().optional(),
  data: stringMap.optional(),
  stringData: stringMap.optional(),
  immutable: z.boolean().optional(),
});

// --- stored shapes ---
export type PvPhase = "Pending" | "Available" | "Bound" | "Released" | "Failed";
export type PvcPhase = "Pending" | "Bound" | "Lost";

export interface PersistentVolume {
  apiVersion: "v1";
  kind: "PersistentVolume";
  metadata: StoredMeta;
  spec: PersistentVolumeSpec & {
    capacity: Record<string, string | number>;
    accessModes: string[];
    persistentVolumeReclaimPolicy: string;
    volumeMode: string;
  };
  status: { phase: PvPhase; reason?: string; message?: string; lastPhaseTransitionTime?: string };
}

export interface PersistentVolumeClaim {
  apiVersion: "v1";
  kind: "PersistentVolumeClaim";
  metadata: StoredMeta;
  spec: PersistentVolumeClaimSpec & {
    accessModes: string[];
    resources: { requests?: Record<string, string | number>; limits?: Record<string, string | number> };
    volumeMode: string;
    selector?: LabelSelector;
  };
  status: {
    phase: PvcPhase;
    accessModes?: string[];
    capacity?: Record<string, string | number>;
  };
}

export interface StorageClass {
  apiVersion: "storage.k8s.io/v1";
  kind: "StorageClass";
  metadata: StoredMeta;
  provisioner: string;
  parameters?: Record<string, string>;
  reclaimPolicy: string;
  volumeBindingMode: string;
  allowVolumeExpansion?: boolean;
  mountOptions?: string[];
  allowedTopologies?: unknown[];
}

export interface ConfigMap {
  apiVersion: "v1";
  kind: "ConfigMap";
  metadata: StoredMeta;
  data?: Record<string, string>;
  binaryData?: Record<string, string>;
  immutable?: boolean;
}

export interface Secret {
  apiVersion: "v1";
  kind: "Secret";
  metadata: StoredMeta;
  type: string;
  data?: Record<string, string>;
  immutable?: boolean;
}

/** The annotation that marks the default StorageClass (storage/util: IsDefaultStorageClassAnnotation). */
export const DEFAULT_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";
/** The deprecated claim-class annotation, still honoured before spec.storageClassName. */
export const BETA_CLASS_ANNOTATION = "volume.beta.kubernetes.io/storage-class";

/** storage/util GetPersistentVolumeClass: spec.storageClassName, "" when absent. */
export function pvClass(pv: Pick<PersistentVolume, "spec" | "metadata">): string {
  return pv.metadata.annotations?.[BETA_CLASS_ANNOTATION] ?? pv.spec.storageClassName ?? "";
}

/** storage/util GetPersistentVolumeClaimClass: the beta annotation first, then spec.storageClassName, else "". */
export function pvcClass(pvc: Pick<PersistentVolumeClaim, "spec" | "metadata">): string {
  return pvc.metadata.annotations?.[BETA_CLASS_ANNOTATION] ?? pvc.spec.storageClassName ?? "";
}

export function isDefaultClass(sc: StorageClass): boolean {
  const v = sc.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION];
  return v === "true";
}
