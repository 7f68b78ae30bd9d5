// The Go types the API server decodes manifests into (k8s.io/api), as much of them as a type error
// needs: encoding/json names the struct that holds the field and the field's type, e.g.
// `json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort
// of type int32`. Each struct lists its fields' Go types as reflect prints them; a `v1.X` or `[]v1.X`
// type whose X is listed here is followed into.

const META = { metadata: "v1.ObjectMeta" };

const STRUCTS: Record<string, Record<string, string>> = {
  Pod: { ...META, spec: "v1.PodSpec" },
  Deployment: { ...META, spec: "v1.DeploymentSpec" },
  ReplicaSet: { ...META, spec: "v1.ReplicaSetSpec" },
  Service: { ...META, spec: "v1.ServiceSpec" },
  PersistentVolumeClaim: { ...META, spec: "v1.PersistentVolumeClaimSpec" },
  PersistentVolume: { ...META, spec: "v1.PersistentVolumeSpec" },
  StorageClass: {
    ...META,
    provisioner: "string",
    parameters: "map[string]string",
    allowVolumeExpansion: "bool",
    volumeBindingMode: "v1.VolumeBindingMode",
    reclaimPolicy: "v1.PersistentVolumeReclaimPolicy",
  },
  ConfigMap: { ...META, data: "map[string]string" },
  Namespace: { ...META },
  ObjectMeta: {
    name: "string",
    generateName: "string",
    namespace: "string",
    labels: "map[string]string",
    annotations: "map[string]string",
  },
  PodTemplateSpec: { ...META, spec: "v1.PodSpec" },
  PodSpec: {
    containers: "[]v1.Container",
    initContainers: "[]v1.Container",
    volumes: "[]v1.Volume",
    restartPolicy: "v1.RestartPolicy",
    nodeName: "string",
    nodeSelector: "map[string]string",
    serviceAccountName: "string",
    hostname: "string",
    subdomain: "string",
    hostNetwork: "bool",
    terminationGracePeriodSeconds: "int64",
    dnsPolicy: "v1.DNSPolicy",
  },
  Container: {
    name: "string",
    image: "string",
    command: "[]string",
    args: "[]string",
    workingDir: "string",
    ports: "[]v1.ContainerPort",
    env: "[]v1.EnvVar",
    volumeMounts: "[]v1.VolumeMount",
    imagePullPolicy: "v1.PullPolicy",
    stdin: "bool",
    tty: "bool",
  },
  ContainerPort: { name: "string", hostPort: "int32", containerPort: "int32", protocol: "v1.Protocol" },
  EnvVar: { name: "string", value: "string" },
  VolumeMount: { name: "string", readOnly: "bool", mountPath: "string", subPath: "string" },
  Volume: {
    name: "string",
    hostPath: "v1.HostPathVolumeSource",
    emptyDir: "v1.EmptyDirVolumeSource",
    nfs: "v1.NFSVolumeSource",
    persistentVolumeClaim: "v1.PersistentVolumeClaimVolumeSource",
    configMap: "v1.ConfigMapVolumeSource",
  },
  HostPathVolumeSource: { path: "string" },
  EmptyDirVolumeSource: { medium: "v1.StorageMedium" },
  NFSVolumeSource: { server: "string", path: "string", readOnly: "bool" },
  PersistentVolumeClaimVolumeSource: { claimName: "string", readOnly: "bool" },
  ConfigMapVolumeSource: { name: "string", optional: "bool" },
  DeploymentSpec: {
    replicas: "int32",
    selector: "v1.LabelSelector",
    template: "v1.PodTemplateSpec",
    minReadySeconds: "int32",
    revisionHistoryLimit: "int32",
    paused: "bool",
  },
  ReplicaSetSpec: {
    replicas: "int32",
    minReadySeconds: "int32",
    selector: "v1.LabelSelector",
    template: "v1.PodTemplateSpec",
  },
  LabelSelector: { matchLabels: "map[string]string" },
  ServiceSpec: {
    ports: "[]v1.ServicePort",
    selector: "map[string]string",
    clusterIP: "string",
    type: "v1.ServiceType",
  },
  ServicePort: { name: "string", protocol: "v1.Protocol", port: "int32", nodePort: "int32" },
  PersistentVolumeClaimSpec: {
    accessModes: "[]v1.PersistentVolumeAccessMode",
    selector: "v1.LabelSelector",
    volumeName: "string",
    storageClassName: "string",
  },
  PersistentVolumeSpec: {
    accessModes: "[]v1.PersistentVolumeAccessMode",
    persistentVolumeReclaimPolicy: "v1.PersistentVolumeReclaimPolicy",
    storageClassName: "string",
    nfs: "v1.NFSVolumeSource",
    hostPath: "v1.HostPathVolumeSource",
  },
};

/**
 * The struct holding the field at `path`, the Go type of the value found there, and the JSON field
 * names on the way (array indexes and map keys left out, as encoding/json's error context leaves
 * them), or undefined where this table ends.
 */
export function goField(
  kind: string,
  path: readonly PropertyKey[],
): { struct: string; type: string; fields: string[] } | undefined {
  let struct = kind;
  let type: string | undefined;
  const fields: string[] = [];
  for (const key of path) {
    if (type?.startsWith("[]")) {
      // An element of a slice: its index names no field.
      if (typeof key === "number") type = type.slice(2);
      continue;
    }
    const mapValue = type === undefined ? undefined : /^map\[string\](.+)$/.exec(type)?.[1];
    if (mapValue !== undefined) {
      // A map's value: its key names no field either.
      type = mapValue;
      continue;
    }
    if (typeof key !== "string") return undefined;
    if (type !== undefined) {
      const inner = /^v1\.(\w+)$/.exec(type)?.[1];
      if (inner === undefined || STRUCTS[inner] === undefined) return undefined;
      struct = inner;
    }
    type = STRUCTS[struct]?.[key];
    if (type === undefined) return undefined;
    fields.push(key);
  }
  return type === undefined ? undefined : { struct, type, fields };
}
