// `--field-selector`: the API server's field selectors (k8s.io/apimachinery/pkg/fields), with the
// fields each built-in kind supports (pkg/registry/core/*/strategy.go: ToSelectableFields and the
// conversion funcs' field label lists). Any other field is a 400 from the server.
import type { KindInfo, KubeObject } from "@kubejam/engine";

type Field = (o: KubeObject) => unknown;

/** Reads a dotted field of an object (`spec.nodeName`), undefined where a step is missing. */
function field(dotted: string): Field {
  const keys = dotted.split(".");
  return (o) =>
    keys.reduce<unknown>(
      (v, k) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined),
      o,
    );
}

const flag = (dotted: string): Field => {
  const get = field(dotted);
  return (o) => String(get(o) === true);
};

const KIND_FIELDS: Record<string, Record<string, Field>> = {
  Pod: {
    "spec.nodeName": field("spec.nodeName"),
    "spec.restartPolicy": field("spec.restartPolicy"),
    "spec.schedulerName": field("spec.schedulerName"),
    "spec.serviceAccountName": field("spec.serviceAccountName"),
    "spec.hostNetwork": flag("spec.hostNetwork"),
    "status.phase": field("status.phase"),
    "status.podIP": field("status.podIP"),
    "status.nominatedNodeName": field("status.nominatedNodeName"),
  },
  Event: {
    "involvedObject.kind": field("involvedObject.kind"),
    "involvedObject.namespace": field("involvedObject.namespace"),
    "involvedObject.name": field("involvedObject.name"),
    "involvedObject.uid": field("involvedObject.uid"),
    "involvedObject.apiVersion": field("involvedObject.apiVersion"),
    "involvedObject.resourceVersion": field("involvedObject.resourceVersion"),
    "involvedObject.fieldPath": field("involvedObject.fieldPath"),
    reason: field("reason"),
    reportingComponent: field("reportingComponent"),
    source: field("source.component"),
    type: field("type"),
  },
  Node: { "spec.unschedulable": flag("spec.unschedulable") },
  Namespace: { "status.phase": field("status.phase") },
  Secret: { type: field("type") },
  ReplicaSet: { "status.replicas": (o) => String(field("status.replicas")(o) ?? 0) },
};

const COMMON: Record<string, Field> = {
  "metadata.name": field("metadata.name"),
  "metadata.namespace": field("metadata.namespace"),
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
  unsupported: string,
): string {
  const version = info.apiVersion.split("/").pop() ?? "v1";
  return `Error from server (BadRequest): Unable to find {"${info.group}" "${version}" "${info.plural}"} that match label selector "${labelSelector}", field selector "${fieldSelector}": field label not supported: ${unsupported}`;
}
