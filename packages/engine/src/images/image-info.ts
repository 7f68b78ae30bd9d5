import type { FsNode } from "../fs/tree";

export type ShellFlavour = "busybox" | "dash" | "bash" | "none";

/** What a server program listens for; the shell's startProcess reports these. */
export interface ImageInfo {
  /** e.g. "docker.io/library/nginx:1.27". */
  canonical: string;
  /** The repo digest the kubelet reports as imageID, e.g. "docker.io/library/nginx@sha256:…". */
  imageId: string;
  sizeBytes: number;
  /** Deterministic pull time. */
  pullMs: number;
  entrypoint: string[];
  cmd: string[];
  workingDir: string;
  env: Record<string, string>;
  /** The image's read-only layer (frozen, shared). */
  files: FsNode;
  shell: ShellFlavour;
  /** Program names found on the image's PATH (informational; the files decide). */
  programs: readonly string[];
  /** Ports the image documents (EXPOSE). */
  exposedPorts: readonly number[];
}
