// The API server's warnings for a pod spec (pkg/api/pod/warnings.go): the object is stored, and
// kubectl prints each as `Warning: …` on stderr. Only the warnings a learner of this course can
// trigger are here: two containers that declare the same port.
import type { PodSpec } from "../api/pod";

interface PortSeen {
  field: string;
  hostIP: string;
  hostPort: number;
}

/** Warnings for a pod spec; `prefix` is `""` for a Pod and `spec.template.` for a workload. */
export function podSpecWarnings(spec: PodSpec, prefix = ""): string[] {
  const warnings: string[] = [];
  const seen = new Map<string, PortSeen[]>();
  const groups = [
    ["initContainers", spec.initContainers ?? []],
    ["containers", spec.containers ?? []],
  ] as const;
  for (const [group, containers] of groups) {
    containers.forEach((container, c) => {
      (container.ports ?? []).forEach((port, i) => {
        const field = `${prefix}spec.${group}[${c}].ports[${i}]`;
        const hostIP = port.hostIP ?? "";
        const hostPort = port.hostPort ?? 0;
        const key = `${port.containerPort}/${port.protocol ?? "TCP"}`;
        const others = seen.get(key) ?? [];
        for (const other of others) {
          if (hostIP === other.hostIP && hostPort === other.hostPort)
            warnings.push(`${field}: duplicate port definition with ${other.field}`);
          else if (hostPort === 0 || other.hostPort === 0)
            warnings.push(`${field}: overlapping port definition with ${other.field}`);
        }
        seen.set(key, [...others, { field, hostIP, hostPort }]);
      });
    });
  }
  return warnings;
}

/** The warnings the API server returns when it stores this object. */
export function objectWarnings(kind: string, object: { spec?: unknown }): string[] {
  if (kind === "Pod") return podSpecWarnings(object.spec as PodSpec);
  if (kind === "Deployment" || kind === "ReplicaSet") {
    const template = (object.spec as { template?: { spec?: PodSpec } } | undefined)?.template?.spec;
    return template ? podSpecWarnings(template, "spec.template.") : [];
  }
  return [];
}
