import { decodeDocument } from "../api/decode";
import { groupResource, type KindInfo } from "../api/kinds";
import type { KubeObject, ObjectMeta } from "../api/meta";
import type { PodSpec } from "../api/pod";
import type { Deployment } from "../api/workloads";
import { settle } from "../controllers/settle";
import { defaultPodSpec } from "../defaults/pod";
import { defaultDeploymentSpec, defaultTemplate } from "../defaults/workloads";
import type { Diagnostic } from "../parse/diagnostic";
import { parseManifests } from "../parse/parse-manifests";
import { objectKey } from "../store/object-key";
import type { ClusterState } from "../store/state";
import { Tx } from "../store/tx";
import type { FieldError } from "../validation/field-error";
import { ADMISSION_OWNS_UPDATE, admitCreate, validateUpdate } from "./admit";
import { mergeStorageSpec } from "./admit-storage";
import { canonicalJson } from "./canonical-json";
import { LAST_APPLIED } from "./last-applied";
import {
  fail,
  invalid,
  type ObjectOutcome,
  resizeRefusal,
  type StoredOutcome,
  stripServerFields,
  withWarnings,
  writeUpdate,
} from "./object-write";
import { replaceObject } from "./replace";

export { LAST_APPLIED };

export interface ManifestFile {
  name: string;
  text: string;
}

export interface ApplyOptions {
  /**
   * `apply` merges into existing objects; `create` refuses them (AlreadyExists); `replace` puts the
   * manifest in place of an existing object (NotFound without one).
   */
  mode?: "apply" | "create" | "replace";
  /** The namespace of the kubectl context or `-n`. */
  namespace?: string;
  /** `--save-config` (create, replace): store the last-applied annotation as apply does. */
  saveConfig?: boolean;
  /** `-n` was given explicitly: a manifest naming another namespace is then an error. */
  namespaceExplicit?: boolean;
}

export type ApplyResult =
  | (StoredOutcome & { file: string; document: number })
  | { ok: false; diagnostic: Diagnostic };

/**
 * `kubectl apply -f` / `kubectl create -f` against the simulated API server. A file with a YAML syntax
 * error applies nothing; otherwise every valid document is stored and the invalid ones are reported,
 * then the controllers settle the cluster.
 */
export function applyManifests(
  state: ClusterState,
  files: ManifestFile[],
  options: ApplyOptions = {},
): { state: ClusterState; results: ApplyResult[] } {
  const tx = new Tx(state);
  const results: ApplyResult[] = [];
  for (const file of files) {
    const parsed = parseManifests(file.name, file.text);
    if (!parsed.ok) {
      for (const diagnostic of parsed.diagnostics) results.push({ ok: false, diagnostic });
      continue;
    }
    for (const doc of parsed.documents) {
      const decoded = decodeDocument(doc);
      if (!decoded.ok) {
        results.push({ ok: false, diagnostic: decoded.diagnostic });
        continue;
      }
      const outcome = applyObject(tx, decoded.info, decoded.object, decoded.missing, file.name, options);
      if (outcome.ok) results.push({ ...outcome, file: file.name, document: doc.index });
      else {
        const pos = outcome.path ? doc.locate(outcome.path) : undefined;
        results.push({
          ok: false,
          diagnostic: {
            ...outcome.diagnostic,
            file: file.name,
            document: doc.index,
            path: outcome.path,
            line: pos?.line,
            column: pos?.column,
          },
        });
      }
    }
  }
  settle(tx);
  return { state: tx.commit(), results };
}

/**
 * kubectl's own check, before any request: with `-n` given, a manifest naming another namespace is
 * refused (resource.Builder's enforceNamespace).
 */
export function namespaceMismatch(
  info: KindInfo,
  raw: Record<string, unknown>,
  options: Pick<ApplyOptions, "namespace" | "namespaceExplicit">,
): string | undefined {
  const namespace = (raw.metadata as ObjectMeta | undefined)?.namespace;
  const contextNs = options.namespace ?? "default";
  if (!info.namespaced || !namespace || !options.namespaceExplicit || namespace === contextNs)
    return undefined;
  return `error: the namespace from the provided object "${namespace}" does not match the namespace "${contextNs}". You must pass '--namespace=${namespace}' to perform this operation.`;
}

function applyObject(
  tx: Tx,
  info: KindInfo,
  raw: Record<string, unknown>,
  missing: FieldError[],
  file: string,
  options: ApplyOptions,
): ObjectOutcome {
  const mode = options.mode ?? "apply";
  const meta = (raw.metadata ?? {}) as ObjectMeta;
  const contextNs = options.namespace ?? "default";
  const mismatch = namespaceMismatch(info, raw, options);
  if (mismatch) return fail("namespace-mismatch", mismatch);
  const namespace = info.namespaced ? (meta.namespace ?? contextNs) : undefined;
  const name = meta.name ?? "";
  if (name === "") {
    const resource = `${info.group === "" ? "" : info.group}/${info.apiVersion.split("/").pop()}, Resource=${info.plural}`;
    const gvk = `${info.group === "" ? "" : info.group}/${info.apiVersion.split("/").pop()}, Kind=${info.kind}`;
    if (mode === "replace")
      return fail(
        "missing-name",
        `error: error when replacing "${file}": resource name may not be empty`,
        "metadata.name",
      );
    return fail(
      "missing-name",
      mode === "create"
        ? `The ${info.kind} "" is invalid: metadata.name: Required value: name or generateName is required`
        : `error: error when retrieving current configuration of:\nResource: "${resource}", GroupVersionKind: "${gvk}"\nName: "", Namespace: "${namespace ?? ""}"\nfrom server for: "${file}": resource name may not be empty`,
      "metadata.name",
    );
  }
  const manifest = { ...raw, metadata: { ...meta, ...(namespace !== undefined ? { namespace } : {}) } };
  const lastApplied = mode === "apply" || options.saveConfig ? `${canonicalJson(manifest)}\n` : undefined;
  if (mode === "replace")
    return replaceObject(tx, info, raw, missing, { file, namespace, name, lastApplied });
  if (namespace !== undefined && !tx.get("Namespace", undefined, namespace)) {
    return fail(
      "not-found",
      `Error from server (NotFound): error when creating "${file}": namespaces "${namespace}" not found`,
      "metadata.namespace",
    );
  }
  const live = tx.get(info.kind, namespace, name);
  if (live && mode === "create") {
    return fail(
      "conflict",
      `Error from server (AlreadyExists): error when creating "${file}": ${groupResource(info)} "${name}" already exists`,
      "metadata.name",
    );
  }
  const annotations = {
    ...(meta.annotations ?? {}),
    ...(lastApplied ? { [LAST_APPLIED]: lastApplied } : {}),
  };
  const draft = {
    ...raw,
    metadata: {
      ...stripServerFields(meta),
      name,
      ...(namespace !== undefined ? { namespace } : {}),
      ...(Object.keys(annotations).length ? { annotations } : {}),
    },
  };
  const ok = { ok: true as const, kind: info.kind, apiVersion: info.apiVersion, name, namespace };

  if (!live) {
    const admitted = admitCreate(tx, info.kind, draft, missing);
    if (!admitted.ok) return invalid(info.kind, name, admitted.errors);
    tx.create(admitted.object as KubeObject & { metadata: { name: string } });
    return { ...ok, action: "created", ...withWarnings(info.kind, admitted.object) };
  }
  if (live.metadata.annotations?.[LAST_APPLIED] === lastApplied && !live.metadata.deletionTimestamp)
    return { ...ok, action: "unchanged" };
  if (missing.length > 0) return invalid(info.kind, name, missing);
  const next = mergeForUpdate(info.kind, live, draft);
  const admitted = admitCreate(
    tx,
    info.kind,
    { ...next, metadata: { ...next.metadata, name } } as never,
    [],
    live,
  );
  if (!admitted.ok) return invalid(info.kind, name, admitted.errors);
  const updateErrors = validateUpdate(info.kind, live, next);
  if (updateErrors.length > 0) return invalid(info.kind, name, updateErrors);
  const refused = resizeRefusal(tx, live, next, file, "patching");
  if (refused) return refused;
  const stored = ADMISSION_OWNS_UPDATE.has(info.kind) ? { ...next, spec: admitted.object.spec } : next;
  writeUpdate(tx, live, stored);
  const warnings = withWarnings(info.kind, stored).warnings ?? [];
  // kubectl's own warning (apply.go, warningNoLastAppliedConfigAnnotation), before its patch: the
  // object was made by `create` or `run`, so apply's three-way merge has no last configuration.
  if (mode === "apply" && live.metadata.annotations?.[LAST_APPLIED] === undefined)
    warnings.unshift(
      `resource ${info.plural}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`,
    );
  return { ...ok, action: "configured", ...(warnings.length > 0 ? { warnings } : {}) };
}

const STORAGE_KINDS = new Set([
  "PersistentVolume",
  "PersistentVolumeClaim",
  "StorageClass",
  "ConfigMap",
  "Secret",
]);

/** The live object with the manifest's fields laid over it, keeping what the server and controllers own. */
function mergeForUpdate(
  kind: string,
  live: KubeObject,
  draft: Record<string, unknown> & { metadata: ObjectMeta },
): KubeObject {
  if (STORAGE_KINDS.has(kind)) {
    // Controllers annotate claims and volumes; a re-applied manifest keeps what it does not mention.
    const merged = mergeStorageSpec(kind, live, draft);
    return {
      ...merged,
      metadata: {
        ...live.metadata,
        labels: { ...live.metadata.labels, ...draft.metadata.labels },
        annotations: { ...live.metadata.annotations, ...draft.metadata.annotations },
      },
    } as KubeObject;
  }
  const metadata = {
    ...live.metadata,
    labels: draft.metadata.labels,
    annotations: draft.metadata.annotations,
  };
  let spec: unknown = draft.spec;
  if (kind === "Pod") {
    const liveSpec = live.spec as PodSpec;
    const desired = defaultPodSpec(draft.spec as PodSpec);
    const token = liveSpec.volumes?.find((v) => v.name.startsWith("kube-api-access-"));
    const tokenMount = liveSpec.containers[0]?.volumeMounts?.find((m) =>
      m.name.startsWith("kube-api-access-"),
    );
    const containers = keepDefaultedPullPolicy(
      desired.containers,
      (draft.spec as PodSpec).containers,
      liveSpec.containers,
    );
    spec = {
      ...liveSpec,
      ...desired,
      containers: containers.map((c) => ({
        ...c,
        volumeMounts: [...(c.volumeMounts ?? []), ...(tokenMount ? [tokenMount] : [])],
      })),
      volumes: [...(desired.volumes ?? []), ...(token ? [token] : [])],
      nodeName: liveSpec.nodeName,
      tolerations: liveSpec.tolerations,
      serviceAccountName: liveSpec.serviceAccountName,
      serviceAccount: liveSpec.serviceAccount,
      priority: liveSpec.priority,
      preemptionPolicy: liveSpec.preemptionPolicy,
    };
  } else if (kind === "Deployment") {
    const desired = defaultDeploymentSpec(draft.spec as never) as Deployment["spec"];
    const template = desired.template;
    spec = {
      ...desired,
      template: {
        ...template,
        spec: {
          ...template.spec,
          containers: keepDefaultedPullPolicy(
            template.spec.containers,
            (draft.spec as Deployment["spec"]).template.spec.containers,
            (live as Deployment).spec.template.spec.containers,
          ),
        },
      },
    };
  } else if (kind === "ReplicaSet") {
    const s = draft.spec as { replicas?: number; template: never };
    spec = { ...s, replicas: s.replicas ?? 1, template: defaultTemplate(s.template) };
  } else if (kind === "Namespace") {
    spec = live.spec;
  }
  return { ...live, metadata, spec } as KubeObject;
}

/**
 * A default the API server filled in at creation stays when a later manifest leaves the field out
 * (apply's three-way merge patches only what the manifest says): a container created from `nginx`
 * (imagePullPolicy Always) keeps Always when the manifest changes its image to `nginx:1.27`, where
 * defaulting anew would give IfNotPresent, a change a pod's update may not make.
 */
function keepDefaultedPullPolicy<C extends { name: string; imagePullPolicy?: string }>(
  desired: readonly C[],
  manifest: readonly { name: string; imagePullPolicy?: string }[],
  live: readonly C[],
): C[] {
  return desired.map((c) => {
    if (manifest.find((m) => m.name === c.name)?.imagePullPolicy !== undefined) return c;
    const before = live.find((l) => l.name === c.name)?.imagePullPolicy;
    return before === undefined || before === c.imagePullPolicy ? c : { ...c, imagePullPolicy: before };
  });
}

export { objectKey };
