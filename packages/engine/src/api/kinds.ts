import type { z } from "zod";
import { NamespaceSchema, NodeSchema } from "./cluster-kinds";
import { PodSchema } from "./pod";
import { EndpointSliceSchema, EndpointsSchema, ServiceSchema } from "./service";
import {
  ConfigMapSchema,
  PersistentVolumeClaimSchema,
  PersistentVolumeSchema,
  SecretSchema,
  StorageClassSchema,
} from "./storage";
import { DeploymentSchema, ReplicaSetSchema } from "./workloads";

// The API resources the simulated API server serves, as `kubectl api-resources` lists them.
export interface KindInfo {
  kind: string;
  apiVersion: string;
  group: string;
  plural: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  /** The decoder; undefined for kinds only controllers write (Event). */
  schema?: z.ZodType;
}

export const KINDS: readonly KindInfo[] = [
  {
    kind: "Namespace",
    apiVersion: "v1",
    group: "",
    plural: "namespaces",
    singular: "namespace",
    shortNames: ["ns"],
    namespaced: false,
    schema: NamespaceSchema,
  },
  {
    kind: "Node",
    apiVersion: "v1",
    group: "",
    plural: "nodes",
    singular: "node",
    shortNames: ["no"],
    namespaced: false,
    schema: NodeSchema,
  },
  {
    kind: "Pod",
    apiVersion: "v1",
    group: "",
    plural: "pods",
    singular: "pod",
    shortNames: ["po"],
    namespaced: true,
    schema: PodSchema,
  },
  {
    kind: "Event",
    apiVersion: "v1",
    group: "",
    plural: "events",
    singular: "event",
    shortNames: ["ev"],
    namespaced: true,
  },
  {
    kind: "Service",
    apiVersion: "v1",
    group: "",
    plural: "services",
    singular: "service",
    shortNames: ["svc"],
    namespaced: true,
    schema: ServiceSchema,
  },
  {
    kind: "Endpoints",
    apiVersion: "v1",
    group: "",
    plural: "endpoints",
    singular: "endpoints",
    shortNames: ["ep"],
    namespaced: true,
    schema: EndpointsSchema,
  },
  {
    kind: "EndpointSlice",
    apiVersion: "discovery.k8s.io/v1",
    group: "discovery.k8s.io",
    plural: "endpointslices",
    singular: "endpointslice",
    shortNames: [],
    namespaced: true,
    schema: EndpointSliceSchema,
  },
  {
    kind: "Deployment",
    apiVersion: "apps/v1",
    group: "apps",
    plural: "deployments",
    singular: "deployment",
    shortNames: ["deploy"],
    namespaced: true,
    schema: DeploymentSchema,
  },
  {
    kind: "ReplicaSet",
    apiVersion: "apps/v1",
    group: "apps",
    plural: "replicasets",
    singular: "replicaset",
    shortNames: ["rs"],
    namespaced: true,
    schema: ReplicaSetSchema,
  },
  {
    kind: "PersistentVolume",
    apiVersion: "v1",
    group: "",
    plural: "persistentvolumes",
    singular: "persistentvolume",
    shortNames: ["pv"],
    namespaced: false,
    schema: PersistentVolumeSchema,
  },
  {
    kind: "PersistentVolumeClaim",
    apiVersion: "v1",
    group: "",
    plural: "persistentvolumeclaims",
    singular: "persistentvolumeclaim",
    shortNames: ["pvc"],
    namespaced: true,
    schema: PersistentVolumeClaimSchema,
  },
  {
    kind: "ConfigMap",
    apiVersion: "v1",
    group: "",
    plural: "configmaps",
    singular: "configmap",
    shortNames: ["cm"],
    namespaced: true,
    schema: ConfigMapSchema,
  },
  {
    kind: "Secret",
    apiVersion: "v1",
    group: "",
    plural: "secrets",
    singular: "secret",
    shortNames: [],
    namespaced: true,
    schema: SecretSchema,
  },
  {
    kind: "StorageClass",
    apiVersion: "storage.k8s.io/v1",
    group: "storage.k8s.io",
    plural: "storageclasses",
    singular: "storageclass",
    shortNames: ["sc"],
    namespaced: false,
    schema: StorageClassSchema,
  },
];

/** The resource as API errors name it: `pods`, `deployments.apps`. */
export function groupResource(info: KindInfo): string {
  return `${info.plural}${info.group ? `.${info.group}` : ""}`;
}

export function kindInfo(kind: string): KindInfo | undefined {
  return KINDS.find((k) => k.kind === kind);
}

/** Resolves what a learner types after `kubectl get`: plural, singular, short name, Kind, or `plural.group`. */
export function resolveResource(name: string): KindInfo | undefined {
  const lower = name.toLowerCase();
  return KINDS.find(
    (k) =>
      k.plural === lower ||
      k.singular === lower ||
      k.shortNames.includes(lower) ||
      k.kind.toLowerCase() === lower ||
      (k.group !== "" && (`${k.plural}.${k.group}` === lower || `${k.singular}.${k.group}` === lower)),
  );
}
