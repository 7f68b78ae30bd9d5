import { z } from "zod";
import { ObjectMetaSchema, opaque, type StoredMeta } from "./meta";

// core/v1 Namespace and Node.
export const NamespaceSchema = z.strictObject({
  apiVersion: z.literal("v1"),
  kind: z.literal("Namespace"),
  metadata: ObjectMetaSchema,
  spec: z.strictObject({ finalizers: z.array(z.string()).optional() }).optional(),
  status: opaque.optional(),
});

export interface Namespace {
  apiVersion: "v1";
  kind: "Namespace";
  metadata: StoredMeta;
  spec: { finalizers: string[] };
  status: { phase: "Active" | "Terminating" };
}

export const NodeSchema = z.strictObject({
  apiVersion: z.literal("v1"),
  kind: z.literal("Node"),
  metadata: ObjectMetaSchema,
  spec: z
    .strictObject({
      podCIDR: z.string().optional(),
      podCIDRs: z.array(z.string()).optional(),
      providerID: z.string().optional(),
      unschedulable: z.boolean().optional(),
      taints: z.array(opaque).optional(),
    })
    .optional(),
  status: opaque.optional(),
});

export interface NodeStatus {
  capacity: Record<string, string>;
  allocatable: Record<string, string>;
  conditions: {
    type: string;
    status: string;
    reason: string;
    message: string;
    lastHeartbeatTime: string;
    lastTransitionTime: string;
  }[];
  addresses: { type: "InternalIP" | "ExternalIP" | "Hostname"; address: string }[];
  nodeInfo: {
    kubeletVersion: string;
    kubeProxyVersion: string;
    osImage: string;
    kernelVersion: string;
    containerRuntimeVersion: string;
    operatingSystem: string;
    architecture: string;
  };
  images: { names: string[]; sizeBytes: number }[];
}

export interface Node {
  apiVersion: "v1";
  kind: "Node";
  metadata: StoredMeta;
  spec: {
    podCIDR: string;
    podCIDRs: string[];
    providerID: string;
    unschedulable?: boolean;
    taints?: unknown[];
  };
  status: NodeStatus;
}

export interface KubeEvent {
  apiVersion: "v1";
  kind: "Event";
  metadata: StoredMeta;
  involvedObject: {
    kind: string;
    namespace?: string;
    name: string;
    uid: string;
    apiVersion: string;
    fieldPath?: string;
  };
  reason: string;
  message: string;
  source: { component: string; host?: string };
  firstTimestamp: string;
  lastTimestamp: string;
  count: number;
  type: "Normal" | "Warning";
  eventTime: null;
  reportingComponent: string;
  reportingInstance: string;
}
