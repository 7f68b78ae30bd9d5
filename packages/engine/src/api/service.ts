import { z } from "zod";
import { int32, ObjectMetaSchema, ObjectReferenceSchema, opaque, type StoredMeta, stringMap } from "./meta";

// core/v1 Service, Endpoints and discovery.k8s.io/v1 EndpointSlice (staging/src/k8s.io/api/core/v1/types.go,
// staging/src/k8s.io/api/discovery/v1/types.go). A learner writes Services; the other two are the
// control plane's, so their schemas accept what `kubectl get -o yaml` shows and nothing more.
const intOrString = z.union([int32, z.string()]);

export const ServicePortSchema = z.strictObject({
  name: z.string().optional(),
  protocol: z.string().optional(),
  appProtocol: z.string().optional(),
  port: int32,
  targetPort: intOrString.optional(),
  nodePort: int32.optional(),
});
export type ServicePort = z.infer<typeof ServicePortSchema>;

export const ServiceSpecSchema = z.strictObject({
  type: z.string().optional(),
  selector: stringMap.optional(),
  ports: z.array(ServicePortSchema).optional(),
  clusterIP: z.string().optional(),
  clusterIPs: z.array(z.string()).optional(),
  externalName: z.string().optional(),
  externalIPs: z.array(z.string()).optional(),
  sessionAffinity: z.string().optional(),
  sessionAffinityConfig: z
    .strictObject({
      clientIP: z.strictObject({ timeoutSeconds: int32.optional() }).optional(),
    })
    .optional(),
  loadBalancerIP: z.string().optional(),
  loadBalancerSourceRanges: z.array(z.string()).optional(),
  loadBalancerClass: z.string().optional(),
  externalTrafficPolicy: z.string().optional(),
  internalTrafficPolicy: z.string().optional(),
  healthCheckNodePort: int32.optional(),
  publishNotReadyAddresses: z.boolean().optional(),
  ipFamilies: z.array(z.string()).optional(),
  ipFamilyPolicy: z.string().optional(),
  allocateLoadBalancerNodePorts: z.boolean().optional(),
  trafficDistribution: z.string().optional(),
});

export const ServiceSchema = z.strictObject({
  apiVersion: z.literal("v1"),
  kind: z.literal("Service"),
  metadata: ObjectMetaSchema,
  spec: ServiceSpecSchema.optional(),
  status: opaque.optional(),
});

export type ServiceType = "ClusterIP" | "NodePort" | "LoadBalancer" | "ExternalName";

/** A stored Service: defaulted and allocated by the API server (pkg/registry/core/service). */
export interface ServiceSpec {
  type: ServiceType;
  selector?: Record<string, string>;
  ports?: StoredServicePort[];
  clusterIP?: string;
  clusterIPs?: string[];
  externalName?: string;
  externalIPs?: string[];
  sessionAffinity: "None" | "ClientIP";
  sessionAffinityConfig?: { clientIP: { timeoutSeconds: number } };
  loadBalancerIP?: string;
  loadBalancerSourceRanges?: string[];
  externalTrafficPolicy?: "Cluster" | "Local";
  internalTrafficPolicy?: "Cluster" | "Local";
  healthCheckNodePort?: number;
  publishNotReadyAddresses?: boolean;
  ipFamilies?: string[];
  ipFamilyPolicy?: string;
  allocateLoadBalancerNodePorts?: boolean;
}

export interface StoredServicePort {
  name?: string;
  protocol: "TCP" | "UDP" | "SCTP";
  appProtocol?: string;
  port: number;
  targetPort: number | string;
  nodePort?: number;
}

export interface LoadBalancerIngress {
  ip: string;
  ipMode?: "VIP" | "Proxy";
}

export interface Service {
  apiVersion: "v1";
  kind: "Service";
  metadata: StoredMeta;
  spec: ServiceSpec;
  status: { loadBalancer: { ingress?: LoadBalancerIngress[] } };
}

const EndpointAddressSchema = z.strictObject({
  ip: z.string(),
  hostname: z.string().optional(),
  nodeName: z.string().optional(),
  targetRef: ObjectReferenceSchema.optional(),
});
export type EndpointAddress = z.infer<typeof EndpointAddressSchema>;

const EndpointPortSchema = z.strictObject({
  name: z.string().optional(),
  port: int32,
  protocol: z.string().optional(),
  appProtocol: z.string().optional(),
});
export type EndpointPort = z.infer<typeof EndpointPortSchema>;

export const EndpointsSchema = z.strictObject({
  apiVersion: z.literal("v1"),
  kind: z.literal("Endpoints"),
  metadata: ObjectMetaSchema,
  subsets: z
    .array(
      z.strictObject({
        addresses: z.array(EndpointAddressSchema).optional(),
        notReadyAddresses: z.array(EndpointAddressSchema).optional(),
        ports: z.array(EndpointPortSchema).optional(),
      }),
    )
    .optional(),
});

export interface EndpointSubset {
  addresses?: EndpointAddress[];
  notReadyAddresses?: EndpointAddress[];
  ports?: EndpointPort[];
}

export interface Endpoints {
  apiVersion: "v1";
  kind: "Endpoints";
  metadata: StoredMeta;
  subsets?: EndpointSubset[];
}

const SliceEndpointSchema = z.strictObject({
  addresses: z.array(z.string()),
  conditions: z
    .strictObject({
      ready: z.boolean().optional(),
      serving: z.boolean().optional(),
      terminating: z.boolean().optional(),
    })
    .optional(),
  hostname: z.string().optional(),
  targetRef: ObjectReferenceSchema.optional(),
  nodeName: z.string().optional(),
  zone: z.string().optional(),
  hints: opaque.optional(),
  deprecatedTopology: stringMap.optional(),
});
export type SliceEndpoint = z.infer<typeof SliceEndpointSchema>;

const SlicePortSchema = z.strictObject({
  name: z.string().optional(),
  protocol: z.string().optional(),
  port: int32.optional(),
  appProtocol: z.string().optional(),
});
export type SlicePort = z.infer<typeof SlicePortSchema>;

export const EndpointSliceSchema = z.strictObject({
  apiVersion: z.literal("discovery.k8s.io/v1"),
  kind: z.literal("EndpointSlice"),
  metadata: ObjectMetaSchema,
  addressType: z.string(),
  endpoints: z.array(SliceEndpointSchema).optional(),
  ports: z.array(SlicePortSchema).optional(),
});

export interface EndpointSlice {
  apiVersion: "discovery.k8s.io/v1";
  kind: "EndpointSlice";
  metadata: StoredMeta;
  addressType: "IPv4";
  endpoints: SliceEndpoint[];
  ports: SlicePort[];
}
