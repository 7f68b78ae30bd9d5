import { groupResource, type KindInfo } from "../api/kinds";
import type { KubeObject, ObjectMeta } from "../api/meta";
import type { PodSpec } from "../api/pod";
import { defaultPodSpec } from "../defaults/pod";
import type { Tx } from "../store/tx";
import type { FieldError } from "../validation/field-error";
import { admitCreate, validateUpdate } from "./admit";
import { LAST_APPLIED } from "./last-applied";
import {
  fail,
  invalid,
  type ObjectOutcome,
  resizeRefusal,
  stripServerFields,
  withWarnings,
  writeUpdate,
} from "./object-write";

/**
 * `kubectl replace -f`: the manifest is sent whole (a PUT) in place of the stored object, so what it
 * leaves out is gone: labels another command added, a Deployment's scaled replicas, the last-applied
 * annotation. The API server keeps only what it owns: the object's identity, its status, and what
 * it allocated (a Service's cluster IP). A pod's spec must then match the stored one field for field
 * but for its images, so a pod written by hand (no nodeName, no token volume) is refused: that is
 * why `kubectl replace --force` exists.
 */
export function replaceObject(
  tx: Tx,
  info: KindInfo,
  raw: Record<string, unknown>,
  missing: FieldError[],
  target: { file: string; namespace: string | undefined; name: string; lastApplied?: string },
): ObjectOutcome {
  const { file, namespace, name, lastApplied } = target;
  const live = tx.get(info.kind, namespace, name);
  if (!live)
    return fail(
      "not-found",
      `Error from server (NotFound): error when replacing "${file}": ${groupResource(info)} "${name}" not found`,
      "metadata.name",
    );
  // A resourceVersion in the manifest (one written by `kubectl get -o yaml`) is a precondition: the
  // object must not have changed since (the registry's optimistic concurrency check).
  const expected = (raw.metadata as ObjectMeta | undefined)?.resourceVersion;
  if (expected !== undefined && expected !== "" && expected !== live.metadata.resourceVersion)
    return fail(
      "conflict",
      `Error from server (Conflict): error when replacing "${file}": Operation cannot be fulfilled on ${groupResource(info)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
      "metadata.resourceVersion",
    );
  const stripped = stripServerFields((raw.metadata ?? {}) as ObjectMeta);
  const meta = lastApplied
    ? { ...stripped, annotations: { ...stripped.annotations, [LAST_APPLIED]: lastApplied } }
    : stripped;
  const draft = { ...raw, metadata: { ...meta, name, ...(namespace !== undefined ? { namespace } : {}) } };
  // Defaulting and validation as for a new object, then what admission adds only on create taken out.
  const admitted = admitCreate(tx, info.kind, { ...draft, status: live.status } as never, missing, live);
  if (!admitted.ok) return invalid(info.kind, name, admitted.errors);
  const next = {
    ...admitted.object,
    metadata: {
      ...admitted.object.metadata,
      uid: live.metadata.uid,
      resourceVersion: live.metadata.resourceVersion,
      creationTimestamp: live.metadata.creationTimestamp,
      ...(live.metadata.generation !== undefined ? { generation: live.metadata.generation } : {}),
      ...(live.metadata.deletionTimestamp ? { deletionTimestamp: live.metadata.deletionTimestamp } : {}),
    },
    spec: replacedSpec(info.kind, draft as { spec?: unknown }, admitted.object),
    status: live.status,
  } as KubeObject;
  const errors = validateUpdate(info.kind, live, next);
  if (errors.length > 0) return invalid(info.kind, name, errors);
  const refused = resizeRefusal(tx, live, next, file, "replacing");
  if (refused) return refused;
  writeUpdate(tx, live, next);
  return {
    ok: true,
    kind: info.kind,
    apiVersion: info.apiVersion,
    name,
    namespace,
    action: "replaced",
    ...withWarnings(info.kind, next as { spec?: unknown }),
  };
}

/** The spec the update stores: the manifest's, defaulted, without what admission adds only to new objects. */
function replacedSpec(kind: string, draft: { spec?: unknown }, admitted: KubeObject): unknown {
  // The ServiceAccount plugin's token volume and DefaultTolerationSeconds act on create only.
  if (kind === "Pod") return defaultPodSpec(draft.spec as PodSpec);
  // So does DefaultStorageClass.
  if (
    kind === "PersistentVolumeClaim" &&
    (draft.spec as { storageClassName?: string })?.storageClassName === undefined
  ) {
    const { storageClassName: _, ...spec } = admitted.spec as { storageClassName?: string };
    return spec;
  }
  return admitted.spec;
}
