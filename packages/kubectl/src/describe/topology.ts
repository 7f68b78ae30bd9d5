// describe.go: describeTopologySpreadConstraints (sorted by topologyKey).
import { compareStrings, formatLabelSelector, type SelectorLike } from "../printers/labels";
import { LEVEL_0, type PrefixWriter } from "./prefix-writer";

interface Constraint {
  topologyKey: string;
  whenUnsatisfiable: string;
  maxSkew: number;
  labelSelector?: SelectorLike;
}

function asConstraint(v: unknown): Constraint {
  const r = typeof v === "object" && v !== null ? (v as Record<string, unknown>) : {};
  return {
    topologyKey: typeof r.topologyKey === "string" ? r.topologyKey : "",
    whenUnsatisfiable: typeof r.whenUnsatisfiable === "string" ? r.whenUnsatisfiable : "",
    maxSkew: typeof r.maxSkew === "number" ? r.maxSkew : 0,
    labelSelector:
      typeof r.labelSelector === "object" && r.labelSelector !== null
        ? (r.labelSelector as SelectorLike)
        : undefined,
  };
}

export function describeTopologySpreadConstraints(
  constraints: readonly unknown[] | undefined,
  w: PrefixWriter,
  space: string,
): void {
  const list = (constraints ?? []).map(asConstraint);
  if (list.length === 0) return;
  list.sort((a, b) => compareStrings(a.topologyKey, b.topologyKey));
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  list.forEach((c, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, space);
      w.write(LEVEL_0, "\t");
    }
    let text = `${c.topologyKey}:${c.whenUnsatisfiable} when max skew ${c.maxSkew} is exceeded`;
    if (c.labelSelector !== undefined) text += ` for selector ${formatLabelSelector(c.labelSelector)}`;
    w.write(LEVEL_0, `${text}\n`);
  });
}
