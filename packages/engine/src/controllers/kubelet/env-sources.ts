import type { Container, Pod } from "../../api/pod";
import type { ConfigMap, Secret } from "../../api/storage";
import { base64Decode } from "../../runtime/base64";
import type { Tx } from "../../store/tx";
import { downwardFieldValue, resourceFieldValue } from "./downward-api";

/**
 * What a container's `envFrom` and `valueFrom` entries gave when the kubelet created it: read once,
 * as the kubelet does (a later change of the ConfigMap or Secret does not reach a running container).
 */
export interface ResolvedEnv {
  /** `envFrom`'s variables, in order (a later source overrides an earlier one). */
  readonly envFrom: readonly (readonly [string, string])[];
  /** The value of each `env` entry with a `valueFrom`, by name; an optional source that is missing sets none. */
  readonly valueFrom: Readonly<Record<string, string>>;
}

/** `env` is undefined for a container with neither (most of them): nothing to keep. */
export type EnvSources = { ok: true; env?: ResolvedEnv } | { ok: false; message: string };

const NOTHING: EnvSources = { ok: true };

type Ref = { name?: unknown; key?: unknown; optional?: unknown };

/**
 * kubelet_pods.go makeEnvironmentVariables: `envFrom` ConfigMaps and Secrets, then each `env` entry's
 * `configMapKeyRef`, `secretKeyRef` or `fieldRef`. A missing source or key that is not optional is the
 * kubelet's error, which keeps the container from being created (CreateContainerConfigError).
 */
export function resolveEnvSources(tx: Tx, pod: Pod, container: Container, podIp: string): EnvSources {
  if (!container.envFrom?.length && !container.env?.some((e) => e.valueFrom !== undefined)) return NOTHING;
  const ns = pod.metadata.namespace ?? "default";
  const envFrom: [string, string][] = [];
  for (const source of container.envFrom ?? []) {
    const s = source as { prefix?: unknown; configMapRef?: Ref; secretRef?: Ref };
    const prefix = typeof s.prefix === "string" ? s.prefix : "";
    const ref = s.configMapRef ?? s.secretRef;
    if (!ref) continue;
    const found = lookup(tx, s.configMapRef ? "ConfigMap" : "Secret", ns, ref);
    if (!found.ok) return found;
    for (const [key, value] of Object.entries(found.data)) envFrom.push([prefix + key, value]);
  }
  const valueFrom: Record<string, string> = {};
  for (const e of container.env ?? []) {
    const from = e.valueFrom as {
      configMapKeyRef?: Ref;
      secretKeyRef?: Ref;
      fieldRef?: { fieldPath?: unknown };
      resourceFieldRef?: { containerName?: unknown; resource?: unknown; divisor?: unknown };
    };
    if (!from) continue;
    if (from.fieldRef) {
      valueFrom[e.name] = downwardFieldValue(tx, pod, String(from.fieldRef.fieldPath ?? ""), podIp);
      continue;
    }
    if (from.resourceFieldRef) {
      valueFrom[e.name] = resourceFieldValue(tx, pod, from.resourceFieldRef, container.name);
      continue;
    }
    const ref = from.configMapKeyRef ?? from.secretKeyRef;
    if (!ref) continue;
    const kind = from.configMapKeyRef ? "ConfigMap" : "Secret";
    const found = lookup(tx, kind, ns, ref);
    if (!found.ok) return found;
    if (found.missing) continue;
    const key = String(ref.key ?? "");
    const value = found.data[key];
    if (value === undefined) {
      if (ref.optional === true) continue;
      return { ok: false, message: `couldn't find key ${key} in ${kind} ${ns}/${String(ref.name ?? "")}` };
    }
    valueFrom[e.name] = value;
  }
  return { ok: true, env: { envFrom, valueFrom } };
}

/** A ConfigMap's data, or a Secret's decoded; `missing` for an optional one that does not exist. */
function lookup(
  tx: Tx,
  kind: "ConfigMap" | "Secret",
  ns: string,
  ref: Ref,
): { ok: true; data: Record<string, string>; missing?: true } | { ok: false; message: string } {
  const name = String(ref.name ?? "");
  const obj = tx.get<ConfigMap | Secret>(kind, ns, name);
  if (!obj) {
    if (ref.optional === true) return { ok: true, data: {}, missing: true };
    // The kubelet's secret and configmap managers name the resource in the singular.
    return { ok: false, message: `${kind.toLowerCase()} "${name}" not found` };
  }
  if (kind === "ConfigMap") return { ok: true, data: { ...(obj as ConfigMap).data } };
  const data: Record<string, string> = {};
  for (const [key, value] of Object.entries((obj as Secret).data ?? {}))
    data[key] = base64Decode(value) ?? "";
  return { ok: true, data };
}
