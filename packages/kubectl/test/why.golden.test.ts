import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type ClusterState, createCluster } from "@kubejam/engine";
import { describe, expect, it } from "vitest";
import { run, runKj } from "../src/index";

// `kjctl why` over the storage-mistakes scenario's cluster: the binder's verdict per volume, as text.
const dir = join(import.meta.dirname, "golden", "scenarios", "storage-mistakes");

function cluster(): ClusterState {
  const created = createCluster({ seed: 1 });
  if (!created.ok) throw new Error("cluster");
  let state = created.state;
  for (const file of ["manual.yaml", "waiting.yaml"]) {
    const r = run(state, ["apply", "-f", file], {
      readManifests: (p) => ({ ok: true, files: [{ name: p, text: readFileSync(join(dir, p), "utf8") }] }),
    });
    state = r.state;
  }
  const cfg = `apiVersion: v1\nkind: Pod\nmetadata: { name: cfg }\nspec:\n  containers: [{ name: app, image: busybox, command: [sleep, "3600"], volumeMounts: [{ name: config, mountPath: /etc/app }] }]\n  volumes: [{ name: config, configMap: { name: app-config } }]\n`;
  state = run(state, ["apply", "-f", "cfg.yaml"], {
    readManifests: (p) => ({ ok: true, files: [{ name: p, text: cfg }] }),
  }).state;
  const secretEnv = `apiVersion: v1\nkind: Pod\nmetadata: { name: secret-env }\nspec:\n  containers: [{ name: app, image: busybox, command: [sleep, "3600"], env: [{ name: PASSWORD, valueFrom: { secretKeyRef: { name: db, key: password } } }] }]\n`;
  state = run(state, ["apply", "-f", "secret-env.yaml"], {
    readManifests: (p) => ({ ok: true, files: [{ name: p, text: secretEnv }] }),
  }).state;
  return state;
}

describe("kjctl why", () => {
  const state = cluster();
  it.each([
    ["why-pvc-data", "pvc/data"],
    ["why-pvc-fast", "pvc/fast"],
    ["why-pod-waiting", "pod/waiting"],
    ["why-pvc-missing", "pvc/nope"],
    ["why-pod-cfg", "pod/cfg"],
    ["why-pod-secret-env", "pod/secret-env"],
  ])("%s", async (name, target) => {
    const r = runKj(state, ["why", target]);
    const text = `$ kjctl why ${target}\n${r.stdout}${r.stderr ? `[stderr]\n${r.stderr}` : ""}[exit ${r.exitCode}]\n`;
    await expect(text).toMatchFileSnapshot(join(import.meta.dirname, "golden", "why", `${name}.txt`));
  });

  it("is not a kubectl command", () => {
    expect(run(state, ["why", "pvc/data"]).stderr).toBe('error: unknown command "why" for "kubectl"\n');
  });
});
