import { z } from "zod";
import {
  type Condition,
  int32,
  LabelSelectorSchema,
  ObjectMetaSchema,
  opaque,
  type StoredMeta,
} from "./meta";
import { type PodTemplateSpec, PodTemplateSpecSchema } from "./pod";

// apps/v1 Deployment and ReplicaSet (staging/src/k8s.io/api/apps/v1/types.go).
const intOrPercent = z.union([int32, z.string()]);

export const DeploymentStrategySchema = z.strictObject({
  type: z.string().optional(),
  rollingUpdate: z
    .strictObject({ maxSurge: intOrPercent.optional(), maxUnavailable: intOrPercent.optional() })
    .optional(),
});

export const DeploymentSchema = z.strictObject({
  apiVersion: z.literal("apps/v1"),
  kind: z.literal("Deployment"),
  metadata: ObjectMetaSchema,
  spec: z.strictObject({
    replicas: int32.optional(),
    selector: LabelSelectorSchema.optional(),
    template: PodTemplateSpecSchema,
    strategy: DeploymentStrategySchema.optional(),
    minReadySeconds: int32.optional(),
    revisionHistoryLimit: int32.optional(),
    paused: z.boolean().optional(),
    progressDeadlineSeconds: int32.optional(),
  }),
  status: opaque.optional(),
});

export const ReplicaSetSchema = z.strictObject({
  apiVersion: z.literal("apps/v1"),
  kind: z.literal("ReplicaSet"),
  metadata: ObjectMetaSchema,
  spec: z.strictObject({
    replicas: int32.optional(),
    minReadySeconds: int32.optional(),
    selector: LabelSelectorSchema.optional(),
    template: PodTemplateSpecSchema.optional(),
  }),
  status: opaque.optional(),
});

export interface DeploymentStatus {
  observedGeneration: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  conditions?: z.infer<typeof Condition>[];
}

export interface Deployment {
  apiVersion: "apps/v1";
  kind: "Deployment";
  metadata: StoredMeta;
  spec: {
    replicas: number;
    selector: z.infer<typeof LabelSelectorSchema>;
    template: PodTemplateSpec;
    strategy: {
      type: "RollingUpdate" | "Recreate";
      rollingUpdate?: { maxSurge: number | string; maxUnavailable: number | string };
    };
    minReadySeconds?: number;
    revisionHistoryLimit: number;
    progressDeadlineSeconds: number;
    paused?: boolean;
  };
  status: DeploymentStatus;
}

export interface ReplicaSetStatus {
  replicas: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  /** `ReplicaFailure` while pods cannot be created (pkg/controller/replicaset/replica_set_utils.go). */
  conditions?: z.infer<typeof Condition>[];
}

export interface ReplicaSet {
  apiVersion: "apps/v1";
  kind: "ReplicaSet";
  metadata: StoredMeta;
  spec: {
    replicas: number;
    selector: z.infer<typeof LabelSelectorSchema>;
    template: PodTemplateSpec;
    minReadySeconds?: number;
  };
  status: ReplicaSetStatus;
}
