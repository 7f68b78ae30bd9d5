// The API server refuses a ConfigMap key IsConfigMapKey refuses, one message per rule it breaks.
import { describe, expect, it } from "vitest";
import { TestCluster } from "../../test/test-cluster";

const configMap = (key: string) =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata: { "${key}": x }\n`;

describe("ConfigMap keys", () => {
  it.each([
    [
      "bad key",
      'data[bad key]: Invalid value: "bad key": a valid config key must consist of alphanumeric characters',
    ],
    ["..", "data[..]: Invalid value: \"..\": must not be '..'"],
    ["..hidden", "data[..hidden]: Invalid value: \"..hidden\": must not start with '..'"],
  ])("%j is refused", (key, message) => {
    const c = new TestCluster();
    const [result] = c.apply(configMap(key));
    expect(result?.ok).toBe(false);
    if (result?.ok === false) expect(result.diagnostic.message).toContain(message);
  });

  it("a key with dots, dashes and underscores is kept", () => {
    const c = new TestCluster();
    const [result] = c.apply(configMap("app.settings-v1_x"));
    expect(result?.ok).toBe(true);
  });
});
