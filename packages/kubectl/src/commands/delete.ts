import {
  type DeleteRequest,
  deleteObjects,
  listObjects,
  parseLabelSelector,
  resolveResource,
} from "@kubejam/engine";
import { boolFlag, flag, flags, type ParsedArgs } from "../args";
import { cascadeOption } from "../flags/option-values";
import { parseTargets } from "../resources";
import { type Context, fail, type KubectlResult } from "../result";
import { manifestObjects } from "./manifest-objects";

/** `kubectl delete TYPE NAME... | TYPE/NAME | -f FILE | -l SEL | --all`; prints `pod "web" deleted` per object. */
export function deleteCommand(ctx: Context, args: ParsedArgs): KubectlResult {
  const cascade = cascadeOption(args);
  if (!cascade.ok) return fail(ctx.state, cascade.message);
  // Orphaning leaves a Deployment's ReplicaSets (and their pods) without an owner: not simulated.
  if (cascade.value === "orphan")
    return fail(ctx.state, `${cascade.warning}error: kubectl delete --cascade=orphan is not simulated here`);
  const output = flag(args, "output");
  if (output !== undefined && output !== "name")
    return fail(ctx.state, `error: unexpected -o output mode: ${output}. We only support '-o name'`);
  const result = deleteTargets(ctx, args);
  return cascade.warning === "" ? result : { ...result, stderr: cascade.warning + result.stderr };
}

/**
 * What delete.go refuses before deleting anything: Complete's --now check and its builder's selector
 * rules, then Validate's --force rule.
 */
function refusedCombination(args: ParsedArgs, parsed: ReturnType<typeof parseTargets>): string | undefined {
  const grace = flag(args, "grace-period");
  if (boolFlag(args, "now") && grace !== undefined)
    return "--now and --grace-period cannot be specified together";
  const selecting = flag(args, "selector") !== undefined || flag(args, "field-selector") !== undefined;
  const all = boolFlag(args, "all");
  // (The builder's own words, trailing space included.)
  if (all && selecting) return "setting 'all' parameter but found a non empty selector. ";
  if ((all || selecting) && parsed.ok && parsed.targets.some((t) => t.names.length > 0))
    return "name cannot be provided when a selector is specified";
  if (boolFlag(args, "force") && grace !== undefined && Number(grace) > 0)
    return "--force and --grace-period greater than 0 cannot be specified together";
  return undefined;
}

function deleteTargets(ctx: Context, args: ParsedArgs): KubectlResult {
  const parsed = parseTargets(args.positionals);
  const refused = refusedCombination(args, parsed);
  if (refused) return fail(ctx.state, `error: ${refused}`);
  const requests: (DeleteRequest & { label: string })[] = [];
  const grace = flag(args, "grace-period");
  const gracePeriodSeconds = boolFlag(args, "now")
    ? 1
    : grace !== undefined
      ? Number(grace)
      : boolFlag(args, "force")
        ? 0
        : undefined;
  if (flags(args, "filename").length > 0) {
    const read = manifestObjects(ctx, args);
    if (!read.ok) return fail(ctx.state, read.message);
    for (const { info, namespace, name } of read.objects)
      requests.push({
        kind: info.kind,
        namespace,
        name,
        gracePeriodSeconds,
        label: `${info.plural}${info.group ? `.${info.group}` : ""} "${name}"`,
      });
  } else {
    if (!parsed.ok) return fail(ctx.state, parsed.message);
    if (parsed.targets.length === 0) {
      return fail(
        ctx.state,
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      );
    }
    const selector = flag(args, "selector");
    const all = boolFlag(args, "all");
    for (const t of parsed.targets) {
      const ns = t.info.namespaced ? ctx.namespace : undefined;
      let names = t.names;
      if (names.length === 0) {
        if (!selector && !all)
          return fail(ctx.state, `error: resource(s) were provided, but no name was specified`);
        const match = selector ? parseLabelSelector(selector) : () => true;
        if (!match) return fail(ctx.state, `error: unable to parse requirement: ${selector}`);
        names = listObjects(ctx.state, t.info.kind, ns)
          .filter((o) => match(o.metadata.labels))
          .map((o) => o.metadata.name);
      }
      for (const name of names) {
        requests.push({
          kind: t.info.kind,
          namespace: ns,
          name,
          gracePeriodSeconds,
          label: `${t.info.plural}${t.info.group ? `.${t.info.group}` : ""} "${name}"`,
        });
      }
    }
    if (requests.length === 0) {
      return {
        state: ctx.state,
        stdout: "",
        stderr: "No resources found\n",
        exitCode: 0,
      };
    }
  }
  const ignoreMissing = boolFlag(args, "ignore-not-found");
  const { state, results } = deleteObjects(ctx.state, requests, { wait: flag(args, "wait") !== "false" });
  const out: string[] = [];
  const err: string[] = [];
  if (gracePeriodSeconds === 0 && boolFlag(args, "force")) {
    err.push(
      "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.",
    );
  }
  results.forEach((r, i) => {
    const req = requests[i];
    if (!req) return;
    if (r.ok) {
      const singular = resolveResource(req.kind)?.singular ?? req.kind.toLowerCase();
      const group = resolveResource(req.kind)?.group;
      const kind = `${singular}${group ? `.${group}` : ""}`;
      // delete.go PrintObj: `-o name` is `pod/web`, whatever the operation.
      if (flag(args, "output") === "name") out.push(`${kind}/${req.name}`);
      else
        out.push(
          `${kind} "${req.name}" ${gracePeriodSeconds === 0 && boolFlag(args, "force") ? "force deleted" : "deleted"}`,
        );
    } else if (!(ignoreMissing && r.code === "NotFound")) err.push(r.message);
  });
  return {
    state,
    stdout: out.length ? `${out.join("\n")}\n` : "",
    stderr: err.length ? `${err.join("\n")}\n` : "",
    exitCode: results.some((r) => !r.ok && !(ignoreMissing && r.code === "NotFound")) ? 1 : 0,
  };
}
