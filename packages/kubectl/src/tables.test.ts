import { applyManifests, createCluster } from "@kubejam/engine";
import { describe, expect, it } from "vitest";
import { run } from "./run";
import { getTables } from "./tables";

describe("getTables", () => {
  it("gives the cells `kubectl get` prints, as data", () => {
    const created = createCluster({ seed: 3 });
    if (!created.ok) throw new Error(created.errors.join("\n"));
    const { state } = applyManifests(created.state, [
      {
        name: "p.yaml",
        text: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: a\n    image: nginx:1.27\n",
      },
    ]);
    const [pods] = getTables(state, { kinds: ["Pod"], wide: true, namespace: "default" });
    expect(pods?.columns).toEqual([
      "NAME",
      "READY",
      "STATUS",
      "RESTARTS",
      "AGE",
      "IP",
      "NODE",
      "NOMINATED NODE",
      "READINESS GATES",
    ]);
    const printed = run(state, ["get", "pods", "-o", "wide"])
      .stdout.split("\n")[1]
      ?.split(/\s{3,}/);
    expect(pods?.rows[0]?.cells).toEqual(printed);
    expect(getTables(state, { kinds: ["Deployment"], namespace: "default" })).toEqual([]);
  });
});
