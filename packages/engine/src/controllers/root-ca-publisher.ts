import type { Namespace } from "../api/cluster-kinds";
import type { ConfigMap } from "../api/storage";
import { derivedUid } from "../runtime/derived-uid";
import type { Tx } from "../store/tx";

// pkg/controller/certificates/rootcacertpublisher: every namespace holds the `kube-root-ca.crt`
// ConfigMap (the CA bundle service-account token volumes project). Recreated when deleted.
export const ROOT_CA_CONFIGMAP = "kube-root-ca.crt";
const DESCRIPTION =
  "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.";
export const ROOT_CA_PEM =
  "-----BEGIN CERTIFICATE-----\nMIIELTCCApWgAwIBAgIRAKubejamSimulatedClusterCA\n-----END CERTIFICATE-----\n";

export function reconcileRootCa(tx: Tx): void {
  for (const ns of tx.list<Namespace>("Namespace")) {
    if (ns.metadata.deletionTimestamp) continue;
    const name = ns.metadata.name;
    if (tx.get("ConfigMap", name, ROOT_CA_CONFIGMAP)) continue;
    tx.create<ConfigMap>(
      {
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: {
          name: ROOT_CA_CONFIGMAP,
          namespace: name,
          annotations: { "kubernetes.io/description": DESCRIPTION },
        },
        data: { "ca.crt": ROOT_CA_PEM },
      },
      // Derived from the namespace's uid: publishing it draws nothing from the seeded sequence.
      { uid: derivedUid(`${ns.metadata.uid}/${ROOT_CA_CONFIGMAP}`) },
    );
  }
}
