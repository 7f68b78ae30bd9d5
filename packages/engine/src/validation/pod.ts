import type { Container, PodSpec } from "../api/pod";
import { parseQuantity, QUANTITY_ERROR } from "../api/quantity";
import {
  duplicate,
  type FieldError,
  forbidden,
  invalid,
  notFound,
  required,
  unsupported,
} from "./field-error";
import { dns1123LabelErrors } from "./names";

// ValidatePodSpec and friends (pkg/apis/core/validation/validation.go).
const VOLUME_SOURCES = [
  "emptyDir",
  "hostPath",
  "nfs",
  "persistentVolumeClaim",
  "gcePersistentDisk",
  "configMap",
  "secret",
  "projected",
  "downwardAPI",
  "csi",
  "ephemeral",
] as const;
const PROTOCOLS = ["SCTP", "TCP", "UDP"];
const PULL_POLICIES = ["Always", "IfNotPresent", "Never"];
const RESTART_POLICIES = ["Always", "OnFailure", "Never"];
const DNS_POLICIES = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];
const IANA_SVC_NAME = /^[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/;

export function validatePodSpec(spec: PodSpec, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const volumeNames = validateVolumes(spec.volumes ?? [], `${path}.volumes`, errors);
  if (!spec.containers || spec.containers.length === 0) errors.push(required(`${path}.containers`));
  const seen = new Set<string>();
  (spec.initContainers ?? []).forEach((c, i) => {
    validateContainer(c, `${path}.initContainers[${i}]`, volumeNames, seen, errors);
  });
  (spec.containers ?? []).forEach((c, i) => {
    validateContainer(c, `${path}.containers[${i}]`, volumeNames, seen, errors);
  });
  if (spec.restartPolicy !== undefined && !RESTART_POLICIES.includes(spec.restartPolicy)) {
    errors.push(unsupported(`${path}.restartPolicy`, spec.restartPolicy, RESTART_POLICIES));
  }
  if (spec.dnsPolicy !== undefined && !DNS_POLICIES.includes(spec.dnsPolicy)) {
    errors.push(unsupported(`${path}.dnsPolicy`, spec.dnsPolicy, DNS_POLICIES));
  }
  if (spec.terminationGracePeriodSeconds !== undefined && spec.terminationGracePeriodSeconds < 0) {
    errors.push(
      invalid(
        `${path}.terminationGracePeriodSeconds`,
        spec.terminationGracePeriodSeconds,
        "must be greater than or equal to 0",
      ),
    );
  }
  return errors;
}

function validateVolumes(
  volumes: NonNullable<PodSpec["volumes"]>,
  path: string,
  errors: FieldError[],
): Set<string> {
  const names = new Set<string>();
  volumes.forEach((v, i) => {
    const p = `${path}[${i}]`;
    if (!v.name) errors.push(required(`${p}.name`));
    else {
      for (const msg of dns1123LabelErrors(v.name)) errors.push(invalid(`${p}.name`, v.name, msg));
      if (names.has(v.name)) errors.push(duplicate(`${p}.name`, v.name));
      names.add(v.name);
    }
    const sources = VOLUME_SOURCES.filter((s) => v[s] !== undefined);
    if (sources.length === 0) errors.push(required(p, "must specify a volume type"));
    for (const extra of sources.slice(1))
      errors.push(forbidden(`${p}.${extra}`, "may not specify more than 1 volume type"));
    if (v.emptyDir?.medium !== undefined && !["", "Memory", "HugePages"].includes(v.emptyDir.medium)) {
      errors.push(unsupported(`${p}.emptyDir.medium`, v.emptyDir.medium, ["", "Memory", "HugePages"]));
    }
    if (v.persistentVolumeClaim && !v.persistentVolumeClaim.claimName)
      errors.push(required(`${p}.persistentVolumeClaim.claimName`));
    if (v.nfs && !v.nfs.server) errors.push(required(`${p}.nfs.server`));
    if (v.nfs && !v.nfs.path) errors.push(required(`${p}.nfs.path`));
    if (v.hostPath && !v.hostPath.path) errors.push(required(`${p}.hostPath.path`));
  });
  return names;
}

function validateContainer(
  c: Container,
  p: string,
  volumes: Set<string>,
  seen: Set<string>,
  errors: FieldError[],
): void {
  if (!c.name) errors.push(required(`${p}.name`));
  else {
    for (const msg of dns1123LabelErrors(c.name)) errors.push(invalid(`${p}.name`, c.name, msg));
    if (seen.has(c.name)) errors.push(duplicate(`${p}.name`, c.name));
    seen.add(c.name);
  }
  if (!c.image) errors.push(required(`${p}.image`));
  if (c.imagePullPolicy !== undefined && !PULL_POLICIES.includes(c.imagePullPolicy)) {
    errors.push(unsupported(`${p}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
  }
  const portNames = new Set<string>();
  (c.ports ?? []).forEach((port, j) => {
    const pp = `${p}.ports[${j}]`;
    if (port.name !== undefined) {
      if (!IANA_SVC_NAME.test(port.name) || port.name.includes("--") || !/[a-z]/.test(port.name)) {
        const detail =
          port.name.length > 15
            ? "must be no more than 15 characters"
            : "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)";
        errors.push(invalid(`${pp}.name`, port.name, detail));
      }
      if (portNames.has(port.name)) errors.push(duplicate(`${pp}.name`, port.name));
      portNames.add(port.name);
    }
    if (port.containerPort === 0) errors.push(required(`${pp}.containerPort`));
    else if (port.containerPort < 1 || port.containerPort > 65535) {
      errors.push(
        invalid(`${pp}.containerPort`, port.containerPort, "must be between 1 and 65535, inclusive"),
      );
    }
    if (port.protocol !== undefined && !PROTOCOLS.includes(port.protocol))
      errors.push(unsupported(`${pp}.protocol`, port.protocol, PROTOCOLS));
  });
  const mountPaths = new Set<string>();
  (c.volumeMounts ?? []).forEach((m, j) => {
    const mp = `${p}.volumeMounts[${j}]`;
    if (!m.name) errors.push(required(`${mp}.name`));
    else if (!volumes.has(m.name)) errors.push(notFound(`${mp}.name`, m.name));
    if (!m.mountPath) errors.push(required(`${mp}.mountPath`));
    else {
      if (mountPaths.has(m.mountPath)) errors.push(invalid(`${mp}.mountPath`, m.mountPath, "must be unique"));
      mountPaths.add(m.mountPath);
    }
    if (m.subPath) {
      if (m.subPath.startsWith("/"))
        errors.push(invalid(`${mp}.subPath`, m.subPath, "must be a relative path"));
      if (m.subPath.split("/").includes(".."))
        errors.push(invalid(`${mp}.subPath`, m.subPath, "must not contain '..'"));
    }
  });
  for (const kind of ["requests", "limits"] as const) {
    for (const [name, q] of Object.entries(c.resources?.[kind] ?? {})) {
      if (parseQuantity(q) === undefined)
        errors.push(invalid(`${p}.resources.${kind}[${name}]`, q, QUANTITY_ERROR));
    }
  }
  for (const [name, q] of Object.entries(c.resources?.requests ?? {})) {
    const limit = c.resources?.limits?.[name];
    const req = parseQuantity(q);
    const lim = limit === undefined ? undefined : parseQuantity(limit);
    if (req !== undefined && lim !== undefined && req > lim) {
      errors.push(
        invalid(
          `${p}.resources.requests`,
          String(q),
          `must be less than or equal to ${name} limit of ${limit}`,
        ),
      );
    }
  }
}
