import { z } from "zod";
import { int32, ObjectMetaSchema, opaque, opaqueObject, stringMap } from "./meta";

// core/v1 Pod (staging/src/k8s.io/api/core/v1/types.go). Every field a learner may paste is
// accepted so that strict decoding flags only real typos; the fields the simulation uses are typed.
const quantityValue = z.union([z.string(), z.number()]);
const ResourceListSchema = z.record(z.string(), quantityValue);

export const ContainerPortSchema = z.strictObject({
  name: z.string().optional(),
  containerPort: int32,
  protocol: z.string().optional(),
  hostPort: int32.optional(),
  hostIP: z.string().optional(),
});

export const VolumeMountSchema = z.strictObject({
  name: z.string(),
  mountPath: z.string(),
  subPath: z.string().optional(),
  subPathExpr: z.string().optional(),
  readOnly: z.boolean().optional(),
  recursiveReadOnly: z.string().optional(),
  mountPropagation: z.string().optional(),
});
export type VolumeMount = z.infer<typeof VolumeMountSchema>;

export const EnvVarSchema = z.strictObject({
  name: z.string(),
  value: z.string().optional(),
  valueFrom: opaqueObject.optional(),
});

const ProbeSchema = z.strictObject({
  exec: z.strictObject({ command: z.array(z.string()).optional() }).optional(),
  httpGet: z
    .strictObject({
      path: z.string().optional(),
      port: z.union([int32, z.string()]),
      host: z.string().optional(),
      scheme: z.string().optional(),
      httpHeaders: z.array(opaque).optional(),
    })
    .optional(),
  tcpSocket: z.strictObject({ port: z.union([int32, z.string()]), host: z.string().optional() }).optional(),
  grpc: opaqueObject.optional(),
  initialDelaySeconds: int32.optional(),
  timeoutSeconds: int32.optional(),
  periodSeconds: int32.optional(),
  successThreshold: int32.optional(),
  failureThreshold: int32.optional(),
  terminationGracePeriodSeconds: z.number().int().optional(),
});

export const ContainerSchema = z.strictObject({
  name: z.string(),
  image: z.string().optional(),
  command: z.array(z.string()).optional(),
  args: z.array(z.string()).optional(),
  workingDir: z.string().optional(),
  ports: z.array(ContainerPortSchema).optional(),
  env: z.array(EnvVarSchema).optional(),
  envFrom: z.array(opaque).optional(),
  resources: z
    .strictObject({
      requests: ResourceListSchema.optional(),
      limits: ResourceListSchema.optional(),
      claims: z.array(opaque).optional(),
    })
    .optional(),
  resizePolicy: z.array(opaque).optional(),
  restartPolicy: z.string().optional(),
  volumeMounts: z.array(VolumeMountSchema).optional(),
  volumeDevices: z.array(opaque).optional(),
  livenessProbe: ProbeSchema.optional(),
  readinessProbe: ProbeSchema.optional(),
  startupProbe: ProbeSchema.optional(),
  lifecycle: opaqueObject.optional(),
  terminationMessagePath: z.string().optional(),
  terminationMessagePolicy: z.string().optional(),
  imagePullPolicy: z.string().optional(),
  securityContext: opaqueObject.optional(),
  stdin: z.boolean().optional(),
  stdinOnce: z.boolean().optional(),
  tty: z.boolean().optional(),
});
export type Container = z.infer<typeof ContainerSchema>;

const KeyToPathSchema = z.strictObject({ key: z.string(), path: z.string(), mode: int32.optional() });

export const VolumeSchema = z.strictObject({
  name: z.string(),
  emptyDir: z.strictObject({ medium: z.string().optional(), sizeLimit: quantityValue.optional() }).optional(),
  hostPath: z.strictObject({ path: z.string(), type: z.string().optional() }).optional(),
  nfs: z.strictObject({ server: z.string(), path: z.string(), readOnly: z.boolean().optional() }).optional(),
  persistentVolumeClaim: z
    .strictObject({ claimName: z.string(), readOnly: z.boolean().optional() })
    .optional(),
  gcePersistentDisk: z
    .strictObject({
      pdName: z.string(),
      fsType: z.string().optional(),
      partition: int32.optional(),
      readOnly: z.boolean().optional(),
    })
    .optional(),
  configMap: z
    .strictObject({
      name: z.string().optional(),
      items: z.array(KeyToPathSchema).optional(),
      defaultMode: int32.optional(),
      optional: z.boolean().optional(),
    })
    .optional(),
  secret: z
    .strictObject({
      secretName: z.string().optional(),
      items: z.array(KeyToPathSchema).optional(),
      defaultMode: int32.optional(),
      optional: z.boolean().optional(),
    })
    .optional(),
  projected: opaqueObject.optional(),
  downwardAPI: opaqueObject.optional(),
  csi: z
    .strictObject({
      driver: z.string(),
      readOnly: z.boolean().optional(),
      fsType: z.string().optional(),
      volumeAttributes: stringMap.optional(),
      nodePublishSecretRef: opaqueObject.optional(),
    })
    .optional(),
  ephemeral: opaqueObject.optional(),
});
export type Volume = z.infer<typeof VolumeSchema>;

export const PodSpecSchema = z.strictObject({
  containers: z.array(ContainerSchema),
  initContainers: z.array(ContainerSchema).optional(),
  ephemeralContainers: z.array(opaque).optional(),
  volumes: z.array(VolumeSchema).optional(),
  restartPolicy: z.string().optional(),
  terminationGracePeriodSeconds: z.number().int().optional(),
  activeDeadlineSeconds: z.number().int().optional(),
  dnsPolicy: z.string().optional(),
  dnsConfig: opaqueObject.optional(),
  nodeSelector: stringMap.optional(),
  nodeName: z.string().optional(),
  serviceAccountName: z.string().optional(),
  serviceAccount: z.string().optional(),
  automountServiceAccountToken: z.boolean().optional(),
  hostNetwork: z.boolean().optional(),
  hostPID: z.boolean().optional(),
  hostIPC: z.boolean().optional(),
  hostUsers: z.boolean().optional(),
  shareProcessNamespace: z.boolean().optional(),
  securityContext: opaqueObject.optional(),
  imagePullSecrets: z.array(opaque).optional(),
  hostname: z.string().optional(),
  subdomain: z.string().optional(),
  setHostnameAsFQDN: z.boolean().optional(),
  affinity: opaqueObject.optional(),
  schedulerName: z.string().optional(),
  tolerations: z.array(opaque).optional(),
  hostAliases: z.array(opaque).optional(),
  priorityClassName: z.string().optional(),
  priority: int32.optional(),
  preemptionPolicy: z.string().optional(),
  readinessGates: z.array(opaque).optional(),
  runtimeClassName: z.string().optional(),
  enableServiceLinks: z.boolean().optional(),
  overhead: ResourceListSchema.optional(),
  topologySpreadConstraints: z.array(opaque).optional(),
  os: opaqueObject.optional(),
  schedulingGates: z.array(opaque).optional(),
  resourceClaims: z.array(opaque).optional(),
  resources: opaqueObject.optional(),
});
export type PodSpec = z.infer<typeof PodSpecSchema>;

export const PodTemplateSpecSchema = z.strictObject({
  metadata: ObjectMetaSchema.optional(),
  spec: PodSpecSchema,
});
export type PodTemplateSpec = z.infer<typeof PodTemplateSpecSchema>;

export const PodSchema = z.strictObject({
  apiVersion: z.literal("v1"),
  kind: z.literal("Pod"),
  metadata: ObjectMetaSchema,
  spec: PodSpecSchema,
  status: opaque.optional(),
});

// --- status, written only by the engine's controllers ---
export type ContainerState =
  | { waiting: { reason: string; message?: string } }
  | { running: { startedAt: string } }
  | {
      terminated: {
        exitCode: number;
        reason: string;
        message?: string;
        startedAt: string;
        finishedAt: string;
        containerID?: string;
      };
    };

export interface ContainerStatus {
  name: string;
  image: string;
  imageID: string;
  containerID?: string;
  ready: boolean;
  started: boolean;
  restartCount: number;
  state: ContainerState;
  lastState: ContainerState | Record<string, never>;
}

export interface PodCondition {
  type: "PodReadyToStartContainers" | "Initialized" | "Ready" | "ContainersReady" | "PodScheduled";
  status: "True" | "False" | "Unknown";
  lastProbeTime: null;
  lastTransitionTime: string;
  reason?: string;
  message?: string;
}

export interface PodStatus {
  phase: "Pending" | "Running" | "Succeeded" | "Failed" | "Unknown";
  conditions?: PodCondition[];
  hostIP?: string;
  hostIPs?: { ip: string }[];
  podIP?: string;
  podIPs?: { ip: string }[];
  startTime?: string;
  containerStatuses?: ContainerStatus[];
  qosClass?: string;
}

export interface Pod {
  apiVersion: "v1";
  kind: "Pod";
  metadata: import("./meta").StoredMeta;
  spec: PodSpec;
  status: PodStatus;
}
