import { compareStrings } from "./labels";

// An object that kubectl builds itself (a `create deployment|namespace|service|configmap|secret`
// generator, `run`) is a typed Go struct, and encoding/json writes a struct's fields in their
// declared order, where an object read from the API server is a map written with sorted keys. These
// are the k8s.io/api struct orders of the fields the generators set, by JSON name (core/v1, apps/v1
// types.go); a field not listed keeps its place after the listed ones.

type Order = { readonly fields: readonly string[]; readonly nested?: Readonly<Record<string, Order>> };

const OBJECT_META: Order = {
  fields: [
    "name",
    "generateName",
    "namespace",
    "selfLink",
    "uid",
    "resourceVersion",
    "generation",
    "creationTimestamp",
    "deletionTimestamp",
    "deletionGracePeriodSeconds",
    "labels",
    "annotations",
    "ownerReferences",
    "finalizers",
    "managedFields",
  ],
};

const CONTAINER: Order = {
  fields: [
    "name",
    "image",
    "command",
    "args",
    "workingDir",
    "ports",
    "envFrom",
    "env",
    "resources",
    "resizePolicy",
    "restartPolicy",
    "volumeMounts",
    "volumeDevices",
    "livenessProbe",
    "readinessProbe",
    "startupProbe",
    "lifecycle",
    "terminationMessagePath",
    "terminationMessagePolicy",
    "imagePullPolicy",
    "securityContext",
    "stdin",
    "stdinOnce",
    "tty",
  ],
  nested: {
    ports: { fields: ["name", "hostPort", "containerPort", "protocol", "hostIP"] },
    env: { fields: ["name", "value", "valueFrom"] },
    resources: { fields: ["limits", "requests", "claims"] },
  },
};

const POD_SPEC: Order = {
  fields: [
    "volumes",
    "initContainers",
    "containers",
    "ephemeralContainers",
    "restartPolicy",
    "terminationGracePeriodSeconds",
    "activeDeadlineSeconds",
    "dnsPolicy",
    "nodeSelector",
    "serviceAccountName",
    "serviceAccount",
    "automountServiceAccountToken",
    "nodeName",
    "hostNetwork",
    "hostPID",
    "hostIPC",
    "shareProcessNamespace",
    "securityContext",
    "imagePullSecrets",
    "hostname",
    "subdomain",
    "affinity",
    "schedulerName",
    "tolerations",
  ],
  nested: { containers: CONTAINER, initContainers: CONTAINER },
};

const POD_TEMPLATE: Order = {
  fields: ["metadata", "spec"],
  nested: { metadata: OBJECT_META, spec: POD_SPEC },
};

const TOP: Readonly<Record<string, Order>> = {
  Deployment: {
    fields: ["kind", "apiVersion", "metadata", "spec", "status"],
    nested: {
      metadata: OBJECT_META,
      spec: {
        fields: [
          "replicas",
          "selector",
          "template",
          "strategy",
          "minReadySeconds",
          "revisionHistoryLimit",
          "paused",
          "progressDeadlineSeconds",
        ],
        nested: { selector: { fields: ["matchLabels", "matchExpressions"] }, template: POD_TEMPLATE },
      },
    },
  },
  Pod: {
    fields: ["kind", "apiVersion", "metadata", "spec", "status"],
    nested: { metadata: OBJECT_META, spec: POD_SPEC },
  },
  Service: {
    fields: ["kind", "apiVersion", "metadata", "spec", "status"],
    nested: {
      metadata: OBJECT_META,
      spec: {
        fields: [
          "ports",
          "selector",
          "clusterIP",
          "clusterIPs",
          "type",
          "externalIPs",
          "sessionAffinity",
          "loadBalancerIP",
          "loadBalancerSourceRanges",
          "externalName",
        ],
        nested: { ports: { fields: ["name", "protocol", "appProtocol", "port", "targetPort", "nodePort"] } },
      },
    },
  },
  Namespace: {
    fields: ["kind", "apiVersion", "metadata", "spec", "status"],
    nested: { metadata: OBJECT_META },
  },
  ConfigMap: {
    fields: ["kind", "apiVersion", "metadata", "immutable", "data", "binaryData"],
    nested: { metadata: OBJECT_META },
  },
  Secret: {
    fields: ["kind", "apiVersion", "metadata", "immutable", "data", "stringData", "type"],
    nested: { metadata: OBJECT_META },
  },
};

/**
 * The object with its keys in its Go struct's order. A value with no order listed is a map (labels,
 * data, a selector) or a struct of at most one field here: Go writes a map's keys sorted.
 */
export function typedOrder(obj: Record<string, unknown>): Record<string, unknown> {
  const order = TOP[String(obj.kind)];
  return order ? (ordered(obj, order) as Record<string, unknown>) : obj;
}

function ordered(value: unknown, order: Order): unknown {
  if (Array.isArray(value)) return value.map((v) => ordered(v, order));
  if (value === null || typeof value !== "object") return value;
  const src = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const keys = [
    ...order.fields.filter((f) => f in src),
    ...Object.keys(src).filter((k) => !order.fields.includes(k)),
  ];
  for (const key of keys) {
    const nested = order.nested?.[key];
    out[key] = nested ? ordered(src[key], nested) : sortedKeys(src[key]);
  }
  return out;
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== "object") return value;
  const src = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(src).sort(compareStrings)) out[key] = sortedKeys(src[key]);
  return out;
}
