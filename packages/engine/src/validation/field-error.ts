// Field errors as the API server words them (apimachinery/pkg/util/validation/field/errors.go).
export interface FieldError {
  path: string;
  message: string;
}

const quote = (v: unknown): string =>
  typeof v === "string" ? JSON.stringify(v) : typeof v === "object" ? JSON.stringify(v) : String(v);

export const required = (path: string, detail?: string): FieldError => ({
  path,
  message: `${path}: Required value${detail ? `: ${detail}` : ""}`,
});
export const invalid = (path: string, value: unknown, detail: string): FieldError => ({
  path,
  message: `${path}: Invalid value: ${quote(value)}: ${detail}`,
});
export const unsupported = (path: string, value: unknown, supported: readonly string[]): FieldError => ({
  path,
  message: `${path}: Unsupported value: ${quote(value)}: supported values: ${supported.map((s) => `"${s}"`).join(", ")}`,
});
export const forbidden = (path: string, detail: string): FieldError => ({
  path,
  message: `${path}: Forbidden: ${detail}`,
});
export const notFound = (path: string, value: unknown): FieldError => ({
  path,
  message: `${path}: Not found: ${quote(value)}`,
});
export const duplicate = (path: string, value: unknown): FieldError => ({
  path,
  message: `${path}: Duplicate value: ${quote(value)}`,
});

/** kubectl's rendering of a 422 (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go, MultilineError). */
export function invalidMessage(kind: string, name: string, errors: readonly FieldError[]): string {
  if (errors.length === 1) return `The ${kind} "${name}" is invalid: ${errors[0]?.message}`;
  return `The ${kind} "${name}" is invalid: \n${errors.map((e) => `* ${e.message}`).join("\n")}`;
}
