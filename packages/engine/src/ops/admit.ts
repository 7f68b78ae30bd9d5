import type { KubeObject, ObjectMeta } from "../api/meta";
import type { PodSpec, PodTemplateSpec } from "../api/pod";
import type { Service } from "../api/service";
import { defaultPodSpec } from "../defaults/pod";
import { defaultDeploymentSpec, defaultTemplate } from "../defaults/workloads";
import type { Tx } from "../store/tx";
import { type FieldError, forbidden, invalid, required } from "../validation/field-error";
import { validateMeta } from "../validation/meta";
import { dns1123LabelErrors, dns1123SubdomainErrors } from "../validation/names";
import { validatePodSpec } from "../validation/pod";
import { podUpdateErrors } from "../validation/pod-update";
import { validateWorkloadSpec } from "../validation/workloads";
import { admitService } from "./admit-service";
import {
  admitConfigMap,
  admitPersistentVolume,
  admitPersistentVolumeClaim,
  admitSecret,
  admitStorageClass,
  validateStorageUpdate,
} from "./admit-storage";

/** What the API server's REST strategy does for one kind: defaulting, validation, admission. */
export type Admitted = { ok: true; object: KubeObject } | { ok: false; errors: FieldError[] };

type Draft = Record<string, unknown> & { metadata: ObjectMeta & { name: string }; spec?: unknown };

/**
 * Kinds whose admitted spec is the one to store on update too: the Service strategy allocates a
 * ClusterIP and node ports and keeps the live ones, so its output, not the merged manifest, is stored.
 */
export const ADMISSION_OWNS_UPDATE = new Set(["Service"]);

export function admitCreate(
  tx: Tx,
  kind: string,
  draft: Draft,
  missing: FieldError[],
  live?: KubeObject,
): Admitted {
  switch (kind) {
    case "Service":
      return admitService(tx, draft, missing, live as Service | undefined);
    case "Pod":
      return admitPod(tx, draft, missing);
    case "Deployment":
    case "ReplicaSet":
      return admitWorkload(kind, draft, missing);
    case "PersistentVolume":
      return admitPersistentVolume(draft, missing);
    case "PersistentVolumeClaim":
      return admitPersistentVolumeClaim(tx, draft, missing);
    case "StorageClass":
      return admitStorageClass(draft, missing);
    case "ConfigMap":
      return admitConfigMap(draft, missing);
    case "Secret":
      return admitSecret(draft, missing);
    case "Namespace":
      return finish(
        {
          ...draft,
          spec: { finalizers: ["kubernetes"] },
          status: { phase: "Active" },
          metadata: {
            ...draft.metadata,
            labels: { ...draft.metadata.labels, "kubernetes.io/metadata.name": draft.metadata.name },
          },
        },
        [...missing, ...validateMeta(draft.metadata, dns1123LabelErrors, false)],
      );
    case "Node":
      return finish(
        {
          ...draft,
          spec: draft.spec ?? {},
          status: { conditions: [], addresses: [], capacity: {}, allocatable: {}, images: [] },
        },
        [...missing, ...validateMeta(draft.metadata, dns1123SubdomainErrors, false)],
      );
    default:
      return { ok: false, errors: [forbidden("kind", `${kind} objects are created by the cluster`)] };
  }
}

function finish(object: Record<string, unknown>, errors: FieldError[]): Admitted {
  return errors.length > 0 ? { ok: false, errors } : { ok: true, object: object as unknown as KubeObject };
}

function admitPod(tx: Tx, draft: Draft, missing: FieldError[]): Admitted {
  const spec = draft.spec as PodSpec;
  const errors = [...missing, ...validateMeta(draft.metadata, dns1123SubdomainErrors, true)];
  if (spec?.containers) errors.push(...validatePodSpec(spec, "spec"));
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    object: {
      ...draft,
      spec: admitPodSpec(tx, defaultPodSpec(spec)),
      status: { phase: "Pending", qosClass: qosClass(spec) },
    } as KubeObject,
  };
}

/**
 * Admission plugins that touch every new pod: ServiceAccount (the token volume and its mounts) and
 * DefaultTolerationSeconds (plugin/pkg/admission/serviceaccount, .../defaulttolerationseconds).
 */
export function admitPodSpec(tx: Tx, spec: PodSpec): PodSpec {
  const account = spec.serviceAccountName ?? spec.serviceAccount ?? "default";
  const tokenVolume = `kube-api-access-${tx.ids.suffix(5)}`;
  const mount = {
    name: tokenVolume,
    readOnly: true,
    mountPath: "/var/run/secrets/kubernetes.io/serviceaccount",
  };
  const withMount = <C extends { volumeMounts?: unknown[] }>(c: C): C => ({
    ...c,
    volumeMounts: [...(c.volumeMounts ?? []), mount],
  });
  const tolerations = [...((spec.tolerations as unknown[] | undefined) ?? [])];
  for (const key of ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"]) {
    if (!tolerations.some((t) => (t as { key?: string }).key === key)) {
      tolerations.push({ key, operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 });
    }
  }
  return {
    ...spec,
    serviceAccountName: account,
    serviceAccount: account,
    containers: spec.containers.map(withMount),
    ...(spec.initContainers ? { initContainers: spec.initContainers.map(withMount) } : {}),
    volumes: [
      ...(spec.volumes ?? []),
      {
        name: tokenVolume,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
            { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } },
            {
              downwardAPI: {
                items: [
                  { path: "namespace", fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" } },
                ],
              },
            },
          ],
        },
      },
    ],
    tolerations,
    priority: spec.priority ?? 0,
    preemptionPolicy: spec.preemptionPolicy ?? "PreemptLowerPriority",
  };
}

// pkg/apis/core/helper/qos: Guaranteed when every container's requests equal limits for cpu and memory.
function qosClass(spec: PodSpec): "BestEffort" | "Burstable" | "Guaranteed" {
  const containers = spec.containers ?? [];
  const any = containers.some(
    (c) =>
      Object.keys(c.resources?.requests ?? {}).length + Object.keys(c.resources?.limits ?? {}).length > 0,
  );
  if (!any) return "BestEffort";
  const guaranteed = containers.every((c) =>
    ["cpu", "memory"].every((r) => {
      const limit = c.resources?.limits?.[r];
      const request = c.resources?.requests?.[r] ?? limit;
      return limit !== undefined && String(limit) === String(request);
    }),
  );
  return guaranteed ? "Guaranteed" : "Burstable";
}

function admitWorkload(kind: "Deployment" | "ReplicaSet", draft: Draft, missing: FieldError[]): Admitted {
  const spec = (draft.spec ?? {}) as {
    replicas?: number;
    selector?: never;
    template?: PodTemplateSpec;
    strategy?: { type?: string };
  };
  const errors = [
    ...missing,
    ...validateMeta(draft.metadata, dns1123SubdomainErrors, true),
    ...validateWorkloadSpec(spec, kind),
  ];
  if (errors.length > 0) return { ok: false, errors };
  const template = spec.template as PodTemplateSpec;
  const defaulted =
    kind === "Deployment"
      ? defaultDeploymentSpec({ ...spec, template })
      : { ...spec, replicas: spec.replicas ?? 1, template: defaultTemplate(template) };
  const status = kind === "Deployment" ? {} : { replicas: 0 };
  return {
    ok: true,
    object: {
      ...draft,
      metadata: { ...draft.metadata, generation: 1 },
      spec: defaulted,
      status,
    } as unknown as KubeObject,
  };
}

/** Update rules beyond create's: fields the API server refuses to change. */
export function validateUpdate(kind: string, live: KubeObject, next: KubeObject): FieldError[] {
  const storage = validateStorageUpdate(kind, live, next);
  if (storage.length > 0) return storage;
  if (kind === "Deployment" || kind === "ReplicaSet") {
    const a = JSON.stringify((live.spec as { selector?: unknown }).selector);
    const b = JSON.stringify((next.spec as { selector?: unknown }).selector);
    if (a !== b)
      return [invalid("spec.selector", (next.spec as { selector?: unknown }).selector, "field is immutable")];
  }
  if (kind === "Pod") return podUpdateErrors(live, next);
  return [];
}

export const nameRequired = required("metadata.name", "name or generateName is required");
