import { getObject, type KubeObject, listObjects } from "@kubejam/engine";
import { boolFlag, flag, flags, type ParsedArgs } from "../args";
import { fieldSelectorFor, parseFieldSelector, unsupportedFieldMessage } from "../field-selector";
import { labelSelectorFlag } from "../label-selector";
import { tableFor } from "../printers/registry";
import { sortObjectsBy } from "../printers/sort-by";
import { noResourcesFound, printTables, type TableSection, tableSection } from "../printers/table";
import { parseTargets, resourceName } from "../resources";
import { type Context, fail, type KubectlResult, ok, withWarnings } from "../result";
import { fromFiles } from "./manifest-objects";
import { formatObjects } from "./output-format";

/**
 * `kubectl get TYPE[,TYPE] [NAME...] [-o …] [-l …] [--field-selector …] [--sort-by …] [-L …] [-n …|-A]
 * [--show-labels] [--no-headers]`. --sort-by sorts each type's objects (sorter.go).
 */
export function getCommand(ctx: Context & { allNamespaces?: boolean }, args: ParsedArgs): KubectlResult {
  const files = fromFiles(ctx, args);
  const parsed = files ?? parseTargets(args.positionals);
  if (!parsed.ok) return fail(ctx.state, parsed.message);
  // --watch-only prints changes as they come, none of what is there: a command here returns at once.
  if (boolFlag(args, "watch-only") && parsed.targets.length > 0) return ok(ctx.state, "");
  const scoped = files?.ok ? { ...ctx, namespace: files.namespace } : ctx;
  return withWarnings(
    getTargets(scoped, args, parsed),
    parsed.targets.map((t) => t.info.kind),
  );
}

function getTargets(
  ctx: Context & { allNamespaces?: boolean },
  args: ParsedArgs,
  parsed: Extract<ReturnType<typeof parseTargets>, { ok: true }>,
): KubectlResult {
  if (parsed.targets.length === 0) {
    return fail(
      ctx.state,
      `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples`,
    );
  }
  // get_flags.go ToPrinter: labels are a column, so only the tables take --show-labels.
  const output = flag(args, "output");
  if (boolFlag(args, "show-labels") && output !== undefined && output !== "" && output !== "wide")
    return fail(ctx.state, `error: --show-labels option cannot be used with ${output} printer`);
  const selectorText = flag(args, "selector");
  const labelSelector = labelSelectorFlag(args);
  if (!labelSelector.ok) return fail(ctx.state, labelSelector.message);
  const selector = labelSelector.matches;
  const fieldText = flag(args, "field-selector") ?? "";
  const requirements = parseFieldSelector(fieldText);
  if (!requirements)
    return fail(ctx.state, `error: invalid selector: '${fieldText}'; can't understand '${fieldText}'`);
  const allNamespaces = ctx.allNamespaces === true;
  // --ignore-not-found drops NotFound errors and the "No resources found" notice.
  const ignoreNotFound = boolFlag(args, "ignore-not-found");
  const nothingFound = (namespace: string | undefined) => (ignoreNotFound ? "" : noResourcesFound(namespace));
  const errors: string[] = [];
  const found: { kind: string; objects: KubeObject[] }[] = [];
  const named = parsed.targets.some((t) => t.names.length > 0);
  for (const t of parsed.targets) {
    const ns = t.info.namespaced && !allNamespaces ? ctx.namespace : undefined;
    const fields = fieldSelectorFor(t.info, requirements);
    if (!fields.ok)
      return fail(ctx.state, unsupportedFieldMessage(t.info, selectorText ?? "", fieldText, fields.field));
    let objects: KubeObject[];
    if (t.names.length > 0) {
      objects = [];
      for (const name of t.names) {
        const obj = getObject(ctx.state, t.info.kind, t.info.namespaced ? ctx.namespace : undefined, name);
        if (obj) objects.push(obj);
        else if (!ignoreNotFound)
          errors.push(`Error from server (NotFound): ${resourceName(t.info)} "${name}" not found`);
      }
    } else
      objects = listObjects(ctx.state, t.info.kind, ns).filter(
        (o) => selector(o.metadata.labels) && fields.matches(o),
      );
    const sortBy = flag(args, "sort-by");
    if (sortBy !== undefined && sortBy !== "") {
      const sorted = sortObjectsBy(objects, sortBy);
      if (!sorted.ok) return fail(ctx.state, `error: ${sorted.error}`);
      objects = sorted.objects;
    }
    found.push({ kind: t.info.kind, objects });
  }
  const all = found.flatMap((f) => f.objects);
  const stderr = errors.length ? `${errors.join("\n")}\n` : "";
  const exitCode = errors.length ? 1 : 0;
  if (output !== undefined && output !== "wide") {
    if (all.length === 0 && !named)
      return {
        state: ctx.state,
        stdout: output === "yaml" || output === "json" ? formatObjects(ctx, [], output, false).stdout : "",
        stderr: stderr || nothingFound(allNamespaces ? undefined : ctx.namespace),
        exitCode,
      };
    const r = formatObjects(
      ctx,
      all,
      output,
      named && all.length === 1 && parsed.targets.length === 1 && parsed.targets[0]?.names.length === 1,
    );
    return { ...r, stderr: r.stderr + stderr, exitCode: r.exitCode || exitCode };
  }
  const sections: TableSection[] = [];
  for (const f of found) {
    const def = tableFor(f.kind);
    if (def) sections.push(tableSection(def, f.objects, ctx.state.clock, output === "wide"));
  }
  const stdout = printTables(sections, {
    wide: output === "wide",
    noHeaders: boolFlag(args, "no-headers"),
    showLabels: boolFlag(args, "show-labels"),
    labelColumns: flags(args, "label-columns").filter((k) => k !== ""),
    allNamespaces,
    withKind: boolFlag(args, "show-kind"),
  });
  if (stdout === "" && errors.length === 0) {
    const anyNamespaced = parsed.targets.some((t) => t.info.namespaced);
    return {
      state: ctx.state,
      stdout: "",
      stderr: nothingFound(anyNamespaced && !allNamespaces ? ctx.namespace : undefined),
      exitCode: 0,
    };
  }
  return { state: ctx.state, stdout, stderr, exitCode };
}
