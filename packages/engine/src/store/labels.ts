import type { LabelSelector } from "../api/meta";

/** metav1.LabelSelectorAsSelector semantics: matchLabels AND every matchExpression. */
export function selectorMatches(selector: LabelSelector, labels: Record<string, string> | undefined): boolean {
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
export function parseLabelSelector(text: string): ((labels: Record<string, string> | undefined) => boolean) | undefined {
  const parts = text.match(/([^,(]+(\([^)]*\))?)/g) ?? [];
  const tests: ((l: Record<string, string>) => boolean)[] = [];
  for (const raw of parts) {
    const part = raw.trim();
    if (part === "") continue;
    let m: RegExpExecArray | null;
    if ((m = /^([\w./-]+)\s*(==|=|!=)\s*([\w.-]*)$/.exec(part))) {
      const [, key = "", op, value = ""] = m;
      tests.push(op === "!=" ? (l) => l[key] !== value : (l) => l[key] === value);
    } else if ((m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part))) {
      const [, key = "", op, list = ""] = m;
      const values = list.split(",").map((v) => v.trim());
      tests.push(op === "in" ? (l) => Object.hasOwn(l, key) && values.includes(l[key] ?? "") : (l) => !Object.hasOwn(l, key) || !values.includes(l[key] ?? ""));
    } else if ((m = /^!([\w./-]+)$/.exec(part))) {
      const key = m[1] ?? "";
      tests.push((l) => !Object.hasOwn(l, key));
    } else if ((m = /^([\w./-]+)$/.exec(part))) {
      const key = m[1] ?? "";
      tests.push((l) => Object.hasOwn(l, key));
    } else return undefined;
  }
  return (labels) => tests.every((t) => t(labels ?? {}));
}
