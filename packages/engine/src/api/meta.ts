import { z } from "zod";

// Shared Kubernetes vocabulary (apimachinery/pkg/apis/meta/v1/types.go).
export const int32 = z.number().int().min(-2147483648).max(2147483647);
export const stringMap = z.record(z.string(), z.string());
/** Fields the engine accepts (as kubectl's strict decoding would) but does not simulate. */
export const opaque = z.unknown();
export const opaqueObject = z.record(z.string(), z.unknown());

export const OwnerReferenceSchema = z.strictObject({
  apiVersion: z.string(),
  kind: z.string(),
  name: z.string(),
  uid: z.string(),
  controller: z.boolean().optional(),
  blockOwnerDeletion: z.boolean().optional(),
});
export type OwnerReference = z.infer<typeof OwnerReferenceSchema>;

export const ObjectMetaSchema = z.strictObject({
  name: z.string().optional(),
  generateName: z.string().optional(),
  namespace: z.string().optional(),
  labels: stringMap.optional(),
  annotations: stringMap.optional(),
  uid: z.string().optional(),
  resourceVersion: z.string().optional(),
  generation: z.number().int().optional(),
  creationTimestamp: z.string().nullable().optional(),
  deletionTimestamp: z.string().optional(),
  deletionGracePeriodSeconds: z.number().int().optional(),
  ownerReferences: z.array(OwnerReferenceSchema).optional(),
  finalizers: z.array(z.string()).optional(),
  managedFields: z.array(opaque).optional(),
  selfLink: z.string().optional(),
});
export type ObjectMeta = z.infer<typeof ObjectMetaSchema>;

export const LabelSelectorRequirementSchema = z.strictObject({
  key: z.string(),
  operator: z.string(),
  values: z.array(z.string()).optional(),
});
export const LabelSelectorSchema = z.strictObject({
  matchLabels: stringMap.optional(),
  matchExpressions: z.array(LabelSelectorRequirementSchema).optional(),
});
export type LabelSelector = z.infer<typeof LabelSelectorSchema>;

/** Every stored object has these. `status` is whatever its controller writes. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: StoredMeta;
  spec?: unknown;
  status?: unknown;
}

export interface StoredMeta extends ObjectMeta {
  name: string;
  uid: string;
  resourceVersion: string;
  creationTimestamp: string;
}

export const Condition = z.strictObject({
  type: z.string(),
  status: z.string(),
  lastProbeTime: z.string().nullable().optional(),
  lastTransitionTime: z.string().nullable().optional(),
  lastUpdateTime: z.string().nullable().optional(),
  observedGeneration: z.number().optional(),
  reason: z.string().optional(),
  message: z.string().optional(),
});

/** core/v1 ObjectReference: an Endpoints address's target, a PersistentVolume's claim. */
export const ObjectReferenceSchema = z.strictObject({
  kind: z.string().optional(),
  namespace: z.string().optional(),
  name: z.string().optional(),
  uid: z.string().optional(),
  apiVersion: z.string().optional(),
  resourceVersion: z.string().optional(),
  fieldPath: z.string().optional(),
});
export type ObjectReference = z.infer<typeof ObjectReferenceSchema>;
