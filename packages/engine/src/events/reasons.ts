// Event reasons and message templates, each with the upstream file it comes from.
export const Reason = {
  // pkg/scheduler/schedule_one.go
  Scheduled: "Scheduled",
  FailedScheduling: "FailedScheduling",
  // pkg/kubelet/events/event.go
  Pulling: "Pulling",
  Pulled: "Pulled",
  Failed: "Failed",
  BackOff: "BackOff",
  Created: "Created",
  Started: "Started",
  Killing: "Killing",
  NodeSchedulable: "NodeSchedulable",
  NodeNotSchedulable: "NodeNotSchedulable",
  InspectFailed: "InspectFailed",
  // pkg/controller/replicaset/replica_set.go
  SuccessfulCreate: "SuccessfulCreate",
  SuccessfulDelete: "SuccessfulDelete",
  FailedCreate: "FailedCreate",
  // pkg/controller/deployment/sync.go
  ScalingReplicaSet: "ScalingReplicaSet",
  // staging/src/k8s.io/cloud-provider/controllers/service/controller.go
  EnsuringLoadBalancer: "EnsuringLoadBalancer",
  EnsuredLoadBalancer: "EnsuredLoadBalancer",
  DeletingLoadBalancer: "DeletingLoadBalancer",
  DeletedLoadBalancer: "DeletedLoadBalancer",
  // pkg/controller/volume/events/event.go (PV controller)
  FailedBinding: "FailedBinding",
  VolumeMismatch: "VolumeMismatch",
  VolumeFailedRecycle: "VolumeFailedRecycle",
  VolumeRecycled: "VolumeRecycled",
  VolumeFailedDelete: "VolumeFailedDelete",
  VolumeDelete: "VolumeDelete",
  ProvisioningFailed: "ProvisioningFailed",
  ProvisioningSucceeded: "ProvisioningSucceeded",
  ExternalProvisioning: "ExternalProvisioning",
  WaitForFirstConsumer: "WaitForFirstConsumer",
  WaitForPodScheduled: "WaitForPodScheduled",
  ClaimLost: "ClaimLost",
  ClaimMisbound: "ClaimMisbound",
  // sig-storage-lib-external-provisioner controller.go
  Provisioning: "Provisioning",
  // kubernetes-csi/external-resizer pkg/controller/controller.go
  Resizing: "Resizing",
  FileSystemResizeRequired: "FileSystemResizeRequired",
  // pkg/kubelet/events/event.go
  FileSystemResizeSuccessful: "FileSystemResizeSuccessful",
  FailedMount: "FailedMount",
  // pkg/controller/volume/attachdetach (kevents in pkg/kubelet/events/event.go)
  SuccessfulAttachVolume: "SuccessfulAttachVolume",
  FailedAttachVolume: "FailedAttachVolume",
} as const;

export const Component = {
  scheduler: "default-scheduler",
  kubelet: "kubelet",
  replicaset: "replicaset-controller",
  deployment: "deployment-controller",
  service: "service-controller",
  pvController: "persistentvolume-controller",
  attachDetach: "attachdetach-controller",
} as const;

export const Messages = {
  // staging/src/k8s.io/cloud-provider/controllers/service/controller.go
  ensuringLoadBalancer: "Ensuring load balancer",
  ensuredLoadBalancer: "Ensured load balancer",
  deletingLoadBalancer: "Deleting load balancer",
  deletedLoadBalancer: "Deleted load balancer",
  // pkg/scheduler/schedule_one.go: "Successfully assigned %v/%v to %v"
  scheduled: (ns: string, pod: string, node: string) => `Successfully assigned ${ns}/${pod} to ${node}`,
  // pkg/kubelet/images/image_manager.go
  pulling: (image: string) => `Pulling image "${image}"`,
  pulled: (image: string, seconds: string, bytes: number) =>
    `Successfully pulled image "${image}" in ${seconds} (${seconds} including waiting). Image size: ${bytes} bytes.`,
  alreadyPresent: (image: string) => `Container image "${image}" already present on machine`,
  backOffPull: (image: string) => `Back-off pulling image "${image}"`,
  // pkg/kubelet/kuberuntime/kuberuntime_container.go (1.32+: "Created container: %s")
  created: (container: string) => `Created container: ${container}`,
  started: (container: string) => `Started container ${container}`,
  killing: (container: string) => `Stopping container ${container}`,
  /** pkg/kubelet/kuberuntime computePodActions: the container's spec changed (e.g. `kubectl set image`). */
  definitionChanged: (container: string) => `Container ${container} definition changed, will be restarted`,
  // pkg/kubelet/kuberuntime/kuberuntime_manager.go (doBackOff)
  backOffRestart: (container: string, pod: string, ns: string, uid: string) =>
    `Back-off restarting failed container ${container} in pod ${pod}_${ns}(${uid})`,
  crashLoopMessage: (delay: string, container: string, pod: string, ns: string, uid: string) =>
    `back-off ${delay} restarting failed container=${container} pod=${pod}_${ns}(${uid})`,
  // pkg/controller/replicaset/replica_set.go
  createdPod: (pod: string) => `Created pod: ${pod}`,
  deletedPod: (pod: string) => `Deleted pod: ${pod}`,
  // The simulator's own pod limit, worded as an API server's Forbidden error.
  podLimitReached: (max: number) =>
    `pods is forbidden: the simulated cluster holds at most ${max} pods (a Kubejam limit)`,
  // pkg/controller/deployment/sync.go (scaleReplicaSet)
  scaled: (direction: "up" | "down", rs: string, from: number, to: number) =>
    `Scaled ${direction} replica set ${rs} from ${from} to ${to}`,
  // pkg/controller/volume/persistentvolume/pv_controller.go (syncUnboundClaim)
  noVolumesNoClass: "no persistent volumes available for this claim and no storage class is set",
  // pv_controller.go (emitEventForUnboundDelayBindingClaim)
  waitForFirstConsumer: "waiting for first consumer to be created before binding",
  waitForPods: (pods: string[]) =>
    pods.length > 1
      ? `waiting for pods ${pods.join(",")} to be scheduled`
      : `waiting for pod ${pods[0] ?? ""} to be scheduled`,
  // pv_controller.go (provisionClaimOperationExternal, 1.30+)
  externalProvisioning: (provisioner: string) =>
    `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
  classNotFound: (name: string) => `storageclass.storage.k8s.io "${name}" not found`,
  noPlugin: (provisioner: string) => `no volume plugin matched name: ${provisioner}`,
  // pv_controller.go (syncUnboundClaim with spec.volumeName)
  volumeMismatch: (volume: string, reason: string) =>
    `Cannot bind to requested volume "${volume}": ${reason}`,
  alreadyBound: (volume: string) => `volume "${volume}" already bound to a different claim.`,
  // pv_controller.go (syncBoundClaim)
  claimLostVolume: "Bound claim has lost its PersistentVolume. Data on the volume is lost!",
  claimLostReference: "Bound claim has lost reference to PersistentVolume. Data on the volume is lost!",
  claimMisbound: "Two claims are bound to the same volume, this one is bound incorrectly",
  // pv_controller.go (deleteVolumeOperation / findDeletablePlugin)
  noDeleter: (volume: string) =>
    `error getting deleter volume plugin for volume "${volume}": no deletable volume plugin matched`,
  // pv_controller.go (recycleVolumeOperation)
  recycled: "Volume recycled",
  noRecycler: "No recycler plugin found for the volume!",
  // sig-storage-lib-external-provisioner controller.go (provisionClaimOperation)
  provisioning: (ns: string, claim: string) =>
    `External provisioner is provisioning volume for claim "${ns}/${claim}"`,
  provisioned: (pv: string) => `Successfully provisioned volume ${pv}`,
  provisionFailed: (cls: string, detail: string) =>
    `failed to provision volume with StorageClass "${cls}": ${detail}`,
  // pd.csi.storage.gke.io (gce-pd-csi-driver pkg/gce-pd-csi-driver/utils.go: validateVolumeCapabilities)
  multiWriter:
    "rpc error: code = InvalidArgument desc = VolumeCapabilities is invalid: specified multi writer with mount access type",
  selectorUnsupported: "claim Selector is not supported",
  // external-resizer / kubelet (operation_generator.go)
  resizing: (pv: string) => `External resizer is resizing volume ${pv}`,
  fsResizeRequired: "Require file system resize of volume on node",
  fsResized: (pv: string, node: string) =>
    `MountVolume.NodeExpandVolume succeeded for volume "${pv}" ${node}`,
  // pkg/controller/volume/attachdetach/reconciler/reconciler.go, operationexecutor GenerateMsg
  attached: (volume: string) => `AttachVolume.Attach succeeded for volume "${volume}"`,
  multiAttach: (volume: string, pods: string[]) =>
    pods.length > 0
      ? `Multi-Attach error for volume "${volume}" Volume is already used by pod(s) ${pods.join(", ")}`
      : `Multi-Attach error for volume "${volume}" Volume is already exclusively attached to one node and can't be attached to another`,
  // pkg/kubelet/volumemanager/volume_manager.go (WaitForAttachAndMount) via kubelet.go
  mountTimeout: (unmounted: string[], unattached: string[]) =>
    `Unable to attach or mount volumes: unmounted volumes=[${unmounted.join(" ")}], unattached volumes=[${unattached.join(" ")}], failed to process volumes=[]: context deadline exceeded`,
  // pkg/volume/configmap, pkg/volume/secret (SetUpAt)
  configMapMissing: (volume: string, name: string) =>
    `MountVolume.SetUp failed for volume "${volume}" : configmap "${name}" not found`,
  secretMissing: (volume: string, name: string) =>
    `MountVolume.SetUp failed for volume "${volume}" : secret "${name}" not found`,
  // pkg/scheduler/framework/plugins/volumebinding (binder.go / volume_binding.go)
  pvcNotFound: (name: string) => `persistentvolumeclaim "${name}" not found`,
  pvcDeleting: (name: string) => `persistentvolumeclaim "${name}" is being deleted`,
  unboundImmediate: "pod has unbound immediate PersistentVolumeClaims",
  volumeNodeConflict: "node(s) had volume node affinity conflict",
  // pkg/scheduler/framework/plugins/volumerestrictions/volume_restrictions.go
  readWriteOncePodConflict:
    "node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode",
  volumeBindConflict: "node(s) didn't find available persistent volumes to bind",
  preBindProvisionFailed: (claim: string) =>
    `running PreBind plugin "VolumeBinding": binding volumes: provisioning failed for PVC "${claim}"`,
};
