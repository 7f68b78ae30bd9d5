import { applyManifests, deleteObjects, getObject, type ManifestFile } from "@kubejam/engine";
import { boolFlag, flag, type ParsedArgs } from "../args";
import { type Context, fail, type KubectlResult } from "../result";
import { readFilenames, reportResults } from "./apply";
import { objectsIn } from "./manifest-objects";

/**
 * `kubectl replace -f FILE`: each object is sent whole in place of the stored one (replace.go). With
 * `--force` the objects are deleted, waited for, and created again from the files: the way to change
 * what a running pod does not let an update change.
 */
export function replaceCommand(ctx: Context, args: ParsedArgs): KubectlResult {
  const output = flag(args, "output");
  if (output !== undefined && output !== "name")
    return fail(ctx.state, `error: kubectl replace -o ${output} is not simulated here`);
  // Complete's check, then Validate's.
  const read = readFilenames(ctx, args);
  if (!read.ok) return fail(ctx.state, read.message);
  const force = boolFlag(args, "force");
  const grace = flag(args, "grace-period");
  if (grace !== undefined && Number(grace) >= 0 && !force)
    return fail(ctx.state, "error: --grace-period must have --force specified");
  const timeout = flag(args, "timeout");
  if (timeout !== undefined && !/^0+[a-z]*$/.test(timeout) && !force)
    return fail(ctx.state, "error: --timeout must have --force specified");
  if (force) return forceReplace(ctx, args, read.files, output);
  const { state, results } = applyManifests(ctx.state, read.files, {
    mode: "replace",
    namespace: ctx.namespace,
    namespaceExplicit: ctx.namespaceExplicit,
    saveConfig: boolFlag(args, "save-config"),
  });
  if (results.length === 0) return fail(ctx.state, "error: no objects passed to replace");
  return reportResults(state, results, { output, builderFirst: false, verb: () => "replaced" });
}

/**
 * replace.go forceReplace: delete what the files name (a missing object is no error), wait until each
 * is gone, then create them all (`pod "web" deleted`, then `pod/web replaced`). --grace-period=0
 * becomes 1, as kubectl turns it, so the pod still stops before its successor starts.
 */
function forceReplace(
  ctx: Context,
  args: ParsedArgs,
  files: ManifestFile[],
  output: string | undefined,
): KubectlResult {
  const objects = objectsIn(ctx, files);
  if (!objects.ok) return fail(ctx.state, objects.message);
  const grace = flag(args, "grace-period");
  const gracePeriodSeconds =
    grace === undefined || Number(grace) < 0 ? undefined : Math.max(1, Number(grace));
  const requests = objects.objects.map(({ info, namespace, name }) => ({
    kind: info.kind,
    namespace: info.namespaced ? namespace : undefined,
    name,
    gracePeriodSeconds,
  }));
  const deleted = deleteObjects(ctx.state, requests, { wait: true });
  const lines: string[] = [];
  deleted.results.forEach((r, i) => {
    const o = objects.objects[i];
    if (r.ok && o)
      lines.push(
        output === "name"
          ? `${o.info.singular}${o.info.group ? `.${o.info.group}` : ""}/${o.name}`
          : `${o.info.singular}${o.info.group ? `.${o.info.group}` : ""} "${o.name}" deleted`,
      );
  });
  // kubectl polls each object until it is gone (5 minutes by default): one held by a finalizer
  // (a claim a pod still mounts) is still there after the settle window.
  const stuck = requests.some((r) => getObject(deleted.state, r.kind, r.namespace, r.name) !== undefined);
  if (stuck)
    return {
      state: deleted.state,
      stdout: lines.length > 0 ? `${lines.join("\n")}\n` : "",
      stderr: "error: timed out waiting for the condition\n",
      exitCode: 1,
    };
  const { state, results } = applyManifests(deleted.state, files, {
    mode: "create",
    namespace: ctx.namespace,
    namespaceExplicit: ctx.namespaceExplicit,
    saveConfig: boolFlag(args, "save-config"),
  });
  if (results.length === 0) return fail(ctx.state, "error: no objects passed to replace");
  const created = reportResults(state, results, { output, builderFirst: false, verb: () => "replaced" });
  return { ...created, stdout: (lines.length ? `${lines.join("\n")}\n` : "") + created.stdout };
}
