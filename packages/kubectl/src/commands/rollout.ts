import { advance, type Deployment, getObject, rfc3339, updateObject } from "@kubejam/engine";
import { flag, type ParsedArgs } from "../args";
import { goDurationMs } from "../flags/flag-set";
import { parseTargets } from "../resources";
import { type Context, fail, type KubectlResult } from "../result";
import { rolloutHistory, rolloutUndo } from "./rollout-history";

const STEP_MS = 2000;
const TIMEOUT_MS = 10 * 60 * 1000;

/**
 * `kubectl rollout status|restart|history|undo deployment/NAME`; status waits (in virtual time) until
 * the rollout completes.
 */
export function rolloutCommand(ctx: Context, args: ParsedArgs): KubectlResult {
  const [sub, ...rest] = args.positionals;
  if (!["status", "restart", "history", "undo"].includes(sub ?? ""))
    return fail(ctx.state, `error: unknown command "${sub ?? ""}" for "kubectl rollout"`);
  // The rollout subcommands' Validate: no TYPE NAME, TYPE/NAME or -f at all.
  if (rest.length === 0 && !args.flags.has("filename"))
    return fail(ctx.state, "error: required resource not specified");
  // history's Validate, before the object is looked up.
  const revision = Number(flag(args, "revision") ?? 0);
  if (sub === "history" && revision < 0)
    return fail(ctx.state, `error: revision must be a positive integer: ${revision}`);
  const parsed = parseTargets(rest);
  if (!parsed.ok) return fail(ctx.state, parsed.message);
  const target = parsed.targets[0];
  const name = target?.names[0];
  if (!target || !name || target.info.kind !== "Deployment")
    return fail(
      ctx.state,
      `error: rollout ${sub} is supported for deployments here: kubectl rollout ${sub} deployment/NAME`,
    );
  const d = getObject<Deployment>(ctx.state, "Deployment", ctx.namespace, name);
  if (!d) return fail(ctx.state, `Error from server (NotFound): deployments.apps "${name}" not found`);
  if (sub === "restart") return restart(ctx, d);
  if (sub === "history") return rolloutHistory(ctx, args, d);
  if (sub === "undo") return rolloutUndo(ctx, args, d);
  // --timeout=0 (the default) waits as long as it takes; here, up to TIMEOUT_MS of virtual time.
  const timeoutMs = goDurationMs(flag(args, "timeout") ?? "0");
  const limit = timeoutMs > 0 ? Math.min(timeoutMs, TIMEOUT_MS) : TIMEOUT_MS;
  const watch = flag(args, "watch") !== "false";
  let state = ctx.state;
  const lines: string[] = [];
  for (let waited = 0; waited <= limit; waited += STEP_MS) {
    const d = getObject<Deployment>(state, "Deployment", ctx.namespace, name);
    if (!d) return fail(ctx.state, `Error from server (NotFound): deployments.apps "${name}" not found`);
    const line = statusLine(d);
    if (line === undefined) {
      lines.push(`deployment "${name}" successfully rolled out`);
      return { state, stdout: `${lines.join("\n")}\n`, stderr: "", exitCode: 0 };
    }
    if (lines.at(-1) !== line) lines.push(line);
    if (!watch) return { state, stdout: `${lines.join("\n")}\n`, stderr: "", exitCode: 0 };
    state = advance(state, STEP_MS);
  }
  return {
    state,
    stdout: `${lines.join("\n")}\n`,
    stderr: "error: timed out waiting for the condition\n",
    exitCode: 1,
  };
}

// staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go (DeploymentStatusViewer).
function statusLine(d: Deployment): string | undefined {
  const want = d.spec.replicas;
  const s = d.status;
  const name = d.metadata.name;
  if ((s.observedGeneration ?? 0) < (d.metadata.generation ?? 1))
    return `Waiting for deployment spec update to be observed...`;
  const updated = s.updatedReplicas ?? 0;
  if (updated < want)
    return `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${want} new replicas have been updated...`;
  const replicas = s.replicas ?? 0;
  if (replicas > updated)
    return `Waiting for deployment "${name}" rollout to finish: ${replicas - updated} old replicas are pending termination...`;
  const available = s.availableReplicas ?? 0;
  if (available < updated)
    return `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...`;
  return undefined;
}

/**
 * `kubectl rollout restart deployment/NAME` (rollout_restart.go, polymorphichelpers/objectrestarter.go):
 * stamps the pod template with `kubectl.kubernetes.io/restartedAt`, so the Deployment rolls out new pods.
 */
function restart(ctx: Context, d: Deployment): KubectlResult {
  const name = d.metadata.name;
  if ((d.spec as { paused?: boolean }).paused)
    return fail(
      ctx.state,
      `error: deployments.apps/${name} can't restart paused deployment (run rollout resume first)`,
    );
  const template = d.spec.template;
  const next = {
    ...d,
    spec: {
      ...d.spec,
      template: {
        ...template,
        metadata: {
          ...template.metadata,
          annotations: {
            ...template.metadata?.annotations,
            "kubectl.kubernetes.io/restartedAt": rfc3339(ctx.state.clock),
          },
        },
      },
    },
  };
  const { state, result } = updateObject(ctx.state, next);
  if (!result.ok) return fail(ctx.state, result.message);
  return { state, stdout: `deployment.apps/${name} restarted\n`, stderr: "", exitCode: 0 };
}
