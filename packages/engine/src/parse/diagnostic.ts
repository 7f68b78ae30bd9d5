// A problem with a learner's or author's input, located as precisely as the input allows.
// `message` is the text kubectl would print; the rest lets an editor put a marker on it.
export type DiagnosticCode =
  | "yaml-syntax"
  | "too-large"
  | "not-an-object"
  | "missing-kind"
  | "missing-api-version"
  | "unknown-kind"
  | "decode"
  | "undecodable"
  | "namespace-mismatch"
  | "invalid"
  | "missing-name"
  | "conflict"
  | "not-found"
  | "forbidden";

export interface Diagnostic {
  code: DiagnosticCode;
  message: string;
  file: string;
  /** 0-based index of the YAML document in the file. */
  document?: number;
  /** 1-based line and column of the offending node. */
  line?: number;
  column?: number;
  /** The field path as the API server writes it, e.g. `spec.containers[0].image`. */
  path?: string;
}
