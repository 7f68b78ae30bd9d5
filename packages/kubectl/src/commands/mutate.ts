import { getObject, type KubeObject, labelValueErrors, updateObject } from "@kubejam/engine";
import { boolFlag, flag, type ParsedArgs } from "../args";
import { jsonPatch, mergePatch, strategicMergePatch } from "../patch";
import { parseTargets, qualifiedName, resourceName, type Target } from "../resources";
import { type Context, fail, type KubectlResult } from "../result";

export function single(
  ctx: Context,
  positionals: string[],
  verb: string,
): { ok: true; target: Target; name: string; obj: KubeObject } | { ok: false; result: KubectlResult } {
  const parsed = parseTargets(positionals.slice(0, positionals[0]?.includes("/") ? 1 : 2));
  if (!parsed.ok) return { ok: false, result: fail(ctx.state, parsed.message) };
  const target = parsed.targets[0];
  const name = target?.names[0];
  if (!target || !name)
    return {
      ok: false,
      result: fail(ctx.state, `error: resource(s) were provided, but no name was specified`),
    };
  const ns = target.info.namespaced ? ctx.namespace : undefined;
  const obj = getObject(ctx.state, target.info.kind, ns, name);
  if (!obj)
    return {
      ok: false,
      result: fail(
        ctx.state,
        `Error from server (NotFound): ${resourceName(target.info)} "${name}" not found`,
      ),
    };
  void verb;
  return { ok: true, target, name, obj };
}

function store(
  ctx: Context,
  target: Target,
  next: KubeObject,
  done: string,
  unchanged: string,
): KubectlResult {
  const { state, result } = updateObject(ctx.state, next);
  if (!result.ok) return fail(ctx.state, result.message);
  return {
    state,
    stdout: `${qualifiedName(target.info, next.metadata.name)} ${result.changed ? done : unchanged}\n`,
    stderr: "",
    exitCode: 0,
  };
}

/** `kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]`. */
export function patchCommand(ctx: Context, args: ParsedArgs): KubectlResult {
  // patch.go Validate: the patch is checked before any object is looked up.
  const text = flag(args, "patch");
  if (text === undefined)
    return fail(
      ctx.state,
      "error: must specify --patch or --patch-file containing the contents of the patch",
    );
  const s = single(ctx, args.positionals, "patch");
  if (!s.ok) return s.result;
  let patch: unknown;
  try {
    patch = JSON.parse(text);
  } catch {
    return fail(ctx.state, `error: unable to parse "${text}": yaml: did not find expected node content`);
  }
  const type = flag(args, "type") ?? "strategic";
  let next: unknown;
  if (type === "merge") next = mergePatch(s.obj, patch);
  else if (type === "json") {
    const r = jsonPatch(s.obj, patch);
    if (!r.ok) return fail(ctx.state, `The request is invalid: ${r.message}`);
    next = r.value;
  } else if (type === "strategic") next = strategicMergePatch(s.obj, patch);
  else return fail(ctx.state, `error: --type must be one of [json merge strategic], not "${type}"`);
  return store(ctx, s.target, next as KubeObject, "patched", "patched (no change)");
}

/** `kubectl label|annotate TYPE NAME k=v k2- [--overwrite]`. */
export function labelCommand(ctx: Context, args: ParsedArgs, field: "labels" | "annotations"): KubectlResult {
  const split = resourcesAndPairs(args.positionals, field === "labels" ? "label" : "annotation");
  if (!split.ok) return fail(ctx.state, `error: ${split.message}`);
  const { resources, changes } = split;
  // Complete parses the changes, then Validate wants some of each, before anything is looked up.
  const invalid = field === "labels" ? invalidLabelSpec(changes) : undefined;
  if (invalid) return fail(ctx.state, `error: ${invalid}`);
  if (resources.length === 0)
    return fail(
      ctx.state,
      "error: one or more resources must be specified as <resource> <name> or <resource>/<name>",
    );
  if (changes.length === 0)
    return fail(
      ctx.state,
      `error: at least one ${field === "labels" ? "label" : "annotation"} update is required`,
    );
  const s = single(ctx, resources, field);
  if (!s.ok) return s.result;
  const current = { ...(s.obj.metadata[field] ?? {}) };
  const overwrite = boolFlag(args, "overwrite");
  let removedOnly = true;
  for (const c of changes) {
    if (c.endsWith("-") && !c.includes("=")) {
      delete current[c.slice(0, -1)];
      continue;
    }
    removedOnly = false;
    const eq = c.indexOf("=");
    const key = c.slice(0, eq);
    const value = c.slice(eq + 1);
    if (current[key] !== undefined && current[key] !== value && !overwrite) {
      return fail(
        ctx.state,
        `error: '${key}' already has a value (${current[key]}), and --overwrite is false`,
      );
    }
    current[key] = value;
  }
  const verb =
    field === "labels" ? (removedOnly ? "unlabeled" : "labeled") : removedOnly ? "unannotated" : "annotated";
  const next = {
    ...s.obj,
    metadata: { ...s.obj.metadata, [field]: Object.keys(current).length ? current : undefined },
  };
  return store(ctx, s.target, next, verb, field === "labels" ? "not labeled" : "not annotated");
}

/**
 * cmdutil.GetResourcesAndPairs: words with a `=` after their first character, or a trailing `-`, are
 * changes; the words before the first change name the objects, and none may follow it.
 */
function resourcesAndPairs(
  words: readonly string[],
  pairType: string,
): { ok: true; resources: string[]; changes: string[] } | { ok: false; message: string } {
  const resources: string[] = [];
  const changes: string[] = [];
  for (const word of words) {
    const isChange = (word.includes("=") && !word.startsWith("=")) || (word.endsWith("-") && word !== "-");
    if (isChange) changes.push(word);
    else if (changes.length > 0)
      return { ok: false, message: `all resources must be specified before ${pairType} changes: ${word}` };
    else resources.push(word);
  }
  return { ok: true, resources, changes };
}

/** label.go parseLabels: `key=value` (one `=`, a valid label value) or `key-`, checked before any request. */
function invalidLabelSpec(specs: readonly string[]): string | undefined {
  for (const spec of specs) {
    if (!spec.includes("=")) continue;
    const parts = spec.split("=");
    if (parts.length !== 2) return `invalid label spec: ${spec}`;
    const errors = labelValueErrors(parts[1] ?? "");
    if (errors.length > 0) return `invalid label value: ${JSON.stringify(spec)}: ${errors.join(";")}`;
  }
  return undefined;
}

/** `kubectl scale TYPE NAME --replicas=N`. */
export function scaleCommand(ctx: Context, args: ParsedArgs): KubectlResult {
  const replicas = flag(args, "replicas");
  if (replicas === undefined || !/^\d+$/.test(replicas))
    return fail(
      ctx.state,
      "error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0",
    );
  const current = Number(flag(args, "current-replicas") ?? -1);
  if (current < -1)
    return fail(ctx.state, "error: The --current-replicas must specify an integer of -1 or greater");
  const s = single(ctx, args.positionals, "scale");
  if (!s.ok) return s.result;
  if (!["Deployment", "ReplicaSet"].includes(s.target.info.kind)) {
    return fail(
      ctx.state,
      `error: no objects passed to scale ${s.target.info.plural} "${s.name}" is not scalable`,
    );
  }
  // scale.go ScalePrecondition: the size the object must have now.
  const now = (s.obj.spec as { replicas?: number }).replicas ?? 1;
  if (current !== -1 && now !== current)
    return fail(ctx.state, `error: Expected replicas to be ${current}, was ${now}`);
  const next = { ...s.obj, spec: { ...(s.obj.spec as object), replicas: Number(replicas) } } as KubeObject;
  const { state, result } = updateObject(ctx.state, next);
  if (!result.ok) return fail(ctx.state, result.message);
  return { state, stdout: `${qualifiedName(s.target.info, s.name)} scaled\n`, stderr: "", exitCode: 0 };
}
