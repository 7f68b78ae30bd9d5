import type { PodTemplateSpec } from "../api/pod";
import type { Deployment, DeploymentStatus, ReplicaSet } from "../api/workloads";
import { Component, Messages, Reason } from "../events/reasons";
import { canonicalJson } from "../ops/canonical-json";
import { fnv32a, safeEncodeString } from "../runtime/ids";
import { sameJson } from "../store/equal";
import type { Tx } from "../store/tx";
import { byController, controllerOf } from "./owners";

// pkg/controller/deployment: a Deployment owns ReplicaSets, one per pod template.
export const REVISION = "deployment.kubernetes.io/revision";
const DESIRED = "deployment.kubernetes.io/desired-replicas";
const MAX = "deployment.kubernetes.io/max-replicas";
const REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
const HASH = "pod-template-hash";

/**
 * deployment/util annotationsToSkip: the Deployment's annotations a ReplicaSet does not copy, and
 * (kubectl rollout undo) the ones a rollback leaves on the Deployment.
 */
export const NOT_COPIED: ReadonlySet<string> = new Set([
  "kubectl.kubernetes.io/last-applied-configuration",
  REVISION,
  REVISION_HISTORY,
  DESIRED,
  MAX,
  "deprecated.deployment.rollback.to",
]);

/** The Deployment's annotations a ReplicaSet carries (kubernetes.io/change-cause, the user's own). */
function copiedAnnotations(d: Deployment): Record<string, string> {
  const copied: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (!NOT_COPIED.has(k)) copied[k] = v;
  return copied;
}

/**
 * SetNewReplicaSetAnnotations for a ReplicaSet that is the Deployment's new one again (a rollback, or
 * a template changed back): it takes the next revision and remembers its old one in revision-history;
 * and every new ReplicaSet keeps the Deployment's copied annotations.
 */
function adoptAsNew(tx: Tx, d: Deployment, rs: ReplicaSet, maxRevision: number): ReplicaSet {
  const own = rs.metadata.annotations ?? {};
  const oldRevision = own[REVISION];
  const bump = Number(oldRevision ?? 0) < maxRevision;
  // Every pass asks; nearly always the ReplicaSet already carries what it should.
  if (!bump && carriesCopiedAnnotations(d, own)) return rs;
  const kept = Object.fromEntries(Object.entries(own).filter(([k]) => NOT_COPIED.has(k)));
  const annotations: Record<string, string> = { ...copiedAnnotations(d), ...kept };
  if (bump) {
    annotations[REVISION] = String(maxRevision + 1);
    if (oldRevision)
      annotations[REVISION_HISTORY] = own[REVISION_HISTORY]
        ? `${own[REVISION_HISTORY]},${oldRevision}`
        : oldRevision;
  }
  const keys = Object.keys(annotations);
  if (keys.length === Object.keys(own).length && keys.every((k) => own[k] === annotations[k])) return rs;
  return tx.update<ReplicaSet>({ ...rs, metadata: { ...rs.metadata, annotations } });
}

/** Whether `own` holds exactly the Deployment's copied annotations besides the ones it keeps. */
function carriesCopiedAnnotations(d: Deployment, own: Record<string, string>): boolean {
  const theirs = d.metadata.annotations ?? {};
  let copied = 0;
  for (const k in theirs) {
    if (NOT_COPIED.has(k)) continue;
    if (own[k] !== theirs[k]) return false;
    copied++;
  }
  let mine = 0;
  for (const k in own) if (!NOT_COPIED.has(k)) mine++;
  return mine === copied;
}

export function reconcileDeployments(tx: Tx): void {
  const deployments = tx.list<Deployment>("Deployment");
  if (deployments.length === 0) return;
  const owned = byController(tx.list<ReplicaSet>("ReplicaSet"));
  for (const d of deployments) {
    if (d.metadata.deletionTimestamp) continue;
    syncDeployment(tx, d, owned.get(d.metadata.uid) ?? []);
  }
}

/** controller.ComputeHash: FNV-32a of the template, rendered with SafeEncodeString. */
export function templateHash(template: PodTemplateSpec, collisionCount = 0): string {
  return safeEncodeString(
    String(fnv32a(templateJson(template) + (collisionCount ? String(collisionCount) : ""))),
  );
}

// Stored objects are never mutated, so a template's texts can be kept per template object.
const templateTexts = new WeakMap<PodTemplateSpec, string>();
const templateIdentity = new WeakMap<PodTemplateSpec, string>();

function templateJson(template: PodTemplateSpec): string {
  let text = templateTexts.get(template);
  if (text === undefined) {
    text = canonicalJson(template);
    templateTexts.set(template, text);
  }
  return text;
}

/** The template as text without the pod-template-hash label: equal texts mean the same pod template. */
function withoutHash(template: PodTemplateSpec): string {
  const known = templateIdentity.get(template);
  if (known !== undefined) return known;
  const own = template.metadata?.labels;
  let text: string;
  // A Deployment's own template has labels and no hash: its text is the one its hash is taken of.
  if (own !== undefined && !Object.hasOwn(own, HASH)) text = templateJson(template);
  else {
    const labels = { ...(own ?? {}) };
    delete labels[HASH];
    text = canonicalJson({ ...template, metadata: { ...template.metadata, labels } });
  }
  templateIdentity.set(template, text);
  return text;
}

function resolve(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (typeof value === "number") return value;
  const pct = Number.parseInt(value ?? "0", 10) / 100;
  return roundUp ? Math.ceil(pct * total) : Math.floor(pct * total);
}

function syncDeployment(tx: Tx, d: Deployment, sets: ReplicaSet[]): void {
  const ns = d.metadata.namespace ?? "default";
  const wanted = withoutHash(d.spec.template);
  let newRS = sets.find((rs) => withoutHash(rs.spec.template) === wanted);
  const old = sets.filter((rs) => rs !== newRS);
  const replicas = d.spec.replicas;
  const rolling = d.spec.strategy.type !== "Recreate";
  const maxSurge = rolling ? resolve(d.spec.strategy.rollingUpdate?.maxSurge, replicas, true) : 0;
  let maxUnavailable = rolling ? resolve(d.spec.strategy.rollingUpdate?.maxUnavailable, replicas, false) : 0;
  if (rolling && maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  const revision = Math.max(0, ...sets.map((rs) => Number(rs.metadata.annotations?.[REVISION] ?? 0)));
  const podsOf = (rs: ReplicaSet) => rs.status.replicas ?? 0;
  const oldPods = old.reduce((n, rs) => n + podsOf(rs), 0);

  if (!newRS) {
    let initial = 0;
    if (!rolling) initial = oldPods === 0 && old.every((rs) => rs.spec.replicas === 0) ? replicas : 0;
    else {
      const total = old.reduce((n, rs) => n + rs.spec.replicas, 0);
      initial = Math.max(0, Math.min(replicas, replicas + maxSurge - total));
    }
    const hash = templateHash(d.spec.template);
    const name = `${d.metadata.name}-${hash}`;
    const labels = { ...(d.spec.template.metadata?.labels ?? {}), [HASH]: hash };
    newRS = tx.create<ReplicaSet>({
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: {
        name,
        namespace: ns,
        labels,
        annotations: {
          ...copiedAnnotations(d),
          [DESIRED]: String(replicas),
          [MAX]: String(replicas + maxSurge),
          [REVISION]: String(revision + 1),
        },
        ownerReferences: [
          {
            apiVersion: "apps/v1",
            kind: "Deployment",
            name: d.metadata.name,
            uid: d.metadata.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
        generation: 1,
      },
      spec: {
        replicas: initial,
        selector: {
          ...d.spec.selector,
          matchLabels: { ...(d.spec.selector.matchLabels ?? {}), [HASH]: hash },
        },
        template: { ...d.spec.template, metadata: { ...d.spec.template.metadata, labels } },
        ...(d.spec.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}),
      },
      status: { replicas: 0 },
    });
    // Its template is the Deployment's plus the hash label: the same text without it, known already.
    if (d.spec.template.metadata?.labels !== undefined) templateIdentity.set(newRS.spec.template, wanted);
    if (initial > 0)
      tx.event(d, "Normal", Reason.ScalingReplicaSet, Messages.scaled("up", name, 0, initial), {
        component: Component.deployment,
      });
  } else {
    newRS = adoptAsNew(tx, d, newRS, revision);
    if (rolling || oldPods === 0) {
      const total = sets.reduce((n, rs) => n + rs.spec.replicas, 0);
      let target = newRS.spec.replicas;
      if (!rolling) target = replicas;
      else if (newRS.spec.replicas < replicas)
        target = Math.min(replicas, newRS.spec.replicas + Math.max(0, replicas + maxSurge - total));
      else if (newRS.spec.replicas > replicas) target = replicas;
      newRS = scale(tx, d, newRS, target, replicas, maxSurge);
    }
  }

  // Scale old ReplicaSets down within maxUnavailable (rolling) or all at once (Recreate).
  const current = newRS;
  let budget = rolling
    ? old.reduce((n, rs) => n + rs.spec.replicas, 0) +
      current.spec.replicas -
      (replicas - maxUnavailable) -
      (current.spec.replicas - (current.status.availableReplicas ?? 0))
    : Number.POSITIVE_INFINITY;
  const sortedOld = [...old].sort((a, b) =>
    a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp),
  );
  for (const rs of sortedOld) {
    if (budget <= 0) break;
    if (rs.spec.replicas === 0) continue;
    const unhealthy = rs.spec.replicas - (rs.status.availableReplicas ?? 0);
    const down = Math.min(
      rs.spec.replicas,
      Math.max(budget, 0),
      rolling ? Math.max(budget, unhealthy) : rs.spec.replicas,
    );
    if (down <= 0) continue;
    scale(tx, d, rs, rs.spec.replicas - down, replicas, maxSurge);
    budget -= down;
  }

  cleanupHistory(tx, d, old);
  writeStatus(tx, d, current);
}

function scale(
  tx: Tx,
  d: Deployment,
  rs: ReplicaSet,
  to: number,
  replicas: number,
  maxSurge: number,
): ReplicaSet {
  if (rs.spec.replicas === to && rs.metadata.annotations?.[DESIRED] === String(replicas)) return rs;
  const annotations = {
    ...rs.metadata.annotations,
    [DESIRED]: String(replicas),
    [MAX]: String(replicas + maxSurge),
  };
  const from = rs.spec.replicas;
  const updated = tx.update<ReplicaSet>({
    ...rs,
    metadata: {
      ...rs.metadata,
      annotations,
      generation: (rs.metadata.generation ?? 1) + (from !== to ? 1 : 0),
    },
    spec: { ...rs.spec, replicas: to },
  });
  if (from !== to) {
    tx.event(
      d,
      "Normal",
      Reason.ScalingReplicaSet,
      Messages.scaled(to > from ? "up" : "down", rs.metadata.name, from, to),
      { component: Component.deployment },
    );
  }
  return updated;
}

// cleanupDeployment: keep at most revisionHistoryLimit old ReplicaSets that have scaled to zero.
function cleanupHistory(tx: Tx, d: Deployment, old: ReplicaSet[]): void {
  const idle = old
    .map((rs) => tx.get<ReplicaSet>("ReplicaSet", rs.metadata.namespace, rs.metadata.name) ?? rs)
    .filter((rs) => rs.spec.replicas === 0 && (rs.status.replicas ?? 0) === 0)
    .sort(
      (a, b) =>
        Number(a.metadata.annotations?.[REVISION] ?? 0) - Number(b.metadata.annotations?.[REVISION] ?? 0),
    );
  const excess = idle.length - d.spec.revisionHistoryLimit;
  for (const rs of idle.slice(0, Math.max(0, excess))) tx.remove(rs);
}

function writeStatus(tx: Tx, d: Deployment, newRS: ReplicaSet): void {
  const ns = d.metadata.namespace;
  const sets = tx.list<ReplicaSet>("ReplicaSet", ns).filter((rs) => controllerOf(rs)?.uid === d.metadata.uid);
  const sum = (f: (rs: ReplicaSet) => number | undefined) => sets.reduce((n, rs) => n + (f(rs) ?? 0), 0);
  const fresh = tx.get<ReplicaSet>("ReplicaSet", ns, newRS.metadata.name) ?? newRS;
  const replicas = sum((rs) => rs.status.replicas);
  const available = sum((rs) => rs.status.availableReplicas);
  const ready = sum((rs) => rs.status.readyReplicas);
  const updated = fresh.status.replicas ?? 0;
  const maxUnavailable =
    d.spec.strategy.type === "Recreate"
      ? 0
      : resolve(d.spec.strategy.rollingUpdate?.maxUnavailable, d.spec.replicas, false);
  const minAvailable = available >= d.spec.replicas - maxUnavailable;
  const complete =
    updated === d.spec.replicas && replicas === d.spec.replicas && available === d.spec.replicas;
  const prev = d.status.conditions ?? [];
  const now = tx.now();
  const cond = (type: string, status: string, reason: string, message: string) => {
    const p = prev.find((c) => c.type === type);
    const same = p && p.status === status && p.reason === reason && p.message === message;
    return same && p
      ? p
      : {
          type,
          status,
          lastUpdateTime: now,
          lastTransitionTime: p && p.status === status ? p.lastTransitionTime : now,
          reason,
          message,
        };
  };
  const progressing = complete
    ? cond(
        "Progressing",
        "True",
        "NewReplicaSetAvailable",
        `ReplicaSet "${fresh.metadata.name}" has successfully progressed.`,
      )
    : cond("Progressing", "True", "ReplicaSetUpdated", `ReplicaSet "${fresh.metadata.name}" is progressing.`);
  const availableCond = minAvailable
    ? cond("Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.")
    : cond(
        "Available",
        "False",
        "MinimumReplicasUnavailable",
        "Deployment does not have minimum availability.",
      );
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation ?? 1,
    ...(replicas ? { replicas } : {}),
    ...(updated ? { updatedReplicas: updated } : {}),
    ...(ready ? { readyReplicas: ready } : {}),
    ...(available ? { availableReplicas: available } : {}),
    ...(d.spec.replicas - available > 0 ? { unavailableReplicas: d.spec.replicas - available } : {}),
    conditions: [availableCond, progressing],
  };
  const revision = fresh.metadata.annotations?.[REVISION];
  const annotations = { ...d.metadata.annotations, ...(revision ? { [REVISION]: revision } : {}) };
  const live = tx.get<Deployment>("Deployment", ns, d.metadata.name) ?? d;
  if (!sameJson(live.status, status) || live.metadata.annotations?.[REVISION] !== revision) {
    tx.update<Deployment>({ ...live, metadata: { ...live.metadata, annotations }, status });
  }
}
