import type { LabelSelector } from "../api/meta";

/** metav1.LabelSelectorAsSelector semantics: matchLabels AND every matchExpression. */
export function selectorMatches(
  selector: LabelSelector,
  labels: Record<string, string> | undefined,
): boolean {
  const l = labels ?? {};
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(l, e.key);
    const value = l[e.key];
    switch (e.operator) {
      case "In":
        if (!has || !(e.values ?? []).includes(value ?? "")) return false;
        break;
      case "NotIn":
        if (has && (e.values ?? []).includes(value ?? "")) return false;
        break;
      case "Exists":
        if (!has) return false;
        break;
      case "DoesNotExist":
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** A kubectl `-l` selector (`app=web,tier!=db,env in (a,b),!legacy`) as a predicate; undefined when it does not parse. */
export function parseLabelSelector(
  text: string,
): ((labels: Record<string, string> | undefined) => boolean) | undefined {
  const parts = text.match(/([^,(]+(\([^)]*\))?)/g) ?? [];
  const tests: ((l: Record<string, string>) => boolean)[] = [];
  for (const raw of parts) {
    const part = raw.trim();
    if (part === "") continue;
    const test = parseRequirement(part);
    if (!test) return undefined;
    tests.push(test);
  }
  return (labels) => tests.every((t) => t(labels ?? {}));
}

function parseRequirement(part: string): ((l: Record<string, string>) => boolean) | undefined {
  const equality = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(part);
  if (equality) {
    const [, key = "", op, value = ""] = equality;
    return op === "!=" ? (l) => l[key] !== value : (l) => l[key] === value;
  }
  const set = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part);
  if (set) {
    const [, key = "", op, list = ""] = set;
    const values = list.split(",").map((v) => v.trim());
    return op === "in"
      ? (l) => Object.hasOwn(l, key) && values.includes(l[key] ?? "")
      : (l) => !Object.hasOwn(l, key) || !values.includes(l[key] ?? "");
  }
  const absent = /^!([\w./-]+)$/.exec(part);
  if (absent) {
    const key = absent[1] ?? "";
    return (l) => !Object.hasOwn(l, key);
  }
  const present = /^([\w./-]+)$/.exec(part);
  if (present) {
    const key = present[1] ?? "";
    return (l) => Object.hasOwn(l, key);
  }
  return undefined;
}
