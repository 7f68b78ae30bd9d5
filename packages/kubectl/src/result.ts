import type { ClusterState, ManifestFile } from "@kubejam/engine";

/** What one kubectl invocation returns: it never prints; the terminal and the CLI do. */
export interface KubectlResult {
  state: ClusterState;
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** What the caller lets kubectl read: `-f` paths (files, directories, `-`) from its own file system. */
export interface KubectlIo {
  readManifests(path: string): { ok: true; files: ManifestFile[] } | { ok: false; message: string };
  stdin?: string;
}

export interface Context {
  state: ClusterState;
  io: KubectlIo;
  namespace: string;
  namespaceExplicit: boolean;
}

export function ok(state: ClusterState, stdout: string, stderr = ""): KubectlResult {
  return { state, stdout, stderr, exitCode: 0 };
}

export function fail(state: ClusterState, stderr: string, stdout = ""): KubectlResult {
  return { state, stdout, stderr: stderr.endsWith("\n") ? stderr : `${stderr}\n`, exitCode: 1 };
}

export const lines = (items: string[]) => (items.length ? `${items.join("\n")}\n` : "");
