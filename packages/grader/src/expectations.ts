import {
  type ClusterState,
  getObject,
  listObjects,
  type Pod,
  parseLabelSelector,
  parseQuantity,
  traceRequests,
} from "@kubejam/engine";
import { run, splitCommandLine } from "@kubejam/kubectl";
import type { Expectation } from "./exercise";

/** Whether an expectation holds, and what was seen (English, in the cluster's own words). */
export interface Outcome {
  ok: boolean;
  detail: string;
}

const pass = (detail: string): Outcome => ({ ok: true, detail });
const fail = (detail: string): Outcome => ({ ok: false, detail });

export function evaluate(state: ClusterState, e: Expectation): Outcome {
  if ("kubectl" in e) return kubectlOutput(state, e);
  if ("claimBound" in e) return claimBound(state, e.claimBound);
  if ("mounted" in e) return mounted(state, e.mounted);
  if ("podsReady" in e) return podsReady(state, e.podsReady);
  if ("reachesAll" in e) return reachesAll(state, e.reachesAll);
  return http(state, e.http);
}

function kubectlOutput(state: ClusterState, e: Extract<Expectation, { kubectl: string }>): Outcome {
  const argv = splitCommandLine(e.kubectl);
  if (!argv) return fail(`cannot read the command "kubectl ${e.kubectl}"`);
  const r = run(state, argv);
  const shown = `kubectl ${e.kubectl}`;
  const out = clip(r.stdout.trimEnd());
  if (r.exitCode !== (e.exitCode ?? 0))
    return fail(`${shown} exited with ${r.exitCode}: ${(r.stderr || r.stdout).trim()}`);
  if (e.stdout !== undefined && r.stdout !== e.stdout && out !== e.stdout.trimEnd())
    return fail(`${shown} printed "${out}", not "${e.stdout.trimEnd()}"`);
  if (e.contains !== undefined && !r.stdout.includes(e.contains))
    return fail(`${shown} printed "${out}", without "${e.contains}"`);
  if (e.matches !== undefined && !new RegExp(e.matches).test(r.stdout))
    return fail(`${shown} printed "${out}", which does not match /${e.matches}/`);
  if (e.excludes !== undefined && r.stdout.includes(e.excludes))
    return fail(`${shown} printed "${out}", which contains "${e.excludes}"`);
  return pass(`${shown}: ${out}`);
}

interface Claim {
  spec: { storageClassName?: string; volumeName?: string };
  status: { phase?: string; capacity?: { storage?: string } };
}

interface Volume {
  spec: { storageClassName?: string; capacity?: { storage?: string } };
}

function claimBound(
  state: ClusterState,
  e: Extract<Expectation, { claimBound: unknown }>["claimBound"],
): Outcome {
  const ns = e.namespace ?? "default";
  const pvc = getObject(state, "PersistentVolumeClaim", ns, e.claim) as unknown as Claim | undefined;
  if (!pvc) return fail(`persistentvolumeclaim "${e.claim}" not found in namespace ${ns}`);
  const phase = pvc.status?.phase ?? "Pending";
  if (phase !== "Bound") return fail(`persistentvolumeclaim "${e.claim}" is ${phase}, not Bound`);
  const volumeName = pvc.spec.volumeName ?? "";
  const pv = getObject(state, "PersistentVolume", undefined, volumeName) as unknown as Volume | undefined;
  if (e.volume !== undefined && volumeName !== e.volume)
    return fail(`persistentvolumeclaim "${e.claim}" is bound to ${volumeName}, not ${e.volume}`);
  const pvClass = pv?.spec.storageClassName ?? "";
  if (e.storageClass !== undefined && pvClass !== e.storageClass)
    return fail(
      `persistentvolumeclaim "${e.claim}" is bound to ${volumeName} of storage class "${pvClass}", not "${e.storageClass}"`,
    );
  if (e.capacityAtLeast !== undefined) {
    const have = parseQuantity(pvc.status.capacity?.storage ?? "0") ?? 0;
    const want = parseQuantity(e.capacityAtLeast) ?? 0;
    if (have < want)
      return fail(
        `persistentvolumeclaim "${e.claim}" has ${pvc.status.capacity?.storage ?? "0"}, less than ${e.capacityAtLeast}`,
      );
  }
  return pass(`persistentvolumeclaim "${e.claim}" is Bound to ${volumeName} (${pvClass || "no class"})`);
}

function podsOf(state: ClusterState, namespace: string, name?: string, selector?: string): Pod[] | string {
  const pods = listObjects<Pod>(state, "Pod", namespace);
  if (name !== undefined) return pods.filter((p) => p.metadata.name === name);
  if (selector === undefined) return pods;
  const match = parseLabelSelector(selector);
  if (!match) return `the selector "${selector}" does not parse`;
  return pods.filter((p) => match(p.metadata.labels));
}

function mounted(state: ClusterState, e: Extract<Expectation, { mounted: unknown }>["mounted"]): Outcome {
  const ns = e.namespace ?? "default";
  const pods = podsOf(state, ns, e.pod, e.selector);
  if (typeof pods === "string") return fail(pods);
  const what = e.pod ? `pod "${e.pod}"` : e.selector ? `a pod with ${e.selector}` : "a pod";
  if (pods.length === 0) return fail(`no ${what} in namespace ${ns}`);
  const path = normalizePath(e.mountPath);
  const seen: string[] = [];
  for (const pod of pods) {
    if (pod.status.phase !== "Running") {
      seen.push(`${pod.metadata.name} is ${pod.status.phase}`);
      continue;
    }
    for (const c of pod.spec.containers) {
      if (e.container !== undefined && c.name !== e.container) continue;
      const mount = (c.volumeMounts ?? []).find((m) => normalizePath(m.mountPath) === path);
      if (!mount) {
        const paths = (c.volumeMounts ?? [])
          .filter((m) => !m.name.startsWith("kube-api-access-"))
          .map((m) => m.mountPath);
        seen.push(
          `container ${c.name} of ${pod.metadata.name} mounts nothing at ${path}${paths.length ? ` (it mounts ${paths.join(", ")})` : ""}`,
        );
        continue;
      }
      const volume = pod.spec.volumes?.find((v) => v.name === mount.name);
      const type = volume ? volumeType(volume) : "missing";
      if (e.volumeType !== undefined && type !== e.volumeType) {
        seen.push(`${pod.metadata.name}: ${path} is a ${type} volume, not ${e.volumeType}`);
        continue;
      }
      const claim = volume?.persistentVolumeClaim?.claimName;
      if (e.claim !== undefined && claim !== e.claim) {
        seen.push(
          `${pod.metadata.name}: ${path} is ${claim ? `claim "${claim}"` : `a ${type} volume`}, not claim "${e.claim}"`,
        );
        continue;
      }
      const readOnly = Boolean(mount.readOnly || volume?.persistentVolumeClaim?.readOnly);
      if (e.readOnly !== undefined && readOnly !== e.readOnly) {
        seen.push(`${pod.metadata.name}: ${path} is mounted ${readOnly ? "read-only" : "read-write"}`);
        continue;
      }
      return pass(
        `container ${c.name} of ${pod.metadata.name} mounts volume ${mount.name} (${type}) at ${path}`,
      );
    }
    if (e.container !== undefined && !pod.spec.containers.some((c) => c.name === e.container))
      seen.push(`${pod.metadata.name} has no container ${e.container}`);
  }
  return fail(seen.join("; "));
}

function normalizePath(p: string): string {
  return p.length > 1 ? p.replace(/\/+$/, "") : p;
}

function volumeType(v: NonNullable<Pod["spec"]["volumes"]>[number]): string {
  for (const key of Object.keys(v)) if (key !== "name") return key;
  return "unknown";
}

function isReady(p: Pod): boolean {
  return p.status.conditions?.some((c) => c.type === "Ready" && c.status === "True") ?? false;
}

function podsReady(
  state: ClusterState,
  e: Extract<Expectation, { podsReady: unknown }>["podsReady"],
): Outcome {
  const pods = podsOf(state, e.namespace ?? "default", undefined, e.selector);
  if (typeof pods === "string") return fail(pods);
  const ready = pods.filter((p) => isReady(p) && !p.metadata.deletionTimestamp);
  if (ready.length < e.count)
    return fail(`${ready.length} of ${pods.length} pods with ${e.selector} are Ready; ${e.count} wanted`);
  return pass(`${ready.length} pods with ${e.selector} are Ready`);
}

function reachesAll(
  state: ClusterState,
  e: Extract<Expectation, { reachesAll: unknown }>["reachesAll"],
): Outcome {
  const ns = e.namespace ?? "default";
  const pods = podsOf(state, ns, undefined, e.selector);
  if (typeof pods === "string") return fail(pods);
  const ready = pods.filter(isReady).map((p) => `${ns}/${p.metadata.name}`);
  if (ready.length === 0) return fail(`no ready pod has ${e.selector}`);
  const requests = Array.from({ length: e.requests }, () => ({ from: e.from, url: e.url, namespace: ns }));
  const { results } = traceRequests(state, requests, { hops: false });
  const first = results[0];
  if (first && !first.ok) return fail(first.message);
  const answered = new Set<string>();
  const failures = new Map<string, number>();
  for (const r of results) {
    if (!r.ok) continue;
    if (r.outcome === "delivered" && r.target) answered.add(r.target);
    else {
      const why = r.reason ?? r.outcome;
      failures.set(why, (failures.get(why) ?? 0) + 1);
    }
  }
  const missed = ready.filter((p) => !answered.has(p));
  if (failures.size > 0) {
    const [why, n] = [...failures.entries()][0] ?? ["", 0];
    return fail(`${n} of ${e.requests} requests to ${e.url} failed: ${why}`);
  }
  if (missed.length > 0)
    return fail(
      `${e.requests} requests to ${e.url} reached ${[...answered].join(", ") || "no pod"}, never ${missed.join(", ")}`,
    );
  return pass(`${e.requests} requests to ${e.url} reached all ${ready.length} ready pods`);
}

function http(state: ClusterState, e: Extract<Expectation, { http: unknown }>["http"]): Outcome {
  const { results } = traceRequests(state, [{ from: e.from, url: e.url, namespace: e.namespace }], {
    hops: false,
  });
  const r = results[0];
  if (!r) return fail("no answer");
  if (!r.ok) return fail(r.message);
  if (r.outcome !== "delivered")
    return fail(
      `GET ${e.url} from ${e.from}: ${r.outcome === "refused" ? "connection refused" : r.outcome === "timeout" ? "no answer (timeout)" : "the name does not resolve"}${r.reason ? `: ${r.reason}` : ""}`,
    );
  const status = Number(/HTTP\/1\.1 (\d+)/.exec(r.status ?? "")?.[1] ?? 0);
  if (status !== e.status)
    return fail(`GET ${e.url} from ${e.from} answered ${r.status ?? "nothing"}, not ${e.status}`);
  if (e.contains !== undefined && !(r.body ?? "").includes(e.contains))
    return fail(`GET ${e.url} from ${e.from} answered ${r.status}, but its body lacks "${e.contains}"`);
  return pass(`GET ${e.url} from ${e.from}: ${r.status} from ${r.target ?? "?"}`);
}

/** Long output (a whole HTML page) shown in a result is cut to its start. */
function clip(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
