// Golden files for the storage tables and describers at a fixed clock (kubectl 1.33 layout; see
// test/golden/printers/README.md). The scenario goldens show the same printers over the real engine.
import { describe, expect, it } from "vitest";
import { NOW } from "../../test/fixtures/clock";
import { claims, configMaps, persistentVolumes, secrets, storageClasses } from "../../test/fixtures/storage";
import { describeConfigMap, describeSecret } from "../describe/configmap";
import { describePersistentVolume } from "../describe/pv";
import { describePersistentVolumeClaim } from "../describe/pvc";
import { describeStorageClass } from "../describe/storageclass";
import { TABLES } from "./registry";
import { printTable, tableSection } from "./table";

function golden(name: string, command: string, output: string): Promise<void> {
  return expect(`$ ${command}\n${output}`).toMatchFileSnapshot(`../../test/golden/printers/${name}.txt`);
}

describe("storage tables", () => {
  it("persistentvolumes", async () => {
    const section = tableSection(TABLES.PersistentVolume, persistentVolumes, NOW);
    await golden("get-pv", "kubectl get pv", printTable(section));
    await golden("get-pv-wide", "kubectl get pv -o wide", printTable(section, { wide: true }));
  });

  it("persistentvolumeclaims", async () => {
    const section = tableSection(TABLES.PersistentVolumeClaim, claims, NOW);
    await golden("get-pvc", "kubectl get pvc", printTable(section));
    await golden("get-pvc-wide", "kubectl get pvc -o wide", printTable(section, { wide: true }));
    await golden(
      "get-pvc-all-namespaces",
      "kubectl get pvc -A --show-labels",
      printTable(section, { allNamespaces: true, showLabels: true }),
    );
  });

  it("storageclasses, configmaps, secrets", async () => {
    await golden(
      "get-sc",
      "kubectl get sc",
      printTable(tableSection(TABLES.StorageClass, storageClasses, NOW)),
    );
    await golden("get-cm", "kubectl get cm", printTable(tableSection(TABLES.ConfigMap, configMaps, NOW)));
    await golden("get-secrets", "kubectl get secrets", printTable(tableSection(TABLES.Secret, secrets, NOW)));
  });
});

describe("storage describers", () => {
  it.each(persistentVolumes.map((pv) => [pv.metadata.name, pv] as const))(
    "describe pv %s",
    async (name, pv) => {
      await golden(
        `describe-pv-${name.slice(0, 12)}`,
        `kubectl describe pv ${name}`,
        describePersistentVolume(pv, { events: [] }, NOW),
      );
    },
  );

  it.each(claims.map((c) => [c.metadata.name, c] as const))("describe pvc %s", async (name, pvc) => {
    await golden(
      `describe-pvc-${name}`,
      `kubectl describe pvc ${name}`,
      describePersistentVolumeClaim(pvc, { events: [], pods: [] }, NOW),
    );
  });

  it("describe sc, cm, secret", async () => {
    const [premium, slow] = storageClasses;
    if (!premium || !slow) throw new Error("fixture");
    await golden(
      "describe-sc-premium-rwo",
      "kubectl describe sc premium-rwo",
      describeStorageClass(premium, { events: [] }, NOW),
    );
    await golden(
      "describe-sc-slow",
      "kubectl describe sc slow",
      describeStorageClass(slow, { events: [] }, NOW),
    );
    const cm = configMaps[1];
    const secret = secrets[0];
    if (!cm || !secret) throw new Error("fixture");
    await golden("describe-cm", "kubectl describe cm web-config", describeConfigMap(cm, { events: [] }, NOW));
    await golden("describe-secret", "kubectl describe secret db-credentials", describeSecret(secret));
  });
});
