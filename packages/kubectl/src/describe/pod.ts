// `kubectl describe pod` (staging/src/k8s.io/kubectl/pkg/describe/describe.go: describePod, kubectl 1.33).
import type { Pod } from "@kubejam/engine";
import { translateTimestampSince } from "../printers/age";
import type { PodStatusView } from "../printers/container-state";
import { describeContainers, type EnvResolver } from "./containers";
import { describeEvents, eventsFor } from "./events";
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from "./multiline";
import { LEVEL_0, LEVEL_1, PrefixWriter } from "./prefix-writer";
import { podQosClass } from "./qos";
import type { DescribeRelated } from "./related";
import { formatTimestamp } from "./time-format";
import { describeTopologySpreadConstraints } from "./topology";
import { describeVolumes } from "./volumes";

/** describe.go: printController ("Kind/name" of the controller owner reference). */
export function controllerOf(meta: {
  ownerReferences?: { kind: string; name: string; controller?: boolean }[];
}): string {
  const ref = (meta.ownerReferences ?? []).find((r) => r.controller === true);
  return ref === undefined ? "" : `${ref.kind}/${ref.name}`;
}

// describe.go: EnvValueRetriever (fieldpath.ExtractFieldPathAsString for the common downward API fields)
function envResolver(pod: Pod, status: PodStatusView): EnvResolver {
  return (path) => {
    const m = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(path);
    if (m !== null) {
      const map = m[1] === "labels" ? pod.metadata.labels : pod.metadata.annotations;
      return map?.[m[2] ?? ""] ?? "";
    }
    switch (path) {
      case "metadata.name":
        return pod.metadata.name;
      case "metadata.namespace":
        return pod.metadata.namespace ?? "";
      case "metadata.uid":
        return pod.metadata.uid;
      case "spec.nodeName":
        return pod.spec.nodeName ?? "";
      case "spec.serviceAccountName":
        return pod.spec.serviceAccountName ?? "";
      case "status.hostIP":
        return status.hostIP ?? "";
      case "status.podIP":
        return status.podIP ?? "";
      case "status.podIPs":
        return (status.podIPs ?? []).map((p) => p.ip).join(",");
      default:
        return "";
    }
  };
}

export function describePod(pod: Pod, related: DescribeRelated, now: number): string {
  const w = new PrefixWriter();
  const spec = pod.spec;
  const status: PodStatusView = pod.status ?? {};
  const meta = pod.metadata;
  w.write(LEVEL_0, `Name:\t${meta.name}\n`);
  w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ""}\n`);
  if (spec.priority !== undefined) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
  if ((spec.priorityClassName ?? "") !== "")
    w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if ((spec.runtimeClassName ?? "") !== "")
    w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if ((spec.serviceAccountName ?? "") !== "")
    w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec.nodeName ?? "") === "") w.write(LEVEL_0, "Node:\t<none>\n");
  else w.write(LEVEL_0, `Node:\t${spec.nodeName}/${status.hostIP ?? ""}\n`);
  if (status.startTime !== undefined) w.write(LEVEL_0, `Start Time:\t${formatTimestamp(status.startTime)}\n`);
  printLabelsMultiline(w, "Labels", meta.labels);
  printAnnotationsMultiline(w, "Annotations", meta.annotations);
  const phase = status.phase ?? "";
  if ((meta.deletionTimestamp ?? "") !== "" && phase !== "Failed" && phase !== "Succeeded") {
    // a graceful deletion's timestamp lies in the future, so this reads "(lasts <invalid>)" at first
    w.write(
      LEVEL_0,
      `Status:\tTerminating (lasts ${translateTimestampSince(meta.deletionTimestamp, now)})\n`,
    );
    w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(LEVEL_0, `Status:\t${phase}\n`);
  }
  if ((status.reason ?? "") !== "") w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
  if ((status.message ?? "") !== "") w.write(LEVEL_0, `Message:\t${status.message}\n`);
  const seccomp = (
    spec.securityContext as { seccompProfile?: { type?: string; localhostProfile?: string } } | undefined
  )?.seccompProfile;
  if (seccomp !== undefined) {
    w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type ?? ""}\n`);
    if (seccomp.type === "Localhost")
      w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ""}\n`);
  }
  // remove when .IP field is deprecated
  w.write(LEVEL_0, `IP:\t${status.podIP ?? ""}\n`);
  // describe.go: describePodIPs
  const podIPs = status.podIPs ?? [];
  if (podIPs.length === 0) {
    w.write(LEVEL_0, "IPs:\t<none>\n");
  } else {
    w.write(LEVEL_0, "IPs:\n");
    for (const ip of podIPs) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
  }
  const controlledBy = controllerOf(meta);
  if (controlledBy !== "") w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
  if ((status.nominatedNodeName ?? "") !== "")
    w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);

  const resolve = envResolver(pod, status);
  if ((spec.initContainers ?? []).length > 0) {
    describeContainers(
      "Init Containers",
      spec.initContainers ?? [],
      status.initContainerStatuses,
      resolve,
      w,
      "",
    );
  }
  describeContainers("Containers", spec.containers, status.containerStatuses, resolve, w, "");
  const gates = (spec.readinessGates ?? []).map((g) =>
    typeof g === "object" && g !== null && "conditionType" in g ? String(g.conditionType) : "",
  );
  if (gates.length > 0) {
    w.write(LEVEL_0, "Readiness Gates:\n  Type\tStatus\n");
    for (const type of gates) {
      const condition = (status.conditions ?? []).find((c) => c.type === type);
      w.write(LEVEL_1, `${type} \t${condition?.status ?? "<none>"} \n`);
    }
  }
  const conditions = status.conditions ?? [];
  if (conditions.length > 0) {
    w.write(LEVEL_0, "Conditions:\n  Type\tStatus\n");
    for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(spec.volumes, w, "");
  w.write(LEVEL_0, `QoS Class:\t${podQosClass(pod)}\n`);
  printLabelsMultiline(w, "Node-Selectors", spec.nodeSelector);
  printTolerationsMultiline(w, "Tolerations", spec.tolerations);
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, "");
  // describe.go: PodDescriber searches events without the kind (ref.Kind = "")
  describeEvents(
    eventsFor(related.events, { name: meta.name, namespace: meta.namespace ?? "", uid: meta.uid }),
    w,
    now,
  );
  return w.toString();
}
