// @kubejam/engine: a deterministic simulated GKE cluster. This file is the package's public contract.

export type { KubeEvent, Namespace, Node } from "./api/cluster-kinds";
export { type JsonSchema, jsonSchemaFor } from "./api/json-schema";
export { KINDS, type KindInfo, kindInfo, resolveResource } from "./api/kinds";
export type { KubeObject, LabelSelector, ObjectMeta, OwnerReference, StoredMeta } from "./api/meta";
export type {
  Container,
  ContainerState,
  ContainerStatus,
  Pod,
  PodCondition,
  PodSpec,
  PodStatus,
  Volume,
  VolumeMount,
} from "./api/pod";
export { parseQuantity } from "./api/quantity";
export type { Deployment, ReplicaSet } from "./api/workloads";
export { type CreateClusterOptions, type CreateClusterResult, createCluster } from "./cluster/create-cluster";
export type { Topology, TopologyInput } from "./cluster/topology";
export type { NodeVerdict, SchedulingVerdict } from "./controllers/scheduler";
export { advance, reconcile } from "./ops/advance";
export {
  type ApplyOptions,
  type ApplyResult,
  applyManifests,
  LAST_APPLIED,
  type ManifestFile,
} from "./ops/apply";
export { canonicalJson } from "./ops/canonical-json";
export { type DeleteRequest, type DeleteResult, deleteObjects } from "./ops/delete";
export { type ExecOutcome, type ExecRequest, execInPod } from "./ops/exec";
export { type LogsOutcome, type LogsRequest, podLogs } from "./ops/logs";
export { type UpdateResult, updateObject } from "./ops/update";
export { explainPod } from "./ops/why";
export type { Diagnostic, DiagnosticCode } from "./parse/diagnostic";
export { type ManifestDocument, type ParsedFile, parseManifests } from "./parse/parse-manifests";
export { parseRfc3339, rfc3339 } from "./runtime/time";
export { parseLabelSelector, selectorMatches } from "./store/labels";
export { getObject, listObjects } from "./store/queries";
export type { ClusterState } from "./store/state";
export {
  type ClusterGraph,
  clusterGraph,
  type GraphClaim,
  type GraphContainer,
  type GraphEdge,
  type GraphEdgeKind,
  type GraphMount,
  type GraphNode,
  type GraphPersistentVolume,
  type GraphPod,
  type GraphService,
  type GraphStorageClass,
  type GraphVolume,
  type GraphVpc,
  type Health,
} from "./view/cluster-graph";
export { explainCluster, WHY_CODES, type WhyCode, type WhyReason, type WhyRecord } from "./view/verdicts";
