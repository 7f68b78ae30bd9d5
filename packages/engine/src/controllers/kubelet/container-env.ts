import type { Container, Pod } from "../../api/pod";
import { ContainerFs, type Mount } from "../../fs/container-fs";
import type { FsNode } from "../../fs/tree";
import type { ImageInfo } from "../../images/image-info";
import type { NetworkAccess, ShellEnv } from "../../shell/types";
import type { ResolvedEnv } from "./env-sources";
import type { ResolvedVolume } from "./volume-setup";

/** The file system id of a container's writable layer. */
export const layerId = (podUid: string, container: string) => `ctr/${podUid}/${container}`;

/** Where a volume's bytes live: pod-lifetime volumes by pod, NFS exports by server and path, host paths by node. */
export function volumeId(pod: Pod, name: string): string | undefined {
  const v = pod.spec.volumes?.find((x) => x.name === name);
  if (!v) return undefined;
  if (v.nfs) return `nfs/${v.nfs.server}:${v.nfs.path}`;
  if (v.hostPath) return `host/${pod.spec.nodeName ?? ""}:${v.hostPath.path}`;
  return `pod/${pod.metadata.uid}/${name}`;
}

/** Files the kubelet writes per pod and bind-mounts into each container (kubelet_pods.go makeMounts). */
export const KUBELET_FILES = ["/etc/hosts", "/etc/hostname", "/etc/resolv.conf"] as const;

/** The file-system id of one of those files; `~` keeps it apart from any volume name. */
export const kubeletFileId = (podUid: string, path: (typeof KUBELET_FILES)[number]) =>
  `pod/${podUid}/~${path.slice("/etc/".length)}`;

/**
 * A container's mounts: the kubelet's own files, then each volume's backing store (as the kubelet
 * resolved it), with the mount's subPath and readOnly.
 */
export function containerMounts(pod: Pod, c: Container, resolved?: Record<string, ResolvedVolume>): Mount[] {
  const mounts: Mount[] = KUBELET_FILES.map((path) => ({
    mountPath: path,
    volumeId: kubeletFileId(pod.metadata.uid, path),
    readOnly: false,
  }));
  for (const m of c.volumeMounts ?? []) {
    const r = resolved?.[m.name];
    const id = r?.id ?? volumeId(pod, m.name);
    if (!id) continue;
    const v = pod.spec.volumes?.find((x) => x.name === m.name);
    const readOnly = Boolean(
      m.readOnly ||
        r?.readOnly ||
        v?.nfs?.readOnly ||
        v?.persistentVolumeClaim?.readOnly ||
        v?.projected ||
        v?.configMap ||
        v?.secret,
    );
    const subPath = joinSubPaths(r?.path, m.subPath);
    mounts.push({
      mountPath: m.mountPath,
      volumeId: id,
      readOnly,
      ...(subPath ? { subPath } : {}),
      ...(r?.source ? { source: r.source } : {}),
    });
  }
  return mounts;
}

/** The volume's own path (an NFS export's) then the mount's subPath, without empty segments. */
function joinSubPaths(volumePath: string | undefined, subPath: string | undefined): string {
  if (!volumePath && !subPath) return "";
  return `${volumePath ?? ""}/${subPath ?? ""}`
    .split("/")
    .filter((s) => s !== "")
    .join("/");
}

export function containerFs(
  fs: Record<string, FsNode>,
  pod: Pod,
  c: Container,
  image: ImageInfo,
  resolved?: Record<string, ResolvedVolume>,
): ContainerFs {
  return new ContainerFs({
    lower: image.files,
    upper: fs[layerId(pod.metadata.uid, c.name)],
    mounts: containerMounts(pod, c, resolved),
    volumes: fs,
  });
}

/** A pod's hostname: spec.hostname if set, else its name (kubelet_pods.go GeneratePodHostNameAndDomain). */
export function hostnameOf(pod: Pod): string {
  return (pod.spec.hostname ?? pod.metadata.name).slice(0, 63);
}

/**
 * The environment the kubelet gives a container: image env, HOSTNAME, the variables of the Services
 * that existed when it started (`links`, see service-env.ts), then the spec's env.
 */
export function containerEnvironment(
  links: readonly (readonly [string, string])[],
  pod: Pod,
  c: Container,
  image: ImageInfo,
  sources?: ResolvedEnv,
): Record<string, string> {
  const env: Record<string, string> = { ...image.env, HOSTNAME: hostnameOf(pod) };
  for (const [k, v] of links) env[k] = v;
  if (!env.HOME) env.HOME = "/root";
  for (const [k, v] of sources?.envFrom ?? []) env[k] = v;
  for (const e of c.env ?? []) {
    if (e.valueFrom !== undefined) {
      // Taken as it is, unexpanded; an optional source that was missing sets nothing.
      const value = sources?.valueFrom[e.name];
      if (value !== undefined) env[e.name] = value;
      continue;
    }
    // $(VAR) references expand against earlier variables (pkg/kubelet/kubelet_pods.go, expansion.Expand).
    env[e.name] = (e.value ?? "").replace(
      /\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g,
      (m, name: string) => env[name] ?? m,
    );
  }
  return env;
}

export function shellEnv(
  links: readonly (readonly [string, string])[],
  fs: Record<string, FsNode>,
  pod: Pod,
  c: Container,
  image: ImageInfo,
  net: NetworkAccess,
  now: number,
  resolved?: Record<string, ResolvedVolume>,
  sources?: ResolvedEnv,
): ShellEnv {
  return {
    fs: containerFs(fs, pod, c, image, resolved),
    env: containerEnvironment(links, pod, c, image, sources),
    hostname: hostnameOf(pod),
    cwd: c.workingDir ?? image.workingDir ?? "/",
    flavour: image.shell,
    now,
    net,
    ...(c.stdin ? { stdinOpen: true } : {}),
  };
}

/** Docker's rule: `command` replaces the entrypoint, `args` replaces the image's cmd. */
export function containerArgv(c: Container, image: ImageInfo): string[] {
  if (c.command && c.command.length > 0) return [...c.command, ...(c.args ?? [])];
  if (c.args) return [...image.entrypoint, ...c.args];
  return [...image.entrypoint, ...image.cmd];
}
