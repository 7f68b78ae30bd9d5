import { parseQuantity } from "../api/quantity";
import type { PersistentVolumeClaim } from "../api/storage";
import { type FieldError, forbidden } from "./field-error";

// ValidatePersistentVolumeClaimUpdate (pkg/apis/core/validation/validation.go): a claim's spec is fixed
// once created, except its size while Bound (and volumeName, set once by the binder).

type Spec = PersistentVolumeClaim["spec"];

/** core.PersistentVolumeClaimSpec's fields in Go order, with how go-cmp prints each value. */
const FIELDS: { go: string; show: (s: Spec) => string }[] = [
  {
    go: "AccessModes",
    show: (s) =>
      s.accessModes && s.accessModes.length > 0
        ? `[]core.PersistentVolumeAccessMode{${s.accessModes.map((m) => JSON.stringify(m)).join(", ")}}`
        : "nil",
  },
  { go: "Selector", show: (s) => (s.selector ? "&v1.LabelSelector{...}" : "nil") },
  { go: "Resources", show: (s) => showResources(s) },
  { go: "VolumeName", show: (s) => JSON.stringify(s.volumeName ?? "") },
  { go: "StorageClassName", show: (s) => ptr(s.storageClassName) },
  { go: "VolumeMode", show: (s) => ptr(s.volumeMode) },
  { go: "DataSource", show: (s) => (s.dataSource ? "&core.TypedLocalObjectReference{...}" : "nil") },
  { go: "DataSourceRef", show: (s) => (s.dataSourceRef ? "&core.TypedObjectReference{...}" : "nil") },
  { go: "VolumeAttributesClassName", show: () => "nil" },
];

const ptr = (v: string | undefined) => (v === undefined ? "nil" : `&${JSON.stringify(v)}`);

// resource.Quantity as go-cmp prints it: {i: {...}, s: "5Gi", Format: "BinarySI"}.
function showQuantity(q: string | number): string {
  const text = String(q);
  const format = /[KMGTPE]i$/.test(text) ? "BinarySI" : /[eE]/.test(text) ? "DecimalExponent" : "DecimalSI";
  return `{i: {...}, s: ${JSON.stringify(text)}, Format: ${JSON.stringify(format)}}`;
}

function showResources(s: Spec): string {
  const part = (name: string, list: Record<string, string | number> | undefined) =>
    list
      ? `${name}: {${Object.keys(list)
          .sort()
          .map((k) => `s${JSON.stringify(k)}: ${showQuantity(list[k] ?? "")}`)
          .join(", ")}}`
      : undefined;
  const parts = [part("Limits", s.resources?.limits), part("Requests", s.resources?.requests)].filter(
    (p): p is string => p !== undefined,
  );
  return `{${parts.join(", ")}}`;
}

/** A go-cmp style diff of two claim specs (cmp.Diff(old, new)): changed fields, two unchanged around them. */
export function pvcSpecDiff(old: Spec, next: Spec): string {
  const rows = FIELDS.map((f) => ({ go: f.go, a: f.show(old), b: f.show(next) }));
  const changed = rows.map((r) => r.a !== r.b);
  const shown = rows.map((_, i) => changed.slice(Math.max(0, i - 2), i + 3).some(Boolean));
  const width = Math.max(...rows.filter((_, i) => shown[i]).map((r) => r.go.length)) + 2;
  const lines = ["  core.PersistentVolumeClaimSpec{"];
  let skipped = 0;
  const flush = () => {
    if (skipped > 0) lines.push(`  \t... // ${skipped} identical field${skipped === 1 ? "" : "s"}`);
    skipped = 0;
  };
  rows.forEach((r, i) => {
    if (!shown[i]) {
      skipped++;
      return;
    }
    flush();
    const name = `${r.go}:`.padEnd(width);
    if (changed[i]) lines.push(`- \t${name}${r.a},`, `+ \t${name}${r.b},`);
    else lines.push(`  \t${name}${r.a},`);
  });
  flush();
  lines.push("  }");
  return lines.join("\n");
}

export function validatePvcUpdate(live: PersistentVolumeClaim, next: PersistentVolumeClaim): FieldError[] {
  const errors: FieldError[] = [];
  const oldSpec: Spec = { ...live.spec };
  const newSpec: Spec = { ...next.spec };
  // volumeName may be set once (the binder does it).
  if (!live.spec.volumeName) oldSpec.volumeName = newSpec.volumeName;
  // A bound claim may change its requested size.
  if (live.status?.phase === "Bound" && newSpec.resources?.requests) {
    newSpec.resources = {
      ...newSpec.resources,
      requests: { ...newSpec.resources.requests, storage: live.spec.resources.requests?.storage ?? "" },
    };
  }
  delete oldSpec.volumeAttributesClassName;
  delete newSpec.volumeAttributesClassName;
  const key = (s: Spec) => FIELDS.map((f) => f.show(s)).join("\u0000");
  if (key(oldSpec) !== key(newSpec)) {
    errors.push(
      forbidden(
        "spec",
        `spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n${pvcSpecDiff(oldSpec, newSpec)}`,
      ),
    );
  }
  const oldSize = parseQuantity(live.spec.resources.requests?.storage ?? 0) ?? 0;
  const newSize = parseQuantity(next.spec.resources?.requests?.storage ?? 0) ?? 0;
  if (newSize < oldSize)
    errors.push(forbidden("spec.resources.requests.storage", "field can not be less than previous value"));
  return errors;
}
