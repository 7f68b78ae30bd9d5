// `--field-selector`: the API server's field selectors (k8s.io/apimachinery/pkg/fields), with the
// fields each built-in kind supports (pkg/registry/core/*/strategy.go: ToSelectableFields and the
// conversion funcs' field label lists). Any other field is a 400 from the server.
import type { KindInfo, KubeObject } from "@kubejam/engine";

type Field = (o: Record<string, any>) => unknown;

const KIND_FIELDS: Record<string, Record<string, Field>> = {
  Pod: {
    "spec.nodeName": (o) => o.spec?.nodeName,
    "spec.restartPolicy": (o) => o.spec?.restartPolicy,
    "spec.schedulerName": (o) => o.spec?.schedulerName,
    "spec.serviceAccountName": (o) => o.spec?.serviceAccountName,
    "spec.hostNetwork": (o) => String(o.spec?.hostNetwork === true),
    "status.phase": (o) => o.status?.phase,
    "status.podIP": (o) => o.status?.podIP,
    "status.nominatedNodeName": (o) => o.status?.nominatedNodeName,
  },
  Event: {
    "involvedObject.kind": (o) => o.involvedObject?.kind,
    "involvedObject.namespace": (o) => o.involvedObject?.namespace,
    "involvedObject.name": (o) => o.involvedObject?.name,
    "involvedObject.uid": (o) => o.involvedObject?.uid,
    "involvedObject.apiVersion": (o) => o.involvedObject?.apiVersion,
    "involvedObject.resourceVersion": (o) => o.involvedObject?.resourceVersion,
    "involvedObject.fieldPath": (o) => o.involvedObject?.fieldPath,
    reason: (o) => o.reason,
    reportingComponent: (o) => o.reportingComponent,
    source: (o) => o.source?.component,
    type: (o) => o.type,
  },
  Node: { "spec.unschedulable": (o) => String(o.spec?.unschedulable === true) },
  Namespace: { "status.phase": (o) => o.status?.phase },
  Secret: { type: (o) => o.type },
  ReplicaSet: { "status.replicas": (o) => String(o.status?.replicas ?? 0) },
};

const COMMON: Record<string, Field> = {
  "metadata.name": (o) => o.metadata?.name,
  "metadata.namespace": (o) => o.metadata?.namespace,
};

interface Requirement {
  field: string;
  equals: boolean;
  value: string;
}

export type FieldSelector = (o: KubeObject) => boolean;

/** Parses `a=b,c!=d` (also `==`); `undefined` for text the client cannot read. */
export function parseFieldSelector(text: string): Requirement[] | undefined {
  if (text.trim() === "") return [];
  const requirements: Requirement[] = [];
  for (const part of text.split(",")) {
    const m = /^([^=!]+)(!=|==|=)(.*)$/.exec(part.trim());
    if (!m) return undefined;
    requirements.push({ field: (m[1] ?? "").trim(), equals: m[2] !== "!=", value: (m[3] ?? "").trim() });
  }
  return requirements;
}

/** The server's filter for one kind, or the field it does not support. */
export function fieldSelectorFor(
  info: KindInfo,
  requirements: readonly Requirement[],
): { ok: true; matches: FieldSelector } | { ok: false; field: string } {
  const fields = { ...COMMON, ...(KIND_FIELDS[info.kind] ?? {}) };
  const getters: { get: Field; equals: boolean; value: string }[] = [];
  for (const r of requirements) {
    const get = fields[r.field];
    if (!get) return { ok: false, field: r.field };
    getters.push({ get, equals: r.equals, value: r.value });
  }
  return {
    ok: true,
    matches: (o) => getters.every(({ get, equals, value }) => (String(get(o) ?? "") === value) === equals),
  };
}

/** kubectl's message for a field the server refused (cli-runtime's resource visitor). */
export function unsupportedFieldMessage(
  info: KindInfo,
  labelSelector: string,
  fieldSelector: string,
  field: string,
) {
  const version = info.apiVersion.split("/").pop() ?? "v1";
  return `Error from server (BadRequest): Unable to find {"${info.group}" "${version}" "${info.plural}"} that match label selector "${labelSelector}", field selector "${fieldSelector}": field label not supported: ${field}`;
}
