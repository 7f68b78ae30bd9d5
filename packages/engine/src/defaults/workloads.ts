import type { PodTemplateSpec } from "../api/pod";
import { defaultPodSpec } from "./pod";

// SetDefaults_Deployment / SetDefaults_ReplicaSet (pkg/apis/apps/v1/defaults.go).
export function defaultTemplate(template: PodTemplateSpec): PodTemplateSpec {
  return {
    metadata: { ...(template.metadata ?? {}), creationTimestamp: null },
    spec: defaultPodSpec(template.spec),
  };
}

export function defaultDeploymentSpec(spec: Record<string, unknown> & { template: PodTemplateSpec }) {
  const strategy = (spec.strategy ?? {}) as {
    type?: string;
    rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string };
  };
  const type = strategy.type ?? "RollingUpdate";
  return {
    ...spec,
    replicas: (spec.replicas as number | undefined) ?? 1,
    template: defaultTemplate(spec.template),
    strategy:
      type === "RollingUpdate"
        ? {
            type,
            rollingUpdate: {
              maxSurge: strategy.rollingUpdate?.maxSurge ?? "25%",
              maxUnavailable: strategy.rollingUpdate?.maxUnavailable ?? "25%",
            },
          }
        : { type },
    revisionHistoryLimit: (spec.revisionHistoryLimit as number | undefined) ?? 10,
    progressDeadlineSeconds: (spec.progressDeadlineSeconds as number | undefined) ?? 600,
  };
}
