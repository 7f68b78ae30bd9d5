import type { ServiceSpec, StoredServicePort } from "../api/service";
import { parseIp } from "../network/cidr";
import { duplicate, type FieldError, forbidden, invalid, required, unsupported } from "./field-error";
import { dns1123LabelErrors, dns1123SubdomainErrors, labelKeyErrors, labelValueErrors } from "./names";

// ValidateService and validateServicePort (pkg/apis/core/validation/validation.go), run on the
// defaulted spec, so `protocol`, `targetPort`, `type` and `sessionAffinity` are always set.
const SERVICE_TYPES = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"] as const;
const PROTOCOLS = ["SCTP", "TCP", "UDP"] as const;
const AFFINITIES = ["ClientIP", "None"] as const;
const KUBELET_PORT = 10250;

export function validateServiceSpec(spec: ServiceSpec): FieldError[] {
  const errors: FieldError[] = [];
  const ports = spec.ports ?? [];
  const headless = spec.clusterIP === "None";
  if (ports.length === 0 && !headless && spec.type !== "ExternalName") errors.push(required("spec.ports"));
  const firstClusterIP = spec.clusterIPs?.[0] ?? spec.clusterIP;
  switch (spec.type) {
    case "LoadBalancer":
      ports.forEach((p, i) => {
        if (p.port === KUBELET_PORT)
          errors.push(
            invalid(
              `spec.ports[${i}]`,
              p.port,
              `may not expose port ${KUBELET_PORT} externally since it is used by kubelet`,
            ),
          );
      });
      if (firstClusterIP === "None")
        errors.push(
          invalid("spec.clusterIPs[0]", "None", "may not be set to 'None' for LoadBalancer services"),
        );
      break;
    case "NodePort":
      if (firstClusterIP === "None")
        errors.push(invalid("spec.clusterIPs[0]", "None", "may not be set to 'None' for NodePort services"));
      break;
    case "ExternalName": {
      if (spec.clusterIPs && spec.clusterIPs.length > 0)
        errors.push(forbidden("spec.clusterIPs", "may not be set for ExternalName services"));
      // The value (a CNAME) may end in a dot to denote it as fully qualified.
      const cname = (spec.externalName ?? "").replace(/\.$/, "");
      if (cname === "") errors.push(required("spec.externalName"));
      else
        for (const msg of dns1123SubdomainErrors(cname))
          errors.push(invalid("spec.externalName", cname, msg));
      break;
    }
  }
  const names = new Set<string>();
  ports.forEach((p, i) => {
    errors.push(...validateServicePort(p, ports.length > 1, names, `spec.ports[${i}]`));
  });
  for (const [key, value] of Object.entries(spec.selector ?? {})) {
    for (const msg of labelKeyErrors(key)) errors.push(invalid("spec.selector", key, msg));
    for (const msg of labelValueErrors(value)) errors.push(invalid("spec.selector", value, msg));
  }
  if (!(AFFINITIES as readonly string[]).includes(spec.sessionAffinity))
    errors.push(unsupported("spec.sessionAffinity", spec.sessionAffinity, AFFINITIES));
  if (spec.sessionAffinity === "ClientIP") {
    const timeout = spec.sessionAffinityConfig?.clientIP.timeoutSeconds ?? 0;
    if (timeout <= 0 || timeout > 86400)
      errors.push(
        invalid(
          "spec.sessionAffinityConfig.clientIP.timeoutSeconds",
          timeout,
          "must be greater than 0 and less than 86400",
        ),
      );
  } else if (spec.sessionAffinityConfig) {
    errors.push(forbidden("spec.sessionAffinityConfig", "must not be set when session affinity is None"));
  }
  (spec.clusterIPs ?? []).forEach((ip, i) => {
    if (ip !== "None" && parseIp(ip) === undefined)
      errors.push(
        invalid(`spec.clusterIPs[${i}]`, ip, "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"),
      );
  });
  (spec.externalIPs ?? []).forEach((ip, i) => {
    if (parseIp(ip) === undefined)
      errors.push(
        invalid(
          `spec.externalIPs[${i}]`,
          ip,
          "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)",
        ),
      );
  });
  if (!(SERVICE_TYPES as readonly string[]).includes(spec.type))
    errors.push(unsupported("spec.type", spec.type, SERVICE_TYPES));
  if (spec.type === "ClusterIP") {
    ports.forEach((p, i) => {
      if (p.nodePort)
        errors.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (!p.nodePort) return;
    const key = `${p.protocol}/${p.nodePort}`;
    if (nodePorts.has(key)) errors.push(duplicate(`spec.ports[${i}].nodePort`, p.nodePort));
    nodePorts.add(key);
  });
  const servicePorts = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p.protocol}/${p.port}`;
    if (servicePorts.has(key)) errors.push(duplicateServicePort(`spec.ports[${i}]`, p));
    servicePorts.add(key);
  });
  if (spec.loadBalancerSourceRanges?.length && spec.type !== "LoadBalancer")
    errors.push(forbidden("spec.loadBalancerSourceRanges", "may only be used when `type` is 'LoadBalancer'"));
  if (
    spec.externalTrafficPolicy !== undefined &&
    spec.externalTrafficPolicy !== "Cluster" &&
    spec.externalTrafficPolicy !== "Local"
  )
    errors.push(unsupported("spec.externalTrafficPolicy", spec.externalTrafficPolicy, ["Cluster", "Local"]));
  if (spec.externalTrafficPolicy !== undefined && spec.type !== "NodePort" && spec.type !== "LoadBalancer")
    errors.push(
      invalid(
        "spec.externalTrafficPolicy",
        spec.externalTrafficPolicy,
        "may only be set for externally-accessible services",
      ),
    );
  if (
    spec.internalTrafficPolicy !== undefined &&
    spec.internalTrafficPolicy !== "Cluster" &&
    spec.internalTrafficPolicy !== "Local"
  )
    errors.push(unsupported("spec.internalTrafficPolicy", spec.internalTrafficPolicy, ["Cluster", "Local"]));
  return errors;
}

function validateServicePort(
  p: StoredServicePort,
  requireName: boolean,
  names: Set<string>,
  path: string,
): FieldError[] {
  const errors: FieldError[] = [];
  if (requireName && !p.name) errors.push(required(`${path}.name`));
  else if (p.name) {
    for (const msg of dns1123LabelErrors(p.name)) errors.push(invalid(`${path}.name`, p.name, msg));
    if (names.has(p.name)) errors.push(duplicate(`${path}.name`, p.name));
    names.add(p.name);
  }
  for (const msg of portNumErrors(p.port)) errors.push(invalid(`${path}.port`, p.port, msg));
  if (!(PROTOCOLS as readonly string[]).includes(p.protocol))
    errors.push(unsupported(`${path}.protocol`, p.protocol, PROTOCOLS));
  if (typeof p.targetPort === "number") {
    for (const msg of portNumErrors(p.targetPort))
      errors.push(invalid(`${path}.targetPort`, p.targetPort, msg));
  } else {
    for (const msg of portNameErrors(p.targetPort))
      errors.push(invalid(`${path}.targetPort`, p.targetPort, msg));
  }
  return errors;
}

// IsValidPortNum (staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go).
export function portNumErrors(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : ["must be between 1 and 65535, inclusive"];
}

// IsValidPortName: an IANA_SVC_NAME.
export function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push("must be no more than 15 characters");
  if (!/^[-a-z0-9]+$/.test(name))
    errs.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (!/[a-z]/.test(name)) errs.push("must contain at least one letter (a-z)");
  if (name.includes("--")) errs.push("must not contain consecutive hyphens");
  if (name.startsWith("-") || name.endsWith("-")) errs.push("must not begin or end with a hyphen");
  return errs;
}

/** field.Duplicate prints its key, a core.ServicePort holding only protocol and port, with Go's %#v. */
function duplicateServicePort(path: string, p: StoredServicePort): FieldError {
  return {
    path,
    message: `${path}: Duplicate value: core.ServicePort{Name:"", Protocol:${JSON.stringify(p.protocol)}, AppProtocol:(*string)(nil), Port:${p.port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
  };
}
