import type { ObjectMeta } from "../api/meta";
import { type FieldError, invalid } from "./field-error";
import { dns1123LabelErrors, dns1123SubdomainErrors, labelKeyErrors, labelValueErrors } from "./names";

export type NameRule = "subdomain" | "label" | "dns1035";

// ValidateObjectMeta (staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go).
export function validateMeta(
  meta: ObjectMeta,
  rule: (name: string) => string[],
  namespaced: boolean,
): FieldError[] {
  const errors: FieldError[] = [];
  if (meta.name) for (const msg of rule(meta.name)) errors.push(invalid("metadata.name", meta.name, msg));
  if (namespaced && meta.namespace) {
    for (const msg of dns1123LabelErrors(meta.namespace))
      errors.push(invalid("metadata.namespace", meta.namespace, msg));
  }
  for (const [key, value] of Object.entries(meta.labels ?? {})) {
    for (const msg of labelKeyErrors(key)) errors.push(invalid("metadata.labels", key, msg));
    for (const msg of labelValueErrors(value)) errors.push(invalid(`metadata.labels`, value, msg));
  }
  for (const key of Object.keys(meta.annotations ?? {})) {
    for (const msg of labelKeyErrors(key)) errors.push(invalid("metadata.annotations", key, msg));
  }
  return errors;
}

export const subdomainRule = dns1123SubdomainErrors;
