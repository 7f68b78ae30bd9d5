// The Volumes section (staging/src/k8s.io/kubectl/pkg/describe/describe.go: describeVolumes and the
// print*VolumeSource helpers for the sources a GKE learner meets).
import type { Volume } from "@kubejam/engine";
import { compareStrings } from "../printers/labels";
import { formatQuantity, parseQuantity } from "../printers/quantity";
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, type PrefixWriter } from "./prefix-writer";

const rec = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const bool = (v: unknown): boolean => v === true;

function printProjected(projected: Record<string, unknown>, w: PrefixWriter): void {
  w.write(LEVEL_2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
  const sources = Array.isArray(projected.sources) ? projected.sources : [];
  for (const s of sources) {
    const source = rec(s) ?? {};
    const secret = rec(source.secret);
    const configMap = rec(source.configMap);
    const token = rec(source.serviceAccountToken);
    // kubectl 1.33 (PR #129457): the Optional flag printed as a bool under each source
    if (secret !== undefined) {
      w.write(LEVEL_2, `SecretName:\t${str(secret.name)}\n    Optional:\t${bool(secret.optional)}\n`);
    } else if (rec(source.downwardAPI) !== undefined) {
      w.write(LEVEL_2, "DownwardAPI:\ttrue\n");
    } else if (configMap !== undefined) {
      w.write(
        LEVEL_2,
        `ConfigMapName:\t${str(configMap.name)}\n    Optional:\t${bool(configMap.optional)}\n`,
      );
    } else if (token !== undefined) {
      w.write(
        LEVEL_2,
        `TokenExpirationSeconds:\t${typeof token.expirationSeconds === "number" ? token.expirationSeconds : 3600}\n`,
      );
    }
  }
}

export function printVolumeAttributes(attributes: unknown, w: PrefixWriter): void {
  // describe.go: printCSIPersistentVolumeAttributesMultilineIndent
  w.write(LEVEL_2, "VolumeAttributes:\t");
  const attrs = rec(attributes) ?? {};
  const keys = Object.keys(attrs).sort(compareStrings);
  if (keys.length === 0) {
    w.writeLine("<none>");
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_2, "\t");
    const line = `${key}=${str(attrs[key])}`;
    w.write(LEVEL_2, line.length > 140 ? `${line.slice(0, 140)}...\n` : `${line}\n`);
  });
}

function describeVolume(volume: Volume, w: PrefixWriter): void {
  if (volume.hostPath !== undefined) {
    w.write(
      LEVEL_2,
      `Type:\tHostPath (bare host directory volume)\n    Path:\t${volume.hostPath.path}\n    HostPathType:\t${volume.hostPath.type ?? "<none>"}\n`,
    );
  } else if (volume.emptyDir !== undefined) {
    const limit = parseQuantity(volume.emptyDir.sizeLimit);
    const sizeLimit = limit !== undefined && limit.nanos > 0n ? formatQuantity(limit) : "<unset>";
    w.write(
      LEVEL_2,
      `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${volume.emptyDir.medium ?? ""}\n    SizeLimit:\t${sizeLimit}\n`,
    );
  } else if (volume.gcePersistentDisk !== undefined) {
    const gce = volume.gcePersistentDisk;
    w.write(
      LEVEL_2,
      "Type:\tGCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)\n" +
        `    PDName:\t${gce.pdName}\n    FSType:\t${gce.fsType ?? ""}\n    Partition:\t${gce.partition ?? 0}\n    ReadOnly:\t${gce.readOnly === true}\n`,
    );
  } else if (volume.secret !== undefined) {
    w.write(
      LEVEL_2,
      `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${str(volume.secret.secretName)}\n    Optional:\t${bool(volume.secret.optional)}\n`,
    );
  } else if (volume.configMap !== undefined) {
    w.write(
      LEVEL_2,
      `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${str(volume.configMap.name)}\n    Optional:\t${bool(volume.configMap.optional)}\n`,
    );
  } else if (volume.nfs !== undefined) {
    w.write(
      LEVEL_2,
      `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${volume.nfs.server}\n    Path:\t${volume.nfs.path}\n    ReadOnly:\t${volume.nfs.readOnly === true}\n`,
    );
  } else if (volume.persistentVolumeClaim !== undefined) {
    w.write(
      LEVEL_2,
      "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n" +
        `    ClaimName:\t${volume.persistentVolumeClaim.claimName}\n    ReadOnly:\t${volume.persistentVolumeClaim.readOnly === true}\n`,
    );
  } else if (volume.ephemeral !== undefined) {
    w.write(
      LEVEL_2,
      "Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n",
    );
  } else if (volume.downwardAPI !== undefined) {
    w.write(LEVEL_2, "Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n");
    const items = Array.isArray(volume.downwardAPI.items) ? volume.downwardAPI.items : [];
    for (const it of items) {
      const item = rec(it) ?? {};
      const fieldRef = rec(item.fieldRef);
      const resourceFieldRef = rec(item.resourceFieldRef);
      if (fieldRef !== undefined) w.write(LEVEL_3, `${str(fieldRef.fieldPath)} -> ${str(item.path)}\n`);
      if (resourceFieldRef !== undefined)
        w.write(LEVEL_3, `${str(resourceFieldRef.resource)} -> ${str(item.path)}\n`);
    }
  } else if (volume.projected !== undefined) {
    printProjected(volume.projected, w);
  } else if (volume.csi !== undefined) {
    w.write(
      LEVEL_2,
      `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${str(volume.csi.driver)}\n    FSType:\t${str(volume.csi.fsType)}\n    ReadOnly:\t${bool(volume.csi.readOnly)}\n`,
    );
    printVolumeAttributes(volume.csi.volumeAttributes, w);
  } else {
    w.write(LEVEL_1, "<unknown>\n");
  }
}

/** describe.go: describeVolumes (`Volumes:  <none>` without volumes; `space` is "  " inside pod templates). */
export function describeVolumes(
  volumes: readonly Volume[] | undefined,
  w: PrefixWriter,
  space: string,
): void {
  if (volumes === undefined || volumes.length === 0) {
    w.write(LEVEL_0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}Volumes:\n`);
  for (const volume of volumes) {
    const nameIndent = space.length > 0 ? " " : "";
    w.write(LEVEL_1, `${nameIndent}${volume.name}:\n`);
    describeVolume(volume, w);
  }
}
