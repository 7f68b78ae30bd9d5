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
} as const;

export const Component = {
  scheduler: "default-scheduler",
  kubelet: "kubelet",
  replicaset: "replicaset-controller",
  deployment: "deployment-controller",
  service: "service-controller",
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
};
