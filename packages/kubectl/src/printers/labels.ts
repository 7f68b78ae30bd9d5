// Label maps and label selectors as strings (staging/src/k8s.io/apimachinery/pkg/labels).

export interface SelectorLike {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** Byte-order comparison, as Go's sort.Strings. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** staging/src/k8s.io/apimachinery/pkg/labels/labels.go: FormatLabels (sorted `k=v,k2=v2`, `<none>` if empty). */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort(compareStrings);
  if (keys.length === 0) return "<none>";
  return keys.map((k) => `${k}=${labels?.[k] ?? ""}`).join(",");
}

// staging/src/k8s.io/apimachinery/pkg/labels/selector.go: Requirement.String
function requirementString(key: string, operator: string, values: string[]): string {
  const sorted = [...values].sort(compareStrings);
  const joined = sorted.join(",");
  switch (operator) {
    case "=":
      return `${key}=${joined}`;
    case "In":
      return `${key} in (${joined})`;
    case "NotIn":
      return `${key} notin (${joined})`;
    case "Exists":
      return key;
    case "DoesNotExist":
      return `!${key}`;
    default:
      return key;
  }
}

/**
 * staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go: LabelSelectorAsSelector(s).String().
 * `undefined` (labels.Nothing) and an empty selector (labels.Everything) both print as "".
 * Returns undefined for an invalid operator (kubectl prints `<error>` / `<invalid>` there).
 */
export function selectorString(selector: SelectorLike | undefined): string | undefined {
  if (selector === undefined) return "";
  const reqs: { key: string; text: string }[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    reqs.push({ key, text: requirementString(key, "=", [value]) });
  }
  for (const expr of selector.matchExpressions ?? []) {
    if (!["In", "NotIn", "Exists", "DoesNotExist"].includes(expr.operator)) return undefined;
    reqs.push({ key: expr.key, text: requirementString(expr.key, expr.operator, expr.values ?? []) });
  }
  // selector.Add sorts the requirements by key (sort.Sort(ByKey)).
  reqs.sort((a, b) => compareStrings(a.key, b.key));
  return reqs.map((r) => r.text).join(",");
}

/** staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go: FormatLabelSelector (`<none>` if empty, `<error>`). */
export function formatLabelSelector(selector: SelectorLike | undefined): string {
  const s = selectorString(selector);
  if (s === undefined) return "<error>";
  return s === "" ? "<none>" : s;
}
