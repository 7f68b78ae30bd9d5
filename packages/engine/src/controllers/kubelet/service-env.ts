import type { Service } from "../../api/service";

// pkg/kubelet/envvars/envvars.go (FromServices): the Docker-links-style variables a container gets
// for each Service with a ClusterIP that existed when it started.

/** `my-svc` -> `MY_SVC` (makeEnvVariableName). */
function envName(name: string): string {
  return name.toUpperCase().replace(/-/g, "_");
}

export function serviceEnvVars(services: readonly Service[]): [string, string][] {
  const out: [string, string][] = [];
  for (const svc of services) {
    const ip = svc.spec.clusterIP;
    if (!ip || ip === "None") continue;
    const ports = svc.spec.ports ?? [];
    const name = envName(svc.metadata.name);
    out.push([`${name}_SERVICE_HOST`, ip]);
    const first = ports[0];
    if (first) out.push([`${name}_SERVICE_PORT`, String(first.port)]);
    for (const p of ports) if (p.name) out.push([`${name}_SERVICE_PORT_${envName(p.name)}`, String(p.port)]);
    ports.forEach((p, i) => {
      const protocol = p.protocol.toLowerCase();
      const url = `${protocol}://${ip}:${p.port}`;
      if (i === 0) out.push([`${name}_PORT`, url]);
      const prefix = `${name}_PORT_${p.port}_${p.protocol.toUpperCase()}`;
      out.push(
        [prefix, url],
        [`${prefix}_PROTO`, protocol],
        [`${prefix}_PORT`, String(p.port)],
        [`${prefix}_ADDR`, ip],
      );
    });
  }
  return out;
}

/**
 * The Services whose variables a pod gets (kubelet_pods.go getServiceEnvVarMap): the `kubernetes`
 * Service of the default namespace always, and with enableServiceLinks (the default) every Service
 * of the pod's namespace. [engine choice] `kubernetes` first, then by name (the kubelet's order is a
 * Go map's, i.e. random).
 */
export function servicesForPod(
  all: readonly Service[],
  namespace: string,
  enableServiceLinks: boolean,
): Service[] {
  const master = all.find((s) => s.metadata.namespace === "default" && s.metadata.name === "kubernetes");
  const own = enableServiceLinks
    ? all
        .filter((s) => (s.metadata.namespace ?? "default") === namespace && s !== master)
        .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0))
    : [];
  return [...(master ? [master] : []), ...own];
}

let lastServices: readonly Service[] = [];
let lastLinks: [string, string][] = [];

/**
 * serviceEnvVars, remembered for the last list of Services: the pods a kubelet starts in one pass
 * mostly see the same Services (stored objects are never changed in place, so equal references mean
 * equal Services). The array is shared: never change it.
 */
export function serviceEnvVarsOf(services: readonly Service[]): [string, string][] {
  if (services.length === lastServices.length && services.every((s, i) => s === lastServices[i]))
    return lastLinks;
  lastServices = services;
  lastLinks = serviceEnvVars(services);
  return lastLinks;
}
