import {
  type ManifestDocument,
  type ManifestFile,
  parseLabelSelector,
  parseManifests,
} from "@kubejam/engine";
import type { Check, Expectation } from "./exercise";

// Where, in the learner's own files, a failed check points: the document (and field) that made the
// object the check is about, so the lesson page can put the cursor on that line.

export interface CheckLocation {
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  /** `Kind/name` of the document. */
  object: string;
  /** The field the location points at, when the check names one. */
  path?: string;
}

/** An object a check is about: by kind and name, or the pods a selector picks (through their workloads). */
export interface Target {
  kind?: string;
  name?: string;
  selector?: string;
  namespace?: string;
  /** A field path in the document, e.g. `spec.ports[0].targetPort`. */
  path?: string;
  /** With `containerPath`: the field inside this container of the pod spec, e.g. `volumeMounts`. */
  container?: string;
  containerPath?: string;
}

const WORKLOADS = new Set(["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job"]);
const WHY_KINDS: Record<string, string> = {
  pod: "Pod",
  service: "Service",
  svc: "Service",
  pvc: "PersistentVolumeClaim",
  persistentvolumeclaim: "PersistentVolumeClaim",
};

/** What a check is about: its own `at`, else what its expectations and `why` name. */
export function targetsOf(check: Check): Target[] {
  if (check.at.length > 0) return [...check.at];
  const expectations = Array.isArray(check.expect) ? check.expect : [check.expect];
  const targets = expectations.flatMap(expectationTargets);
  if (check.why) {
    const [type = "", name = ""] = check.why.split("/");
    const kind = WHY_KINDS[type];
    if (kind) targets.push({ kind, name });
  }
  return targets;
}

function expectationTargets(e: Expectation): Target[] {
  if ("claimBound" in e)
    return [{ kind: "PersistentVolumeClaim", name: e.claimBound.claim, namespace: e.claimBound.namespace }];
  if ("mounted" in e) {
    const m = e.mounted;
    const inContainer = { containerPath: "volumeMounts", ...(m.container ? { container: m.container } : {}) };
    if (m.pod) return [{ kind: "Pod", name: m.pod, namespace: m.namespace, ...inContainer }];
    if (m.selector) return [{ selector: m.selector, namespace: m.namespace, ...inContainer }];
    return [];
  }
  if ("podsReady" in e) return [{ selector: e.podsReady.selector, namespace: e.podsReady.namespace }];
  if ("reachesAll" in e) {
    const service = serviceOf(e.reachesAll.url);
    return [
      ...(service ? [{ kind: "Service", name: service, namespace: e.reachesAll.namespace }] : []),
      { selector: e.reachesAll.selector, namespace: e.reachesAll.namespace },
    ];
  }
  if ("http" in e) {
    const service = serviceOf(e.http.url);
    return service ? [{ kind: "Service", name: service, namespace: e.http.namespace }] : [];
  }
  return [];
}

/** `http://web`, `http://web.default.svc.cluster.local:8080/x` → `web`; an IP names no Service. */
function serviceOf(url: string): string | undefined {
  const host = /^[a-z]+:\/\/([^/:]+)/i.exec(url)?.[1];
  if (!host || /^\d+(\.\d+){3}$/.test(host)) return undefined;
  return host.split(".")[0];
}

/** The learner's files, parsed on first use (only a failed check needs positions). */
export class FileLocator {
  private documents: ManifestDocument[] | undefined;

  constructor(private readonly files: readonly ManifestFile[]) {}

  /** The documents the targets name, in file order, each once. */
  locate(targets: readonly Target[]): CheckLocation[] {
    if (targets.length === 0) return [];
    this.documents ??= this.files.flatMap((f) => {
      const parsed = parseManifests(f.name, f.text);
      return parsed.ok ? parsed.documents : [];
    });
    return locateIn(this.documents, targets);
  }
}

function locateIn(documents: readonly ManifestDocument[], targets: readonly Target[]): CheckLocation[] {
  const out: CheckLocation[] = [];
  const seen = new Set<string>();
  for (const doc of documents) {
    const v = doc.value as {
      kind?: unknown;
      metadata?: { name?: unknown; namespace?: unknown; labels?: Record<string, string> };
      spec?: { template?: { metadata?: { labels?: Record<string, string> } } };
    };
    const kind = typeof v.kind === "string" ? v.kind : "";
    const name = typeof v.metadata?.name === "string" ? v.metadata.name : "";
    const namespace = typeof v.metadata?.namespace === "string" ? v.metadata.namespace : "default";
    for (const t of targets) {
      if ((t.namespace ?? "default") !== namespace) continue;
      const podPrefix = kind === "Pod" ? "spec" : WORKLOADS.has(kind) ? "spec.template.spec" : undefined;
      if (t.selector !== undefined) {
        const labels = kind === "Pod" ? v.metadata?.labels : v.spec?.template?.metadata?.labels;
        const matches = parseLabelSelector(t.selector);
        if (!podPrefix || !labels || !matches?.(labels)) continue;
      } else if (t.kind !== kind || t.name !== name) continue;
      const path = fieldPath(doc.value, podPrefix, t);
      const key = `${doc.file}\u0000${doc.index}\u0000${path ?? ""}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const at = doc.locate(path ?? "") ?? doc.locate("");
      if (!at) continue;
      out.push({
        file: doc.file,
        line: at.line,
        column: at.column,
        object: `${kind}/${name}`,
        ...(path ? { path } : {}),
      });
    }
  }
  return out;
}

/** A target's field path in the document; a container field resolves to that container's index. */
function fieldPath(
  value: Record<string, unknown>,
  podPrefix: string | undefined,
  t: Target,
): string | undefined {
  if (!t.containerPath) return t.path;
  if (!podPrefix) return undefined;
  const spec = podPrefix
    .split(".")
    .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], value);
  const containers = (spec as { containers?: { name?: string }[] } | undefined)?.containers ?? [];
  const index = t.container === undefined ? -1 : containers.findIndex((c) => c.name === t.container);
  return index < 0 ? `${podPrefix}.containers` : `${podPrefix}.containers[${index}].${t.containerPath}`;
}
