// Which columns and row function print each kind (the TableHandler registrations of
// pkg/printers/internalversion/printers.go: AddHandlers).
import type {
  ConfigMap,
  Deployment,
  EndpointSlice,
  Endpoints,
  KubeEvent,
  KubeObject,
  Namespace,
  Node,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  ReplicaSet,
  Secret,
  Service,
  StorageClass,
} from "@kubejam/engine";
import { translateTimestampSince } from "./age";
import { configMapColumns, configMapRow, secretColumns, secretRow } from "./configmap";
import { deploymentColumns, deploymentRow } from "./deployment";
import { endpointSliceColumns, endpointSliceRow, endpointsColumns, endpointsRow } from "./endpoints";
import { eventColumns, eventRow } from "./event";
import { namespaceColumns, namespaceRow } from "./namespace";
import { nodeColumns, nodeRow } from "./node";
import { podColumns, podRow } from "./pod";
import { pvColumns, pvRow } from "./pv";
import { pvcColumns, pvcRow } from "./pvc";
import { replicaSetColumns, replicaSetRow } from "./replicaset";
import { serviceColumns, serviceRow } from "./service";
import { storageClassColumns, storageClassRow } from "./storageclass";
import type { TableDef } from "./table";

export interface TableDefs {
  Pod: TableDef<Pod>;
  Deployment: TableDef<Deployment>;
  ReplicaSet: TableDef<ReplicaSet>;
  Node: TableDef<Node>;
  Namespace: TableDef<Namespace>;
  Event: TableDef<KubeEvent>;
  Service: TableDef<Service>;
  Endpoints: TableDef<Endpoints>;
  EndpointSlice: TableDef<EndpointSlice>;
  PersistentVolume: TableDef<PersistentVolume>;
  PersistentVolumeClaim: TableDef<PersistentVolumeClaim>;
  StorageClass: TableDef<StorageClass>;
  ConfigMap: TableDef<ConfigMap>;
  Secret: TableDef<Secret>;
}

export const TABLES: TableDefs = {
  Pod: { kind: "Pod", group: "", namespaced: true, columns: podColumns, row: podRow },
  Deployment: {
    kind: "Deployment",
    group: "apps",
    namespaced: true,
    columns: deploymentColumns,
    row: deploymentRow,
  },
  ReplicaSet: {
    kind: "ReplicaSet",
    group: "apps",
    namespaced: true,
    columns: replicaSetColumns,
    row: replicaSetRow,
  },
  Node: { kind: "Node", group: "", namespaced: false, columns: nodeColumns, row: nodeRow },
  Namespace: {
    kind: "Namespace",
    group: "",
    namespaced: false,
    columns: namespaceColumns,
    row: namespaceRow,
  },
  Event: { kind: "Event", group: "", namespaced: true, columns: eventColumns, row: eventRow },
  Service: { kind: "Service", group: "", namespaced: true, columns: serviceColumns, row: serviceRow },
  Endpoints: { kind: "Endpoints", group: "", namespaced: true, columns: endpointsColumns, row: endpointsRow },
  EndpointSlice: {
    kind: "EndpointSlice",
    group: "discovery.k8s.io",
    namespaced: true,
    columns: endpointSliceColumns,
    row: endpointSliceRow,
  },
  PersistentVolume: {
    kind: "PersistentVolume",
    group: "",
    namespaced: false,
    columns: pvColumns,
    row: pvRow,
  },
  PersistentVolumeClaim: {
    kind: "PersistentVolumeClaim",
    group: "",
    namespaced: true,
    columns: pvcColumns,
    row: pvcRow,
  },
  StorageClass: {
    kind: "StorageClass",
    group: "storage.k8s.io",
    namespaced: false,
    columns: storageClassColumns,
    row: storageClassRow,
  },
  ConfigMap: { kind: "ConfigMap", group: "", namespaced: true, columns: configMapColumns, row: configMapRow },
  Secret: { kind: "Secret", group: "", namespaced: true, columns: secretColumns, row: secretRow },
};

function isTableKind(kind: string): kind is keyof TableDefs {
  return Object.hasOwn(TABLES, kind);
}

/**
 * The table definition for a Kind, typed loosely for callers holding store objects: the caller must pass
 * only objects of that kind. Undefined for kinds without a table (kubectl would fall back to NAME, AGE).
 */
export function tableFor(kind: string): TableDef<KubeObject> | undefined {
  if (!isTableKind(kind)) return undefined;
  const def = TABLES[kind] as unknown as TableDef<KubeObject>;
  return def;
}

// printers.go: AddDefaultHandlers: objectMetaColumnDefinitions for kinds without their own columns
const objectMetaColumns = [
  { name: "Name", priority: 0, isName: true },
  { name: "Age", priority: 0 },
] as const;

/** The NAME / AGE table kubectl prints for a kind it has no columns for. */
export function defaultTable(kind: string, group: string, namespaced: boolean): TableDef<KubeObject> {
  return {
    kind,
    group,
    namespaced,
    columns: objectMetaColumns,
    row: (obj, now) => [obj.metadata.name, translateTimestampSince(obj.metadata.creationTimestamp, now)],
  };
}
