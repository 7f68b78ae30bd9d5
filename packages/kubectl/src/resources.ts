import { type KindInfo, resolveResource } from "@kubejam/engine";

/** `pod/web`, `deployment.apps/web`: how kubectl names an object in `-o name` and apply's output. */
export function qualifiedName(info: KindInfo, name: string): string {
  return `${info.singular}${info.group ? `.${info.group}` : ""}/${name}`;
}

/** `pods`, `deployments.apps`: the resource in API errors. */
export function resourceName(info: KindInfo): string {
  return `${info.plural}${info.group ? `.${info.group}` : ""}`;
}

export interface Target {
  info: KindInfo;
  names: string[];
}

// `kubectl get all` (the "all" category): the kinds that carry it in this cluster.
const ALL = [
  "pods",
  "services",
  "daemonsets",
  "deployments",
  "replicasets",
  "statefulsets",
  "jobs",
  "cronjobs",
];

/** Parses `TYPE[,TYPE] [NAME...]` or `TYPE/NAME...` (staging/src/k8s.io/cli-runtime/pkg/resource/builder.go). */
export function parseTargets(
  positionals: string[],
): { ok: true; targets: Target[] } | { ok: false; message: string } {
  if (positionals.length === 0) return { ok: true, targets: [] };
  if (positionals.some((p) => p.includes("/"))) {
    const targets: Target[] = [];
    for (const p of positionals) {
      const [type = "", name = ""] = p.split("/", 2);
      if (!p.includes("/")) {
        return {
          ok: false,
          message: `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
        };
      }
      const info = resolveResource(type);
      if (!info) return { ok: false, message: `error: the server doesn't have a resource type "${type}"` };
      const existing = targets.find((t) => t.info === info);
      if (existing) existing.names.push(name);
      else targets.push({ info, names: [name] });
    }
    return { ok: true, targets };
  }
  const [types = "", ...names] = positionals;
  const infos: KindInfo[] = [];
  for (const type of types.split(",")) {
    if (type === "all") {
      for (const r of ALL) {
        const info = resolveResource(r);
        if (info && !infos.includes(info)) infos.push(info);
      }
      continue;
    }
    const info = resolveResource(type);
    if (!info) return { ok: false, message: `error: the server doesn't have a resource type "${type}"` };
    if (!infos.includes(info)) infos.push(info);
  }
  if (names.length > 0 && infos.length > 1) {
    return {
      ok: false,
      message: `error: arguments in resource/name form must have a single resource and name`,
    };
  }
  return { ok: true, targets: infos.map((info) => ({ info, names: [...names] })) };
}
