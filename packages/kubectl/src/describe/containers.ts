// The Containers / Init Containers sections (staging/src/k8s.io/kubectl/pkg/describe/describe.go:
// describeContainers and the describeContainer* helpers, DescribeProbe, describeStatus).
import type { Container, ContainerStatus } from "@kubejam/engine";
import { stateView } from "../printers/container-state";
import { goQuote } from "../printers/go-format";
import { compareStrings } from "../printers/labels";
import { canonicalQuantity } from "../printers/quantity";
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from "./prefix-writer";
import { formatTimestamp } from "./time-format";

/** describe.go: EnvVarResolverFunc (resolves `valueFrom.fieldRef` for a real pod; absent for templates). */
export type EnvResolver = (fieldPath: string) => string;

type Probe = NonNullable<Container["livenessProbe"]>;

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const rec = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

// describe.go: describeContainerPorts / describeContainerHostPorts
function portList(container: Container, host: boolean): string {
  return (container.ports ?? [])
    .map((p) => {
      const s = `${host ? (p.hostPort ?? 0) : p.containerPort}/${p.protocol ?? "TCP"}`;
      return p.name !== undefined && p.name !== "" ? `${s} (${p.name})` : s;
    })
    .join(", ");
}

// describe.go: describeContainerBasicInfo
function describeBasicInfo(
  container: Container,
  status: ContainerStatus | undefined,
  space: string,
  w: PrefixWriter,
): void {
  const nameIndent = space.length > 0 ? " " : "";
  w.write(LEVEL_1, `${nameIndent}${container.name}:\n`);
  if (status !== undefined) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ""}\n`);
  w.write(LEVEL_2, `Image:\t${container.image ?? ""}\n`);
  if (status !== undefined) w.write(LEVEL_2, `Image ID:\t${status.imageID}\n`);
  const ports = portList(container, false);
  if (ports.includes(",")) w.write(LEVEL_2, `Ports:\t${ports}\n`);
  else w.write(LEVEL_2, `Port:\t${ports === "" ? "<none>" : ports}\n`);
  const hostPorts = portList(container, true);
  if (hostPorts.includes(",")) w.write(LEVEL_2, `Host Ports:\t${hostPorts}\n`);
  else w.write(LEVEL_2, `Host Port:\t${hostPorts === "" ? "<none>" : hostPorts}\n`);
  const seccomp = rec(rec(container.securityContext)?.seccompProfile);
  if (seccomp !== undefined) {
    w.write(LEVEL_2, `SeccompProfile:\t${str(seccomp.type) ?? ""}\n`);
    if (seccomp.type === "Localhost")
      w.write(LEVEL_3, `LocalhostProfile:\t${str(seccomp.localhostProfile) ?? ""}\n`);
  }
}

// describe.go: describeContainerCommand
function describeCommand(container: Container, w: PrefixWriter): void {
  if ((container.command ?? []).length > 0) {
    w.write(LEVEL_2, "Command:\n");
    for (const c of container.command ?? []) for (const s of c.split("\n")) w.write(LEVEL_3, `${s}\n`);
  }
  if ((container.args ?? []).length > 0) {
    w.write(LEVEL_2, "Args:\n");
    for (const a of container.args ?? []) for (const s of a.split("\n")) w.write(LEVEL_3, `${s}\n`);
  }
}

// describe.go: describeStatus
function describeStatus(stateName: string, state: unknown, w: PrefixWriter): void {
  const s = stateView(state);
  if (s.running !== undefined) {
    w.write(LEVEL_2, `${stateName}:\tRunning\n`);
    w.write(LEVEL_3, `Started:\t${formatTimestamp(s.running.startedAt)}\n`);
  } else if (s.waiting !== undefined) {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
    if ((s.waiting.reason ?? "") !== "") w.write(LEVEL_3, `Reason:\t${s.waiting.reason}\n`);
  } else if (s.terminated !== undefined) {
    const t = s.terminated;
    w.write(LEVEL_2, `${stateName}:\tTerminated\n`);
    if ((t.reason ?? "") !== "") w.write(LEVEL_3, `Reason:\t${t.reason}\n`);
    if ((t.message ?? "") !== "") w.write(LEVEL_3, `Message:\t${t.message}\n`);
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`);
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`);
    w.write(LEVEL_3, `Started:\t${formatTimestamp(t.startedAt)}\n`);
    w.write(LEVEL_3, `Finished:\t${formatTimestamp(t.finishedAt)}\n`);
  } else {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`);
  }
}

// describe.go: describeContainerState
function describeState(status: ContainerStatus, w: PrefixWriter): void {
  describeStatus("State", status.state, w);
  if (stateView(status.lastState).terminated !== undefined) describeStatus("Last State", status.lastState, w);
  w.write(LEVEL_2, `Ready:\t${status.ready ? "True" : "False"}\n`);
  w.write(LEVEL_2, `Restart Count:\t${status.restartCount}\n`);
}

/** describe.go: describeResources (Limits then Requests, resource names sorted, quantities canonical). */
export function describeResources(
  resources:
    | { limits?: Record<string, string | number>; requests?: Record<string, string | number> }
    | undefined,
  w: PrefixWriter,
  level: number,
): void {
  if (resources === undefined) return;
  for (const [title, list] of [
    ["Limits", resources.limits],
    ["Requests", resources.requests],
  ] as const) {
    const names = Object.keys(list ?? {}).sort(compareStrings);
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const name of names) w.write(level + 1, `${name}:\t${canonicalQuantity(list?.[name])}\n`);
  }
}

function intOrString(v: unknown): string {
  return typeof v === "number" || typeof v === "string" ? String(v) : "";
}

/** describe.go: DescribeProbe, with the API server's defaults for fields a manifest left out. */
export function describeProbe(probe: Probe): string {
  const attrs =
    `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 1}s period=${probe.periodSeconds ?? 10}s ` +
    `#success=${probe.successThreshold ?? 1} #failure=${probe.failureThreshold ?? 3}`;
  if (probe.exec !== undefined) return `exec [${(probe.exec.command ?? []).join(" ")}] ${attrs}`;
  if (probe.httpGet !== undefined) {
    const h = probe.httpGet;
    const port = intOrString(h.port);
    const host = h.host ?? "";
    // net.JoinHostPort brackets IPv6 hosts
    const hostPort = port.length > 0 ? `${host.includes(":") ? `[${host}]` : host}:${port}` : host;
    return `http-get ${(h.scheme ?? "HTTP").toLowerCase()}://${hostPort}${h.path ?? ""} ${attrs}`;
  }
  if (probe.tcpSocket !== undefined)
    return `tcp-socket ${probe.tcpSocket.host ?? ""}:${intOrString(probe.tcpSocket.port)} ${attrs}`;
  if (probe.grpc !== undefined)
    return `grpc <pod>:${intOrString(probe.grpc.port)} ${str(probe.grpc.service) ?? ""} ${attrs}`;
  return `unknown ${attrs}`;
}

// describe.go: describeContainerProbe
function describeProbes(container: Container, w: PrefixWriter): void {
  if (container.livenessProbe !== undefined)
    w.write(LEVEL_2, `Liveness:\t${describeProbe(container.livenessProbe)}\n`);
  if (container.readinessProbe !== undefined)
    w.write(LEVEL_2, `Readiness:\t${describeProbe(container.readinessProbe)}\n`);
  if (container.startupProbe !== undefined)
    w.write(LEVEL_2, `Startup:\t${describeProbe(container.startupProbe)}\n`);
}

// describe.go: describeContainerEnvFrom
function describeEnvFrom(container: Container, w: PrefixWriter): void {
  w.write(LEVEL_2, "Environment Variables from:\n");
  for (const e of container.envFrom ?? []) {
    const r = rec(e) ?? {};
    const cm = rec(r.configMapRef);
    const secret = rec(r.secretRef);
    const ref = cm ?? secret;
    const from = cm !== undefined ? "ConfigMap" : secret !== undefined ? "Secret" : "";
    const name = str(ref?.name) ?? "";
    const optional = ref?.optional === true;
    const prefix = str(r.prefix) ?? "";
    if (prefix === "") w.write(LEVEL_3, `${name}\t${from}\tOptional: ${optional}\n`);
    else w.write(LEVEL_3, `${name}\t${from} with prefix '${prefix}'\tOptional: ${optional}\n`);
  }
}

// describe.go: describeContainerEnvVars
function describeEnv(container: Container, resolve: EnvResolver | undefined, w: PrefixWriter): void {
  const env = container.env ?? [];
  w.write(LEVEL_2, `Environment:${env.length === 0 ? "\t<none>" : ""}\n`);
  for (const e of env) {
    if (e.valueFrom === undefined) {
      (e.value ?? "").split("\n").forEach((s, i) => {
        w.write(LEVEL_3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`);
      });
      continue;
    }
    const fieldRef = rec(e.valueFrom.fieldRef);
    const resourceFieldRef = rec(e.valueFrom.resourceFieldRef);
    const secretKeyRef = rec(e.valueFrom.secretKeyRef);
    const configMapKeyRef = rec(e.valueFrom.configMapKeyRef);
    if (fieldRef !== undefined) {
      const path = str(fieldRef.fieldPath) ?? "";
      const value = resolve === undefined ? "" : resolve(path);
      w.write(LEVEL_3, `${e.name}:\t${value} (${str(fieldRef.apiVersion) ?? "v1"}:${path})\n`);
    } else if (resourceFieldRef !== undefined) {
      w.write(LEVEL_3, `${e.name}:\t (${str(resourceFieldRef.resource) ?? ""})\n`);
    } else if (secretKeyRef !== undefined) {
      const optional = secretKeyRef.optional === true;
      w.write(
        LEVEL_3,
        `${e.name}:\t<set to the key '${str(secretKeyRef.key) ?? ""}' in secret '${str(secretKeyRef.name) ?? ""}'>\tOptional: ${optional}\n`,
      );
    } else if (configMapKeyRef !== undefined) {
      const optional = configMapKeyRef.optional === true;
      w.write(
        LEVEL_3,
        `${e.name}:\t<set to the key '${str(configMapKeyRef.key) ?? ""}' of config map '${str(configMapKeyRef.name) ?? ""}'>\tOptional: ${optional}\n`,
      );
    }
  }
}

// describe.go: describeContainerVolumes (mounts sorted by path, `(ro)` / `(rw,path="sub")`)
function describeMounts(container: Container, w: PrefixWriter): void {
  const mounts = [...(container.volumeMounts ?? [])].sort((a, b) => compareStrings(a.mountPath, b.mountPath));
  w.write(LEVEL_2, `Mounts:${mounts.length === 0 ? "\t<none>" : ""}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly === true ? "ro" : "rw"];
    if (m.subPath !== undefined && m.subPath !== "") flags.push(`path=${goQuote(m.subPath)}`);
    w.write(LEVEL_3, `${m.mountPath} from ${m.name} (${flags.join(",")})\n`);
  }
  const devices = (container.volumeDevices ?? []).map((d) => rec(d) ?? {});
  if (devices.length > 0) {
    w.write(LEVEL_2, "Devices:\n");
    devices.sort((a, b) => compareStrings(str(a.devicePath) ?? "", str(b.devicePath) ?? ""));
    for (const d of devices) w.write(LEVEL_3, `${str(d.devicePath) ?? ""} from ${str(d.name) ?? ""}\n`);
  }
}

/** describe.go: describeContainers (statuses matched by container name; none for pod templates). */
export function describeContainers(
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[] | undefined,
  resolve: EnvResolver | undefined,
  w: PrefixWriter,
  space: string,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]));
  // describe.go: describeContainersLabel
  w.write(LEVEL_0, `${space}${label}:${containers.length === 0 ? " <none>" : ""}\n`);
  for (const container of containers) {
    const status = byName.get(container.name);
    describeBasicInfo(container, status, space, w);
    describeCommand(container, w);
    if (status !== undefined) describeState(status, w);
    describeResources(container.resources, w, LEVEL_2);
    describeProbes(container, w);
    if ((container.envFrom ?? []).length > 0) describeEnvFrom(container, w);
    describeEnv(container, resolve, w);
    describeMounts(container, w);
  }
}
