// The one shape of every "why" record, whatever the kind: pods the scheduler or the kubelet holds back,
// claims the PV controller cannot bind, Services without endpoints. The app's why list, the editor's
// markers and the diagram's hover all render these; none re-derives a rule.

/** A closed set, so that a UI can explain each code in the learner's language. */
export const WHY_CODES = [
  // Pods, from the scheduler.
  "node-selector-mismatch",
  "insufficient-cpu",
  "insufficient-memory",
  "too-many-pods",
  "node-unschedulable",
  "node-not-ready",
  "claim-not-found",
  "claim-unbound",
  "claim-deleting",
  "volume-bind-conflict",
  "volume-node-conflict",
  // Pods, from the kubelet.
  "image-pull",
  "crash-loop",
  "container-error",
  "container-creating",
  "disk-attached-elsewhere",
  "disk-attaching",
  "config-missing",
  "volume-setup-failed",
  "nfs-server-unreachable",
  "nfs-path-not-exported",
  // Claims, from the PV controller: the claim's own state…
  "class-not-found",
  "wait-for-first-consumer",
  "wait-for-pod-scheduled",
  "no-volume-matches",
  "no-provisioner",
  "provisioning-failed",
  "external-provisioner",
  "volume-name-missing",
  "volume-name-mismatch",
  "volume-name-taken",
  "claim-lost",
  // …and, per rule, the volumes that rule ruled out.
  "volume-access-modes",
  "volume-capacity",
  "volume-mode",
  "volume-selector",
  "volume-class",
  "volume-bound-to-other",
  "volume-phase",
  "volume-node-affinity",
  // Services, from the endpoints controllers and kube-proxy.
  "service-no-pods",
  "selector-mismatch",
  "selector-label-missing",
  "selector-other-namespace",
  "endpoint-not-ready",
  "endpoint-not-running",
  "target-port-missing",
  "endpoint-not-listening",
  "other",
] as const;
export type WhyCode = (typeof WHY_CODES)[number];

export interface WhyReason {
  code: WhyCode;
  /** The engine's words for this reason (kubectl's English). */
  text: string;
  /** The field of the object's manifest this reason points at, as the API server writes paths. */
  fieldPath?: string;
  /** How many candidates (nodes, volumes, pods) gave this reason. */
  count?: number;
  /** Values that help a learner: the labels a selector asked for, the image name, the claim, … */
  values?: Record<string, string>;
}

export interface WhyRecord {
  /** The object's store key, `Kind/namespace/name`. */
  id: string;
  kind: string;
  namespace?: string;
  name: string;
  /** Who decided: `default-scheduler`, `kubelet`, `persistentvolume-controller`, `endpoint-controller`, … */
  source: string;
  /** The full message as the event or `kubectl describe` shows it, or the engine's summary in kubectl's English. */
  message: string;
  reasons: WhyReason[];
}
