import { envVarNameErrors, portNameErrors } from "@kubejam/engine";
import { boolFlag, flag, flags, type ParsedArgs } from "../args";
import { type Context, fail, type KubectlResult } from "../result";
import { createConfigMapCommand, createSecretGenericCommand } from "./create-data";
import { createGenerated, withSavedConfig } from "./create-object";
import { exactlyOneName } from "./generator-name";
import { goAtoi, goParseUint } from "./go-strconv";
import { runAttached } from "./run-attached";

// Objects kubectl's generators build (staging/src/k8s.io/kubectl/pkg/cmd/run/run.go, cmd/create/create_deployment.go).

function containerName(image: string): string {
  const base = image.split("/").pop()?.split(/[:@]/)[0] ?? "app";
  return base.replace(/[^a-z0-9-]/g, "-").replace(/^-+|-+$/g, "") || "app";
}

function parseLabels(text: string | undefined, fallback: Record<string, string>): Record<string, string> {
  if (!text) return fallback;
  return Object.fromEntries(text.split(",").map((kv) => kv.split("=", 2) as [string, string]));
}

/** cmdutil.UsageErrorf for `kubectl run`. */
function usageError(ctx: Context, message: string): KubectlResult {
  return fail(ctx.state, `error: ${message}\nSee 'kubectl run -h' for help and examples`);
}

/** `kubectl run NAME --image=I [--port] [--labels] [--env] [--restart] [--command] -- ARGS`. */
export function runCommand(ctx: Context, args: ParsedArgs): KubectlResult {
  const name = args.positionals[0];
  if (!name)
    return fail(ctx.state, "error: NAME is required for run\nSee 'kubectl run -h' for help and examples");
  // The command line's checks made --image required (run.go MarkFlagRequired).
  const image = flag(args, "image") ?? "";
  const interactive = boolFlag(args, "stdin");
  const tty = boolFlag(args, "tty");
  // run.go: --attach defaults to true with -i/--stdin.
  const attach = flag(args, "attach") === undefined ? interactive : boolFlag(args, "attach");
  const remove = boolFlag(args, "rm");
  if (tty && !interactive) return usageError(ctx, "-i/--stdin is required for containers with -t/--tty=true");
  const port = flag(args, "port");
  const expose = boolFlag(args, "expose");
  if (expose && !port) return usageError(ctx, "--port must be set when exposing a service");
  // run.go's getRestartPolicy would pick OnFailure for -i, but the flag's default ("Always") always
  // reaches it: -i pods restart Always too.
  const restart = flag(args, "restart") ?? "Always";
  if (!["Always", "OnFailure", "Never"].includes(restart))
    return usageError(ctx, `invalid restart policy: ${restart}`);
  if (!attach && remove) return usageError(ctx, "--rm should only be used for attached containers");
  if (attach && (ctx.dryRun ?? "none") !== "none")
    return usageError(
      ctx,
      "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)",
    );
  const pullPolicy = flag(args, "image-pull-policy") ?? "";
  if (!["", "Always", "IfNotPresent", "Never"].includes(pullPolicy))
    return usageError(ctx, `invalid image pull policy: ${pullPolicy}`);
  // run.go's generator: --env as NAME=VALUE with a valid name, --port as strconv.Atoi reads it.
  const env: { name: string; value: string }[] = [];
  for (const kv of flags(args, "env")) {
    const at = kv.indexOf("=");
    const envName = at > 0 ? kv.slice(0, at) : "";
    if (envVarNameErrors(envName).length > 0) return fail(ctx.state, `error: invalid env: ${kv}`);
    env.push({ name: envName, value: kv.slice(at + 1) });
  }
  const portNumber = port ? goAtoi(port) : undefined;
  if (portNumber && !portNumber.ok) return fail(ctx.state, `error: ${portNumber.message}`);
  const rest = args.rest ?? [];
  const container: Record<string, unknown> = { name, image };
  if (rest.length > 0) container[boolFlag(args, "command") ? "command" : "args"] = rest;
  if (env.length) container.env = env;
  if (portNumber?.ok) container.ports = [{ containerPort: portNumber.value }];
  container.resources = {};
  if (pullPolicy) container.imagePullPolicy = pullPolicy;
  if (interactive) {
    container.stdin = true;
    container.stdinOnce = !boolFlag(args, "leave-stdin-open");
  }
  if (tty) container.tty = true;
  // --annotations, one KEY=VALUE each (run.go's generator splits at the first "=").
  const annotations = flags(args, "annotations").map((kv) => {
    const at = kv.indexOf("=");
    return at === -1 ? ([kv, ""] as const) : ([kv.slice(0, at), kv.slice(at + 1)] as const);
  });
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      ...(annotations.length > 0 ? { annotations: Object.fromEntries(annotations) } : {}),
      labels: parseLabels(flag(args, "labels"), { run: name }),
      name,
    },
    spec: { containers: [container], dnsPolicy: "ClusterFirst", restartPolicy: restart },
    status: {},
  };
  if (attach)
    return runAttached(ctx, boolFlag(args, "save-config") ? withSavedConfig(pod) : pod, {
      name,
      restart,
      remove,
      quiet: boolFlag(args, "quiet"),
      waitForExit: !boolFlag(args, "leave-stdin-open") && restart !== "Always",
    });
  const created = createGenerated(ctx, args, pod, `pod/${name}`, { saveConfig: "when-sent" });
  if (!expose || created.exitCode !== 0) return created;
  return withService(ctx, args, created, name, port ?? "");
}

/**
 * run.go generateService for `--expose`: after the pod, a Service selecting it (`run=NAME`, or the
 * --labels) on --port; kubectl prints the Service's line first, and a failure after the pod's line.
 */
function withService(
  ctx: Context,
  args: ParsedArgs,
  pod: KubectlResult,
  name: string,
  port: string,
): KubectlResult {
  const labelsText = flag(args, "labels");
  const selector = labelsText ? parseLabels(labelsText, {}) : { run: name };
  const service = {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, ...(labelsText ? { labels: selector } : {}) },
    spec: {
      ports: [{ port: Number(port), protocol: "TCP", targetPort: Number(port) }],
      selector,
    },
    status: { loadBalancer: {} },
  };
  const svc = createGenerated({ ...ctx, state: pod.state }, args, service, `service/${name}`, {
    saveConfig: "when-sent",
  });
  // run.go separates the two objects of `-o yaml`.
  const separator = svc.exitCode === 0 && flag(args, "output") === "yaml" ? "---\n" : "";
  return {
    state: svc.state,
    stdout: svc.stdout + separator + pod.stdout,
    stderr: pod.stderr + svc.stderr,
    exitCode: svc.exitCode,
  };
}

/** `kubectl create deployment NAME --image=I [--replicas=N] [--port=P]` and `kubectl create namespace NAME`. */
export function createGeneratorCommand(ctx: Context, args: ParsedArgs): KubectlResult {
  const [what, sub] = args.positionals;
  if (what === "namespace" || what === "ns") {
    const named = exactlyOneName(args.positionals.slice(1), "kubectl create namespace");
    if (!named.ok) return fail(ctx.state, named.message);
    const name = named.name;
    return createGenerated(
      ctx,
      args,
      { apiVersion: "v1", kind: "Namespace", metadata: { name }, spec: {}, status: {} },
      `namespace/${name}`,
    );
  }
  if (what === "deployment" || what === "deploy") {
    const named = exactlyOneName(args.positionals.slice(1), "kubectl create deployment");
    if (!named.ok) return fail(ctx.state, named.message);
    const name = named.name;
    const images = flags(args, "image");
    const port = flag(args, "port");
    // create_deployment.go: --port goes to the first container only.
    const containers = images.map((image, i) => ({
      image,
      name: containerName(image),
      ...(port && i === 0 ? { ports: [{ containerPort: Number(port) }] } : {}),
      resources: {},
      ...(args.rest?.length ? { command: args.rest } : {}),
    }));
    const labels = { app: name };
    const deployment = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { labels, name },
      spec: {
        replicas: Number(flag(args, "replicas") ?? 1),
        selector: { matchLabels: labels },
        strategy: {},
        // Go marshals the template's empty ObjectMeta.CreationTimestamp as null; the API server keeps it.
        template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
      },
      status: {},
    };
    return createGenerated(ctx, args, deployment, `deployment.apps/${name}`);
  }
  if (what === "service" || what === "svc") return createServiceCommand(ctx, args);
  if (what === "configmap" || what === "cm") return createConfigMapCommand(ctx, args);
  // `create secret` alone and `create secret OTHER` are the command line's (a dispatcher).
  if (what === "secret" && sub === "generic") return createSecretGenericCommand(ctx, args);
  // create.go RunCreate: without -f, words that name no generator are not a command.
  if (args.positionals.length === 0) return fail(ctx.state, "error: must specify one of -f and -k");
  return fail(
    ctx.state,
    `error: Unexpected args: [${args.positionals.join(" ")}]\nSee 'kubectl create -h' for help and examples`,
  );
}

const SERVICE_TYPES: Record<string, string> = {
  clusterip: "ClusterIP",
  nodeport: "NodePort",
  loadbalancer: "LoadBalancer",
  externalname: "ExternalName",
};

/**
 * create_service.go parsePorts: `port[:target]`, the port as utilsnet.ParsePort reads it (0 allowed),
 * the target a number in range or a valid port name; words after a second colon are ignored.
 */
function parsePorts(
  text: string,
): { ok: true; port: number; targetPort: number | string } | { ok: false; message: string } {
  const [portText = "", target] = text.split(":");
  const port = goParseUint(portText, 16);
  if (!port.ok) return port;
  if (target === undefined) return { ok: true, port: port.value, targetPort: port.value };
  const number = goAtoi(target);
  if (!number.ok) {
    const errors = portNameErrors(target);
    if (errors.length > 0) return { ok: false, message: errors.join(",") };
    return { ok: true, port: port.value, targetPort: target };
  }
  if (number.value < 1 || number.value > 65535)
    return { ok: false, message: "must be between 1 and 65535, inclusive" };
  return { ok: true, port: port.value, targetPort: number.value };
}

/**
 * `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME [--tcp=port:target]
 * [--node-port] [--clusterip] [--external-name]` (staging/src/k8s.io/kubectl/pkg/cmd/create/create_service.go):
 * selector and labels `app: NAME`, ports named `<port>-<target>`.
 */
function createServiceCommand(ctx: Context, args: ParsedArgs): KubectlResult {
  const [, subtype] = args.positionals;
  const type = SERVICE_TYPES[subtype ?? ""];
  if (!type) return fail(ctx.state, `error: unknown command "${subtype ?? ""}" for "kubectl create service"`);
  const named = exactlyOneName(args.positionals.slice(2), `kubectl create service ${subtype}`);
  if (!named.ok) return fail(ctx.state, named.message);
  const name = named.name;
  const tcp = flags(args, "tcp").flatMap((t) => t.split(","));
  if (type !== "ExternalName" && tcp.length === 0 && flag(args, "clusterip") !== "None")
    return fail(ctx.state, "error: at least one tcp port specifier must be provided");
  const nodePort = flag(args, "node-port");
  const parsed = tcp.map(parsePorts);
  const refused = parsed.find((p) => !p.ok);
  if (refused && !refused.ok) return fail(ctx.state, `error: ${refused.message}`);
  const ports = parsed.map((p, i) => {
    const t = tcp[i] ?? "";
    const { port, targetPort } = p as Extract<typeof p, { ok: true }>;
    return {
      // create_service.go: the --tcp value with its colon turned into a dash.
      name: t.replace(/:/g, "-"),
      port,
      protocol: "TCP",
      targetPort,
      ...(nodePort && type === "NodePort" ? { nodePort: Number(nodePort) } : {}),
    };
  });
  const clusterIP = flag(args, "clusterip");
  const externalName = flag(args, "external-name");
  const labels = { app: name };
  const service = {
    apiVersion: "v1",
    kind: "Service",
    metadata: { labels, name },
    spec: {
      ...(ports.length > 0 ? { ports } : {}),
      // Every type gets the selector, ExternalName too (create_service.go sets it unconditionally).
      selector: labels,
      type,
      ...(clusterIP ? { clusterIP } : {}),
      ...(externalName ? { externalName } : {}),
    },
    status: { loadBalancer: {} },
  };
  return createGenerated(ctx, args, service, `service/${name}`, { saveConfig: "never" });
}
