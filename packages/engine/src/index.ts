// @kubejam/engine: a deterministic simulated GKE cluster. This file is the package's public contract.
export type { ClusterState } from "./store/state";
export type { KubeObject, ObjectMeta, StoredMeta, LabelSelector, OwnerReference } from "./api/meta";
export type { Pod, PodSpec, PodStatus, Container, ContainerStatus, ContainerState, PodCondition, Volume, VolumeMount } from "./api/pod";
export type { Deployment, ReplicaSet } from "./api/workloads";
export type { Node, Namespace, KubeEvent } from "./api/cluster-kinds";
export type { Diagnostic, DiagnosticCode } from "./parse/diagnostic";
export type { Topology, TopologyInput } from "./cluster/topology";
export type { SchedulingVerdict, NodeVerdict } from "./controllers/scheduler";

export { KINDS, kindInfo, resolveResource, type KindInfo } from "./api/kinds";
export { parseQuantity } from "./api/quantity";
export { createCluster, type CreateClusterOptions, type CreateClusterResult } from "./cluster/create-cluster";
export { applyManifests, LAST_APPLIED, type ApplyOptions, type ApplyResult, type ManifestFile } from "./ops/apply";
export { canonicalJson } from "./ops/canonical-json";
export { deleteObjects, type DeleteRequest, type DeleteResult } from "./ops/delete";
export { updateObject, type UpdateResult } from "./ops/update";
export { execInPod, type ExecRequest, type ExecOutcome } from "./ops/exec";
export { podLogs, type LogsRequest, type LogsOutcome } from "./ops/logs";
export { advance, reconcile } from "./ops/advance";
export { explainPod } from "./ops/why";
export { getObject, listObjects } from "./store/queries";
export { parseLabelSelector, selectorMatches } from "./store/labels";
export { parseManifests } from "./parse/parse-manifests";
export { rfc3339, parseRfc3339 } from "./runtime/time";
export { jsonSchemaFor, type JsonSchema } from "./api/json-schema";
