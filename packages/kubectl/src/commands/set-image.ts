import { type KubeObject, updateObject } from "@kubejam/engine";
import type { ParsedArgs } from "../args";
import { qualifiedName, resourceName } from "../resources";
import { type Context, fail, type KubectlResult } from "../result";
import { single } from "./mutate";

type Containers = { name: string; image?: string }[];

/** The pod spec of a pod, or of the template of a workload (polymorphichelpers.UpdatePodSpecForObject). */
function podSpecOf(obj: KubeObject): { containers: Containers; initContainers?: Containers } | undefined {
  const spec = obj.spec as { containers?: Containers; template?: { spec?: { containers?: Containers } } };
  if (obj.kind === "Pod") return spec as { containers: Containers };
  if (["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"].includes(obj.kind) && spec.template?.spec)
    return spec.template.spec as { containers: Containers };
  return undefined;
}

/**
 * `kubectl set image (TYPE NAME | TYPE/NAME) CONTAINER=IMAGE... | *=IMAGE`
 * (staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go): the new image goes in the pod template; a
 * Deployment rolls out, a pod's kubelet restarts the container. Nothing to change prints nothing.
 */
export function setCommand(ctx: Context, args: ParsedArgs): KubectlResult {
  const [sub, ...rest] = args.positionals;
  if (sub !== "image") return fail(ctx.state, `error: unknown command "${sub ?? ""}" for "kubectl set"`);
  const resources = rest.filter((a) => !a.includes("="));
  const pairs = rest.filter((a) => a.includes("="));
  // Complete's builder refuses a command line that names no object before Validate looks at the images.
  if (resources.length < 1)
    return fail(
      ctx.state,
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
  const errors: string[] = [];
  if (pairs.length < 1) errors.push("at least one image update is required");
  else if (pairs.length > 1 && pairs.some((p) => p.startsWith("*=")))
    errors.push(
      "all containers are already specified by *, but saw more than one container_name=container_image pairs",
    );
  if (errors.length === 1) return fail(ctx.state, `error: ${errors[0]}`);
  if (errors.length > 1) return fail(ctx.state, `error: [${errors.join(", ")}]`);
  const s = single(ctx, resources, "set image");
  if (!s.ok) return s.result;
  const next = structuredClone(s.obj) as KubeObject;
  const spec = podSpecOf(next);
  if (!spec)
    return fail(
      ctx.state,
      `error: ${resourceName(s.target.info)}/${s.name} the object is not a pod or does not have a pod template: *v1.${s.obj.kind}`,
    );
  const missing: string[] = [];
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq);
    const image = pair.slice(eq + 1);
    let found = false;
    for (const c of [...(spec.initContainers ?? []), ...spec.containers]) {
      if (c.name !== name && name !== "*") continue;
      c.image = image;
      found = true;
    }
    if (!found) missing.push(`error: unable to find container named "${name}"`);
  }
  const failure = missing.length === 1 ? missing[0] : missing.length > 1 ? `[${missing.join(", ")}]` : "";
  if (JSON.stringify(next) === JSON.stringify(s.obj))
    return failure ? fail(ctx.state, failure) : { state: ctx.state, stdout: "", stderr: "", exitCode: 0 };
  const { state, result } = updateObject(ctx.state, next);
  if (!result.ok)
    return fail(ctx.state, `error: failed to patch image update to pod template: ${result.message}`);
  const stdout = `${qualifiedName(s.target.info, s.name)} image updated\n`;
  return failure
    ? { state, stdout, stderr: `${failure}\n`, exitCode: 1 }
    : { state, stdout, stderr: "", exitCode: 0 };
}
