import type { Container, PodSpec } from "../api/pod";

// SetDefaults_PodSpec / SetDefaults_Container (pkg/apis/core/v1/defaults.go).
export function defaultPodSpec(spec: PodSpec): PodSpec {
  return {
    ...spec,
    containers: spec.containers.map(defaultContainer),
    ...(spec.initContainers ? { initContainers: spec.initContainers.map(defaultContainer) } : {}),
    ...(spec.volumes
      ? { volumes: spec.volumes.map((v) => (hasSource(v) ? v : { ...v, emptyDir: {} })) }
      : {}),
    restartPolicy: spec.restartPolicy ?? "Always",
    terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds ?? 30,
    dnsPolicy: spec.dnsPolicy ?? "ClusterFirst",
    securityContext: spec.securityContext ?? {},
    schedulerName: spec.schedulerName ?? "default-scheduler",
    enableServiceLinks: spec.enableServiceLinks ?? true,
  };
}

function hasSource(v: NonNullable<PodSpec["volumes"]>[number]): boolean {
  return Object.keys(v).some((k) => k !== "name");
}

export function defaultContainer(c: Container): Container {
  const image = c.image ?? "";
  return {
    ...c,
    ...(c.ports ? { ports: c.ports.map((p) => ({ ...p, protocol: p.protocol ?? "TCP" })) } : {}),
    resources: c.resources ?? {},
    terminationMessagePath: c.terminationMessagePath ?? "/dev/termination-log",
    terminationMessagePolicy: c.terminationMessagePolicy ?? "File",
    imagePullPolicy: c.imagePullPolicy ?? defaultPullPolicy(image),
  };
}

/** `Always` for `:latest` or no tag, else `IfNotPresent`. */
export function defaultPullPolicy(image: string): string {
  if (image.includes("@")) return "IfNotPresent";
  const lastSlash = image.lastIndexOf("/");
  const tagAt = image.indexOf(":", lastSlash + 1);
  const tag = tagAt === -1 ? "" : image.slice(tagAt + 1);
  return tag === "" || tag === "latest" ? "Always" : "IfNotPresent";
}
