import type { Node } from "../../api/cluster-kinds";
import type { Pod } from "../../api/pod";
import type { FsNode } from "../../fs/tree";
import type { ClusterNetwork } from "../../network/cluster-network";
import { CLUSTER_DOMAIN, resolvConf } from "../../network/dns";
import { podResolver } from "../../network/pod-network";
import type { Tx } from "../../store/tx";
import { hostnameOf, KUBELET_FILES, kubeletFileId } from "./container-env";

// The files the kubelet writes for a pod and bind-mounts over every container's /etc
// (pkg/kubelet/kubelet_pods.go makeMounts, managedHostsFileContent; pkg/kubelet/network/dns).

export function writeEtcFiles(tx: Tx, net: ClusterNetwork, pod: Pod, node: Node, ip: string): void {
  const file = (data: string): FsNode => ({ type: "file", data, mode: 0o644 });
  const [hosts, hostname, resolv] = KUBELET_FILES;
  tx.setFs(kubeletFileId(pod.metadata.uid, hosts), file(hostsFile(pod, ip)));
  tx.setFs(kubeletFileId(pod.metadata.uid, hostname), file(`${hostnameOf(pod)}\n`));
  tx.setFs(kubeletFileId(pod.metadata.uid, resolv), file(resolvConf(podResolver(net, pod, node))));
}

export function removeEtcFiles(tx: Tx, pod: Pod): void {
  for (const path of KUBELET_FILES) tx.setFs(kubeletFileId(pod.metadata.uid, path), undefined);
}

function hostsFile(pod: Pod, ip: string): string {
  const name = hostnameOf(pod);
  const domain = pod.spec.subdomain
    ? `${pod.spec.subdomain}.${pod.metadata.namespace ?? "default"}.svc.${CLUSTER_DOMAIN}`
    : "";
  let out =
    "# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n";
  out += domain ? `${ip}\t${name}.${domain}\t${name}\n` : `${ip}\t${name}\n`;
  const aliases = (pod.spec.hostAliases ?? []) as { ip?: string; hostnames?: string[] }[];
  if (aliases.length > 0) {
    out += "\n# Entries added by HostAliases.\n";
    for (const a of aliases) if (a.ip && a.hostnames?.length) out += `${a.ip}\t${a.hostnames.join("\t")}\n`;
  }
  return out;
}
