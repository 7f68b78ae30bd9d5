import type { KubeObject, ObjectMeta } from "../api/meta";
import type { Diagnostic } from "../parse/diagnostic";
import type { Tx } from "../store/tx";
import { type FieldError, invalidMessage } from "../validation/field-error";
import { objectWarnings } from "../validation/pod-warnings";
import { resizeForbidden } from "./admit-storage";

/** A manifest object the simulated API server stored (or found unchanged). */
export interface StoredOutcome {
  ok: true;
  kind: string;
  apiVersion: string;
  name: string;
  namespace?: string;
  action: "created" | "configured" | "unchanged" | "replaced";
  /** The API server's warnings for the stored object; kubectl prints each as `Warning: …`. */
  warnings?: string[];
}

/** What one manifest object came to on the simulated API server (apply, create or replace). */
export type ObjectOutcome =
  | StoredOutcome
  | { ok: false; diagnostic: Omit<Diagnostic, "file">; path?: string };

/**
 * The ExpandPersistentVolumes admission check on an update that grows a claim (see resizeForbidden),
 * as kubectl reports it for the file (`patching` for apply, `replacing` for replace).
 */
export function resizeRefusal(
  tx: Tx,
  live: KubeObject,
  next: KubeObject,
  file: string,
  verb: "patching" | "replacing",
): ObjectOutcome | undefined {
  const denied = resizeForbidden(tx, live, next);
  if (!denied) return undefined;
  return fail(
    "forbidden",
    `Error from server (Forbidden): error when ${verb} "${file}": ${denied}`,
    "spec.resources.requests.storage",
  );
}

/** The metadata a client may not set: the API server fills these in. */
export function stripServerFields(meta: ObjectMeta): ObjectMeta {
  const {
    uid: _u,
    resourceVersion: _r,
    creationTimestamp: _c,
    generation: _g,
    managedFields: _m,
    selfLink: _s,
    deletionTimestamp: _d,
    ...rest
  } = meta;
  return rest;
}

/**
 * Stores a new version of `live`, as an update does: a new resourceVersion, and a new generation
 * when the spec changed (a Pod has no generation to bump).
 */
export function writeUpdate(tx: Tx, live: KubeObject, next: KubeObject): void {
  const specChanged = JSON.stringify(live.spec) !== JSON.stringify(next.spec);
  const generation = (live.metadata.generation ?? 1) + (specChanged && live.kind !== "Pod" ? 1 : 0);
  tx.update({
    ...next,
    metadata: {
      ...next.metadata,
      generation: live.metadata.generation === undefined ? undefined : generation,
    },
  });
}

export function withWarnings(kind: string, object: { spec?: unknown }): { warnings?: string[] } {
  const warnings = objectWarnings(kind, object);
  return warnings.length > 0 ? { warnings } : {};
}

export function fail(code: Diagnostic["code"], message: string, path?: string): ObjectOutcome {
  return { ok: false, diagnostic: { code, message }, path };
}

export function invalid(kind: string, name: string, errors: FieldError[]): ObjectOutcome {
  return {
    ok: false,
    diagnostic: { code: "invalid", message: invalidMessage(kind, name, errors) },
    path: errors[0]?.path,
  };
}
