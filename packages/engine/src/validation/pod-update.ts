import type { KubeObject } from "../api/meta";
import type { PodSpec } from "../api/pod";
import { type FieldError, forbidden } from "./field-error";

/** ValidatePodUpdate's refusal of any change but the few a running pod allows. */
const POD_UPDATE_FORBIDDEN =
  "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

/**
 * ValidatePodUpdate: with the images (and a later activeDeadlineSeconds and added tolerations) taken
 * from the stored pod, the new spec must equal it. A manifest written by hand lacks what the
 * scheduler and admission put there (nodeName, the token volume), so replacing a pod with it fails.
 */
export function podUpdateErrors(live: KubeObject, next: KubeObject): FieldError[] {
  const before = live.spec as PodSpec;
  const after = next.spec as PodSpec;
  const munged: PodSpec = {
    ...after,
    containers: after.containers.map((c, i) => ({ ...c, image: before.containers[i]?.image ?? c.image })),
    ...(after.initContainers
      ? {
          initContainers: after.initContainers.map((c, i) => ({
            ...c,
            image: before.initContainers?.[i]?.image ?? c.image,
          })),
        }
      : {}),
    activeDeadlineSeconds: before.activeDeadlineSeconds,
    tolerations: before.tolerations,
  };
  return semanticallyEqual(munged, before) ? [] : [forbidden("spec", POD_UPDATE_FORBIDDEN)];
}

/** apiequality.Semantic.DeepEqual on plain JSON: key order aside, an empty list or map is as good as none. */
function semanticallyEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isEmpty(a) && isEmpty(b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => semanticallyEqual(x, b[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const k of keys) if (!semanticallyEqual(x[k], y[k])) return false;
  return true;
}

/** A Go zero value, which JSON may as well leave out. */
function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === "" || v === false || v === 0) return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === "object" && Object.keys(v).length === 0;
}
