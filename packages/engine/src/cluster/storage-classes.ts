import { DEFAULT_CLASS_ANNOTATION, type StorageClass } from "../api/storage";
import { derivedUid } from "../runtime/derived-uid";
import type { Tx } from "../store/tx";
import type { Topology } from "./topology";

// The StorageClasses a GKE Standard cluster comes with (GKE: concepts/persistent-volumes; kubernetes-model.md §10).
// GKE's addon manager owns them, hence its labels; their uids are derived from the cluster's name, so adding
// them leaves the seeded sequence of every other uid and name unchanged.
const ADDON_LABELS = {
  "addonmanager.kubernetes.io/mode": "EnsureExists",
  "k8s-app": "gcp-compute-persistent-disk-csi-driver",
};

export function addStorageClasses(tx: Tx, t: Topology): void {
  const make = (
    name: string,
    spec: Omit<StorageClass, "metadata" | "apiVersion" | "kind">,
    isDefault = false,
  ) => {
    tx.create<StorageClass>(
      {
        apiVersion: "storage.k8s.io/v1",
        kind: "StorageClass",
        metadata: {
          name,
          labels: name === "standard" ? { "addonmanager.kubernetes.io/mode": "EnsureExists" } : ADDON_LABELS,
          ...(isDefault ? { annotations: { [DEFAULT_CLASS_ANNOTATION]: "true" } } : {}),
        },
        ...spec,
      },
      { uid: derivedUid(`${t.project}/${t.clusterName}/storageclass/${name}`) },
    );
  };
  make("premium-rwo", {
    provisioner: "pd.csi.storage.gke.io",
    parameters: { type: "pd-ssd" },
    reclaimPolicy: "Delete",
    volumeBindingMode: "WaitForFirstConsumer",
    allowVolumeExpansion: true,
  });
  make("standard", {
    provisioner: "kubernetes.io/gce-pd",
    parameters: { type: "pd-standard" },
    reclaimPolicy: "Delete",
    volumeBindingMode: "Immediate",
    allowVolumeExpansion: true,
  });
  make(
    "standard-rwo",
    {
      provisioner: "pd.csi.storage.gke.io",
      parameters: { type: "pd-balanced" },
      reclaimPolicy: "Delete",
      volumeBindingMode: "WaitForFirstConsumer",
      allowVolumeExpansion: true,
    },
    true,
  );
}
