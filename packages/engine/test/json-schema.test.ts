import { describe, expect, it } from "vitest";
import { jsonSchemaFor } from "../src/index";

// The editor's JSON Schemas come from the zod schemas; every storage kind has one.
describe("JSON Schema export", () => {
  it.each(["PersistentVolume", "PersistentVolumeClaim", "StorageClass", "ConfigMap", "Secret"])(
    "%s",
    (kind) => {
      const schema = jsonSchemaFor(kind);
      expect(schema?.type).toBe("object");
      expect(schema?.additionalProperties).toBe(false);
    },
  );

  it("a claim's spec lists the fields a learner writes", () => {
    const spec = jsonSchemaFor("PersistentVolumeClaim")?.properties?.spec;
    expect(Object.keys(spec?.properties ?? {})).toEqual(
      expect.arrayContaining([
        "accessModes",
        "resources",
        "storageClassName",
        "volumeName",
        "selector",
        "volumeMode",
      ]),
    );
    expect(jsonSchemaFor("StorageClass")?.required).toEqual(expect.arrayContaining(["provisioner"]));
  });
});
