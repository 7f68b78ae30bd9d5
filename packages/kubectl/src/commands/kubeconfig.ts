// The kubeconfig `gcloud container clusters get-credentials` writes for the simulated cluster, as
// `kubectl config view` shows it (staging/src/k8s.io/kubectl/pkg/cmd/config/view.go).
import { base64Encode, getObject } from "@kubejam/engine";
import { boolFlag, flag, type ParsedArgs } from "../args";
import { type Context, fail, type KubectlResult, ok } from "../result";
import { formatObjects } from "./output-format";

/** The context, cluster and user name get-credentials gives: gke_PROJECT_LOCATION_CLUSTER. */
export function contextName(ctx: Context): string {
  const t = ctx.state.topology;
  return `gke_${t.project}_${t.region}_${t.clusterName}`;
}

/** The API server's address: the `kubernetes` Service's endpoint. */
export function controlPlane(ctx: Context): string {
  const ep = getObject(ctx.state, "Endpoints", "default", "kubernetes") as
    | { subsets?: { addresses?: { ip: string }[] }[] }
    | undefined;
  return `https://${ep?.subsets?.[0]?.addresses?.[0]?.ip ?? "127.0.0.1"}`;
}

/** The cluster CA, as kube-root-ca.crt publishes it. */
function clusterCa(ctx: Context): string {
  const cm = getObject(ctx.state, "ConfigMap", "kube-system", "kube-root-ca.crt") as
    | { data?: Record<string, string> }
    | undefined;
  return cm?.data?.["ca.crt"] ?? "";
}

/**
 * clientcmdapi's v1 Config, its fields in the Go struct's order (what `-o json` keeps; YAML sorts them).
 * Certificate data shows as DATA+OMITTED unless `--raw` or `--flatten`.
 */
function kubeconfig(ctx: Context, raw: boolean): Record<string, unknown> {
  const name = contextName(ctx);
  return {
    kind: "Config",
    apiVersion: "v1",
    preferences: {},
    clusters: [
      {
        name,
        cluster: {
          server: controlPlane(ctx),
          "certificate-authority-data": raw ? base64Encode(clusterCa(ctx)) : "DATA+OMITTED",
        },
      },
    ],
    users: [
      {
        name,
        user: {
          exec: {
            command: "gke-gcloud-auth-plugin",
            args: null,
            env: null,
            apiVersion: "client.authentication.k8s.io/v1beta1",
            installHint:
              "Install gke-gcloud-auth-plugin for use with kubectl by following https://cloud.google.com/kubernetes-engine/docs/how-to/cluster-access-for-kubectl#install_plugin",
            provideClusterInfo: true,
            interactiveMode: "IfAvailable",
          },
        },
      },
    ],
    contexts: [{ name, context: { cluster: name, user: name } }],
    "current-context": name,
  };
}

/** `kubectl config view [--minify] [--raw] [--flatten] [-o FORMAT]`: one cluster, so --minify changes nothing. */
export function configView(ctx: Context, args: ParsedArgs): KubectlResult {
  if (flag(args, "merge") === "false")
    return fail(ctx.state, "error: if merge==false a precise file must be specified");
  const raw = boolFlag(args, "raw") || boolFlag(args, "flatten");
  const config = kubeconfig(ctx, raw);
  const output = flag(args, "output") ?? "yaml";
  // A typed struct: its JSON keeps the fields in order (the printers sort an object's map keys).
  if (output === "json") return ok(ctx.state, `${JSON.stringify(config, null, 4)}\n`);
  return formatObjects(ctx, [config], output, true, args, true);
}
