import {
  DEPLOYMENT_ANNOTATIONS_NOT_COPIED,
  type Deployment,
  listObjects,
  type PodTemplateSpec,
  REVISION_ANNOTATION,
  type ReplicaSet,
  updateObject,
} from "@kubejam/engine";
import { flag, type ParsedArgs } from "../args";
import { describePodTemplate } from "../describe/pod-template";
import { PrefixWriter } from "../describe/prefix-writer";
import { DESCRIBE_TABWRITER, tabwrite } from "../printers/tabwriter";
import { type Context, fail, type KubectlResult } from "../result";

// Revisions of a Deployment are its ReplicaSets' deployment.kubernetes.io/revision
// (staging/src/k8s.io/kubectl/pkg/polymorphichelpers/history.go and rollback.go).
const CHANGE_CAUSE = "kubernetes.io/change-cause";
const HASH = "pod-template-hash";

/** The Deployment's ReplicaSets by revision (a ReplicaSet without one is not history). */
function revisions(ctx: Context, d: Deployment): Map<number, ReplicaSet> {
  const byRevision = new Map<number, ReplicaSet>();
  for (const rs of listObjects<ReplicaSet>(ctx.state, "ReplicaSet", ctx.namespace)) {
    if (!rs.metadata.ownerReferences?.some((o) => o.controller && o.uid === d.metadata.uid)) continue;
    const v = Number(rs.metadata.annotations?.[REVISION_ANNOTATION]);
    if (Number.isInteger(v) && v > 0) byRevision.set(v, rs);
  }
  return byRevision;
}

function revisionFlag(args: ParsedArgs, name: string): number | string {
  const text = flag(args, name) ?? "0";
  return /^-?\d+$/.test(text)
    ? Number(text)
    : `invalid argument "${text}" for "--${name}" flag: strconv.ParseInt: parsing "${text}": invalid syntax`;
}

/** `kubectl rollout history deployment/NAME [--revision=N]`. */
export function rolloutHistory(ctx: Context, args: ParsedArgs, d: Deployment): KubectlResult {
  const name = d.metadata.name;
  const revision = revisionFlag(args, "revision");
  if (typeof revision === "string") return fail(ctx.state, `error: ${revision}`);
  const history = revisions(ctx, d);
  const header = `deployment.apps/${name} ${revision > 0 ? `with revision #${revision}` : ""}\n`;
  if (history.size === 0)
    return { state: ctx.state, stdout: `${header}No rollout history found.\n`, stderr: "", exitCode: 0 };
  if (revision > 0) {
    const rs = history.get(revision);
    if (!rs) return fail(ctx.state, "error: unable to find the specified revision");
    const w = new PrefixWriter();
    describePodTemplate(withChangeCause(rs), w);
    return { state: ctx.state, stdout: `${header}${w.toString()}\n`, stderr: "", exitCode: 0 };
  }
  const rows = [...history.keys()]
    .sort((a, b) => a - b)
    .map((v) => `${v}\t${history.get(v)?.metadata.annotations?.[CHANGE_CAUSE] || "<none>"}\n`);
  const table = tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join("")}`, DESCRIBE_TABWRITER);
  return { state: ctx.state, stdout: `${header}${table}\n`, stderr: "", exitCode: 0 };
}

/** history.go: the revision's template, with the ReplicaSet's change-cause among its annotations. */
function withChangeCause(rs: ReplicaSet): PodTemplateSpec {
  const cause = rs.metadata.annotations?.[CHANGE_CAUSE];
  const t = rs.spec.template;
  if (!cause) return t;
  return {
    ...t,
    metadata: { ...t.metadata, annotations: { ...t.metadata?.annotations, [CHANGE_CAUSE]: cause } },
  };
}

function withoutHash(t: PodTemplateSpec): PodTemplateSpec {
  const labels = { ...t.metadata?.labels };
  delete labels[HASH];
  return { ...t, metadata: { ...t.metadata, labels } };
}

/** `kubectl rollout undo deployment/NAME [--to-revision=N]`: the template of that revision (default: the previous one) goes back in. */
export function rolloutUndo(ctx: Context, args: ParsedArgs, d: Deployment): KubectlResult {
  const name = d.metadata.name;
  const to = revisionFlag(args, "to-revision");
  if (typeof to === "string") return fail(ctx.state, `error: ${to}`);
  if (to < 0) return fail(ctx.state, `error: unable to find specified revision ${to} in history`);
  if ((d.spec as { paused?: boolean }).paused)
    return fail(
      ctx.state,
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
    );
  const history = revisions(ctx, d);
  const sorted = [...history.keys()].sort((a, b) => b - a);
  const chosen = to > 0 ? to : sorted[1];
  const rs = chosen === undefined ? undefined : history.get(chosen);
  if (!rs)
    return fail(
      ctx.state,
      to > 0
        ? `error: unable to find specified revision ${to} in history`
        : `error: no rollout history found for deployment "${name}"`,
    );
  const template = withoutHash(rs.spec.template);
  if (JSON.stringify(template) === JSON.stringify(withoutHash(d.spec.template)))
    return {
      state: ctx.state,
      stdout: `deployment.apps/${name} skipped rollback (current template already matches revision ${chosen})\n`,
      stderr: "",
      exitCode: 0,
    };
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {}))
    if (DEPLOYMENT_ANNOTATIONS_NOT_COPIED.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {}))
    if (!DEPLOYMENT_ANNOTATIONS_NOT_COPIED.has(k)) annotations[k] = v;
  const { state, result } = updateObject(ctx.state, {
    ...d,
    metadata: { ...d.metadata, annotations },
    spec: { ...d.spec, template },
  });
  if (!result.ok) return fail(ctx.state, result.message);
  return { state, stdout: `deployment.apps/${name} rolled back\n`, stderr: "", exitCode: 0 };
}
