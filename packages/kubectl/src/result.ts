import type { ClusterState, ManifestFile } from "@kubejam/engine";
import type { DryRun } from "./flags/option-values";

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
  /**
   * A `--from-file` / `--from-env-file` source: a file, or a directory's regular files sorted by name;
   * on failure, the reason as Go's os error says it (`no such file or directory`). Without it, no
   * path exists.
   */
  readSource?(path: string): SourceRead;
  stdin?: string;
}

/** A file's contents: its text when it is UTF-8, its bytes in base64 when not. */
export interface SourceFile {
  readonly name: string;
  readonly text?: string;
  readonly base64?: string;
}

export type SourceRead =
  | { ok: true; file: SourceFile; directory?: undefined }
  | { ok: true; directory: readonly SourceFile[]; file?: undefined }
  | { ok: false; reason: string };

export interface Context {
  state: ClusterState;
  io: KubectlIo;
  namespace: string;
  namespaceExplicit: boolean;
  /** The command line's --dry-run strategy (run.ts reads it once); none when absent. */
  dryRun?: DryRun;
}

export function ok(state: ClusterState, stdout: string, stderr = ""): KubectlResult {
  return { state, stdout, stderr, exitCode: 0 };
}

export function fail(state: ClusterState, stderr: string, stdout = ""): KubectlResult {
  return { state, stdout, stderr: stderr.endsWith("\n") ? stderr : `${stderr}\n`, exitCode: 1 };
}

export const lines = (items: string[]) => (items.length ? `${items.join("\n")}\n` : "");

/**
 * The API server's deprecation warnings, which kubectl prints to stderr before anything else
 * (staging/src/k8s.io/apiserver/pkg/endpoints/deprecation; v1 Endpoints from 1.33).
 */
const DEPRECATED: Record<string, string> = {
  Endpoints: "Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n",
};

export function deprecationWarnings(kinds: Iterable<string>): string {
  let out = "";
  for (const kind of new Set(kinds)) out += DEPRECATED[kind] ?? "";
  return out;
}

/** Puts the warnings for the kinds a command touched in front of its stderr. */
export function withWarnings(result: KubectlResult, kinds: Iterable<string>): KubectlResult {
  const warnings = deprecationWarnings(kinds);
  return warnings === "" ? result : { ...result, stderr: warnings + result.stderr };
}
