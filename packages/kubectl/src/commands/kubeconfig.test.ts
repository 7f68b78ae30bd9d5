// `kubectl config view` and friends over the kubeconfig get-credentials writes, as kubectl v1.33.1
// prints them for the same file.
import { base64Encode, createCluster } from "@kubejam/engine";
import { describe, expect, it } from "vitest";
import { run } from "../run";

const created = createCluster({ seed: 1 });
if (!created.ok) throw new Error(created.errors.join("\n"));
const state = created.state;
const kubectl = (...argv: string[]) => run(state, argv);
const server = /running at (https:\/\/\S+)/.exec(kubectl("cluster-info").stdout)?.[1] ?? "?";
const name = kubectl("config", "current-context").stdout.trim();

const VIEW = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: ${server}
  name: ${name}
contexts:
- context:
    cluster: ${name}
    user: ${name}
  name: ${name}
current-context: ${name}
kind: Config
preferences: {}
users:
- name: ${name}
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      args: null
      command: gke-gcloud-auth-plugin
      env: null
      installHint: Install gke-gcloud-auth-plugin for use with kubectl by following
        https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin
      interactiveMode: IfAvailable
      provideClusterInfo: true
`;

describe("kubectl config", () => {
  it("view prints the kubeconfig with its certificate data omitted, --minify or not", () => {
    expect(name).toBe("gke_kubejam-lab_us-central1_kubejam");
    expect(kubectl("config", "view")).toMatchObject({ stdout: VIEW, exitCode: 0 });
    expect(kubectl("config", "view", "--minify").stdout).toBe(VIEW);
  });

  it("view --raw shows the cluster CA, kube-root-ca.crt's", () => {
    const configMap = state.objects["ConfigMap/kube-system/kube-root-ca.crt"] as unknown as {
      data: Record<string, string>;
    };
    const ca = configMap.data["ca.crt"];
    expect(kubectl("config", "view", "--raw").stdout).toBe(
      VIEW.replace("DATA+OMITTED", base64Encode(ca ?? "")),
    );
  });

  it("view -o json keeps the Config struct's field order", () => {
    const json = kubectl("config", "view", "-o", "json").stdout;
    expect(Object.keys(JSON.parse(json))).toEqual([
      "kind",
      "apiVersion",
      "preferences",
      "clusters",
      "users",
      "contexts",
      "current-context",
    ]);
    expect(json).toMatch(/^ {4}"kind": "Config",$/m);
  });

  it.each([
    [["config", "view", "-o", "name"], "config/<unknown>\n", "", 0],
    [["config", "view", "-o", "jsonpath={.users[*].name}"], name, "", 0],
    [["config", "view", "--merge=false"], "", "error: if merge==false a precise file must be specified\n", 1],
    [["config", "get-contexts", "-o", "name"], `${name}\n`, "", 0],
    [
      ["config", "get-contexts", "-o", "yaml"],
      "",
      "error: --output yaml is not available in kubectl config get-contexts; resetting to default output format\n",
      1,
    ],
    [["config", "get-contexts", "--no-headers"], `*     ${name}   ${name}   ${name}   \n`, "", 0],
    [["config", "get-users"], `NAME\n${name}\n`, "", 0],
  ])("%j", (argv, stdout, stderr, exitCode) => {
    expect(kubectl(...argv)).toMatchObject({ stdout, stderr, exitCode });
  });
});
