import type { ServicePort, ServiceSpec, ServiceType, StoredServicePort } from "../api/service";

/** What a learner may write under `spec`, before defaulting. */
export interface ServiceSpecInput {
  type?: string;
  selector?: Record<string, string>;
  ports?: ServicePort[];
  clusterIP?: string;
  clusterIPs?: string[];
  externalName?: string;
  externalIPs?: string[];
  sessionAffinity?: string;
  sessionAffinityConfig?: { clientIP?: { timeoutSeconds?: number } };
  loadBalancerIP?: string;
  loadBalancerSourceRanges?: string[];
  externalTrafficPolicy?: string;
  internalTrafficPolicy?: string;
  healthCheckNodePort?: number;
  publishNotReadyAddresses?: boolean;
  ipFamilies?: string[];
  ipFamilyPolicy?: string;
  allocateLoadBalancerNodePorts?: boolean;
}

// v1.DefaultClientIPServiceAffinitySeconds: three hours.
const DEFAULT_AFFINITY_SECONDS = 10800;

/**
 * SetDefaults_Service (pkg/apis/core/v1/defaults.go) plus what the registry's create strategy fills
 * in before allocation: clusterIPs from clusterIP, and the IP family fields of a single-stack cluster.
 */
export function defaultServiceSpec(input: ServiceSpecInput): ServiceSpec {
  const type = (input.type || "ClusterIP") as ServiceType;
  const sessionAffinity = (input.sessionAffinity || "None") as ServiceSpec["sessionAffinity"];
  const ports: StoredServicePort[] | undefined = input.ports?.map((p) => ({
    ...(p.name !== undefined ? { name: p.name } : {}),
    protocol: (p.protocol || "TCP") as StoredServicePort["protocol"],
    ...(p.appProtocol !== undefined ? { appProtocol: p.appProtocol } : {}),
    port: p.port,
    targetPort:
      p.targetPort === undefined || p.targetPort === 0 || p.targetPort === "" ? p.port : p.targetPort,
    ...(p.nodePort ? { nodePort: p.nodePort } : {}),
  }));
  const externallyAccessible =
    type === "LoadBalancer" ||
    type === "NodePort" ||
    (type === "ClusterIP" && (input.externalIPs?.length ?? 0) > 0);
  const clusterIPs = input.clusterIPs ?? (input.clusterIP ? [input.clusterIP] : undefined);
  const headless = (input.clusterIP ?? clusterIPs?.[0]) === "None";
  const spec: ServiceSpec = {
    ...(input.clusterIP !== undefined ? { clusterIP: input.clusterIP } : {}),
    ...(clusterIPs !== undefined ? { clusterIPs } : {}),
    ...(input.externalIPs !== undefined ? { externalIPs: input.externalIPs } : {}),
    ...(input.externalName !== undefined ? { externalName: input.externalName } : {}),
    ...(input.loadBalancerIP !== undefined ? { loadBalancerIP: input.loadBalancerIP } : {}),
    ...(input.loadBalancerSourceRanges !== undefined
      ? { loadBalancerSourceRanges: input.loadBalancerSourceRanges }
      : {}),
    ...(externallyAccessible || input.externalTrafficPolicy !== undefined
      ? { externalTrafficPolicy: (input.externalTrafficPolicy || "Cluster") as "Cluster" | "Local" }
      : {}),
    ...(input.healthCheckNodePort !== undefined ? { healthCheckNodePort: input.healthCheckNodePort } : {}),
    ...(input.publishNotReadyAddresses !== undefined
      ? { publishNotReadyAddresses: input.publishNotReadyAddresses }
      : {}),
    ...(type !== "ExternalName"
      ? {
          internalTrafficPolicy: (input.internalTrafficPolicy || "Cluster") as "Cluster" | "Local",
          ipFamilies: input.ipFamilies ?? ["IPv4"],
          ipFamilyPolicy:
            input.ipFamilyPolicy ?? (headless && !input.selector ? "PreferDualStack" : "SingleStack"),
        }
      : {}),
    ...(type === "LoadBalancer"
      ? { allocateLoadBalancerNodePorts: input.allocateLoadBalancerNodePorts ?? true }
      : {}),
    ...(ports !== undefined ? { ports } : {}),
    ...(input.selector !== undefined ? { selector: input.selector } : {}),
    sessionAffinity,
    ...(sessionAffinity === "ClientIP"
      ? {
          sessionAffinityConfig: {
            clientIP: {
              timeoutSeconds:
                input.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS,
            },
          },
        }
      : sessionAffinity === "None"
        ? {}
        : input.sessionAffinityConfig
          ? { sessionAffinityConfig: input.sessionAffinityConfig as ServiceSpec["sessionAffinityConfig"] }
          : {}),
    type,
  };
  return spec;
}
