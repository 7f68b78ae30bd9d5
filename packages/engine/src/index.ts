// @kubejam/engine: a deterministic simulated GKE cluster. This file is the package's public contract.

export type { KubeEvent, Namespace, Node } from "./api/cluster-kinds";
export { type Mapped, mapDocument } from "./api/decode";
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
  PodTemplateSpec,
  Volume,
  VolumeMount,
} from "./api/pod";
export { parseQuantity } from "./api/quantity";
export type {
  EndpointAddress,
  EndpointSlice,
  EndpointSubset,
  Endpoints,
  LoadBalancerIngress,
  Service,
  ServiceSpec,
  ServiceType,
  SliceEndpoint,
  StoredServicePort,
} from "./api/service";
export type {
  AccessMode,
  ConfigMap,
  PersistentVolume,
  PersistentVolumeClaim,
  Secret,
  StorageClass,
} from "./api/storage";
export type { Deployment, ReplicaSet } from "./api/workloads";
export { type CreateClusterOptions, type CreateClusterResult, createCluster } from "./cluster/create-cluster";
export type { Topology, TopologyInput } from "./cluster/topology";
export {
  NOT_COPIED as DEPLOYMENT_ANNOTATIONS_NOT_COPIED,
  REVISION as REVISION_ANNOTATION,
} from "./controllers/deployment";
export type { VolumeBlocker } from "./controllers/kubelet/volume-setup";
export type { NodeVerdict, SchedulingVerdict } from "./controllers/scheduler";
export type { BindRule, VolumeVerdict } from "./controllers/storage/pv-binder";
export type { Hop, HopKind } from "./network/route";
export type { BackendVerdict } from "./network/service-backends";
export { advance, reconcile } from "./ops/advance";
export {
  type ApplyOptions,
  type ApplyResult,
  applyManifests,
  LAST_APPLIED,
  type ManifestFile,
  namespaceMismatch,
} from "./ops/apply";
export { canonicalJson } from "./ops/canonical-json";
export { type DeleteRequest, type DeleteResult, deleteObjects } from "./ops/delete";
export { type AttachedShellRequest, endAttachedShell } from "./ops/end-attached-shell";
export { type ExecOutcome, type ExecRequest, execInPod } from "./ops/exec";
export { type LogsOutcome, type LogsRequest, podLogs } from "./ops/logs";
export { type TraceRequest, type TraceResult, traceRequests } from "./ops/trace";
export { type UpdateResult, updateObject } from "./ops/update";
export { explainPod, explainPodVolumes } from "./ops/why";
export { type ClaimExplanation, type ClaimState, explainClaim } from "./ops/why-claim";
export { type EndpointCheck, explainService, type ServiceExplanation } from "./ops/why-service";
export type { Diagnostic, DiagnosticCode } from "./parse/diagnostic";
export { type ManifestDocument, type ParsedFile, parseManifests } from "./parse/parse-manifests";
export { base64DecodeBytes, base64Encode } from "./runtime/base64";
export { sha256Hex } from "./runtime/sha256";
export { parseRfc3339, rfc3339 } from "./runtime/time";
export { isShellCommand } from "./shell/shell-program";
export { parseLabelSelector, selectorMatches } from "./store/labels";
export { getObject, listObjects } from "./store/queries";
export type { ClusterState } from "./store/state";
export { configMapKeyErrors, envVarNameErrors, labelValueErrors } from "./validation/names";
export { portNameErrors } from "./validation/service";
export {
  type ClusterGraph,
  type ClusterGraphOptions,
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
  SYSTEM_NAMESPACES,
} from "./view/cluster-graph";
export {
  type ExplainOptions,
  explainCluster,
  WHY_CODES,
  type WhyCode,
  type WhyReason,
  type WhyRecord,
} from "./view/verdicts";
