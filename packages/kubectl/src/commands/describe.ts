import type {
  ConfigMap,
  PersistentVolume,
  PersistentVolumeClaim,
  Secret,
  StorageClass,
} from "@kubejam/engine";
import {
  type Deployment,
  type EndpointSlice,
  type Endpoints,
  type KubeEvent,
  type KubeObject,
  listObjects,
  type Node,
  type Pod,
  parseLabelSelector,
  type ReplicaSet,
  type Service,
} from "@kubejam/engine";
import { boolFlag, flag, type ParsedArgs } from "../args";
import { describeConfigMap, describeSecret } from "../describe/configmap";
import { describeDeployment } from "../describe/deployment";
import { describeNamespace } from "../describe/namespace";
import { describeNode } from "../describe/node";
import { describePod } from "../describe/pod";
import { describePersistentVolume } from "../describe/pv";
import { describePersistentVolumeClaim } from "../describe/pvc";
import { describeReplicaSet } from "../describe/replicaset";
import { describeEndpointSlice, describeEndpoints, describeService } from "../describe/service";
import { describeStorageClass } from "../describe/storageclass";
import { parseTargets, resourceName } from "../resources";
import { type Context, fail, type KubectlResult, withWarnings } from "../result";
import { fromFiles } from "./manifest-objects";

/** `kubectl describe TYPE [NAME_PREFIX]` / `TYPE/NAME`: objects separated by a blank line. */
export function describeCommand(ctx: Context, args: ParsedArgs): KubectlResult {
  const files = fromFiles(ctx, args);
  const parsed = files ?? parseTargets(args.positionals);
  if (!parsed.ok) return fail(ctx.state, parsed.message);
  const scoped = files?.ok ? { ...ctx, namespace: files.namespace } : ctx;
  return withWarnings(
    describeTargets(scoped, args, parsed),
    parsed.targets.map((t) => t.info.kind),
  );
}

function describeTargets(
  ctx: Context,
  args: ParsedArgs,
  parsed: Extract<ReturnType<typeof parseTargets>, { ok: true }>,
): KubectlResult {
  if (parsed.targets.length === 0)
    return fail(
      ctx.state,
      `error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.`,
    );
  const selectorText = flag(args, "selector");
  const selector = selectorText ? parseLabelSelector(selectorText) : () => true;
  if (!selector) return fail(ctx.state, `error: unable to parse requirement: ${selectorText}`);
  // --show-events=false leaves the Events section out (describe.go DescriberSettings.ShowEvents).
  const events =
    flag(args, "show-events") === "false" ? undefined : listObjects<KubeEvent>(ctx.state, "Event");
  const outputs: string[] = [];
  const errors: string[] = [];
  const allNamespaces = boolFlag(args, "all-namespaces");
  for (const t of parsed.targets) {
    const ns = t.info.namespaced && !allNamespaces ? ctx.namespace : undefined;
    const all = listObjects(ctx.state, t.info.kind, ns).filter((o) => selector(o.metadata.labels));
    let objects: KubeObject[] = all;
    if (t.names.length > 0) {
      objects = [];
      for (const name of t.names) {
        // describe.go: an exact name, else every object whose name starts with it.
        const exact = all.find((o) => o.metadata.name === name);
        const matches = exact ? [exact] : all.filter((o) => o.metadata.name.startsWith(name));
        if (matches.length === 0)
          errors.push(`Error from server (NotFound): ${resourceName(t.info)} "${name}" not found`);
        objects.push(...matches);
      }
    }
    for (const obj of objects) {
      const text = describeOne(ctx, obj, events);
      if (text !== undefined) outputs.push(text);
    }
  }
  if (outputs.length === 0 && errors.length === 0) {
    return {
      state: ctx.state,
      stdout: "",
      stderr: `No resources found in ${ctx.namespace} namespace.\n`,
      exitCode: 0,
    };
  }
  return {
    state: ctx.state,
    stdout: outputs.join("\n\n"),
    stderr: errors.length ? `${errors.join("\n")}\n` : "",
    exitCode: errors.length ? 1 : 0,
  };
}

function describeOne(ctx: Context, obj: KubeObject, events: KubeEvent[] | undefined): string | undefined {
  const now = ctx.state.clock;
  const ns = obj.metadata.namespace;
  switch (obj.kind) {
    case "Pod":
      return describePod(obj as Pod, { events }, now);
    case "Deployment":
      return describeDeployment(
        obj as Deployment,
        { events, replicaSets: listObjects<ReplicaSet>(ctx.state, "ReplicaSet", ns) },
        now,
      );
    case "ReplicaSet":
      return describeReplicaSet(
        obj as ReplicaSet,
        { events, pods: listObjects<Pod>(ctx.state, "Pod", ns) },
        now,
      );
    case "Node":
      return describeNode(
        obj as Node,
        {
          events,
          nodePods: listObjects<Pod>(ctx.state, "Pod").filter((p) => p.spec.nodeName === obj.metadata.name),
        },
        now,
      );
    case "Namespace":
      return describeNamespace(obj as never, { events }, now);
    case "Service":
      return describeService(
        obj as Service,
        {
          events,
          endpointSlices: listObjects<EndpointSlice>(ctx.state, "EndpointSlice", ns).filter(
            (s) => s.metadata.labels?.["kubernetes.io/service-name"] === obj.metadata.name,
          ),
        },
        now,
      );
    case "Endpoints":
      return describeEndpoints(obj as Endpoints, { events }, now);
    case "EndpointSlice":
      return describeEndpointSlice(obj as EndpointSlice, { events }, now);
    case "PersistentVolume":
      return describePersistentVolume(obj as PersistentVolume, { events }, now);
    case "PersistentVolumeClaim":
      return describePersistentVolumeClaim(
        obj as PersistentVolumeClaim,
        { events, pods: listObjects<Pod>(ctx.state, "Pod", ns) },
        now,
      );
    case "StorageClass":
      return describeStorageClass(obj as StorageClass, { events }, now);
    case "ConfigMap":
      return describeConfigMap(obj as ConfigMap, { events }, now);
    case "Secret":
      return describeSecret(obj as Secret);
    default:
      return undefined;
  }
}
