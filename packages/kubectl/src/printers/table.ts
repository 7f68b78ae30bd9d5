// The generic human-readable table printer behind `kubectl get`.
// Rows come from per-kind row functions; this file only decorates and lays them out
// (staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go, staging/src/k8s.io/kubectl/pkg/cmd/get/get.go).
import { escapeTerminal } from "./escape";
import { formatLabels } from "./labels";
import { GET_TABWRITER, tabwrite } from "./tabwriter";

export interface Column {
  /** Column name as in the Go column definitions, e.g. "Nominated Node"; printed upper-cased. */
  name: string;
  /** 1 = shown only with `-o wide`. */
  priority: 0 | 1;
  /** The column with `Format: "name"`, which `withKind` prefixes with `kind.group/`. */
  isName?: boolean;
}

/** How to turn one kind's objects into rows (the column definitions plus the print function). */
export interface TableDef<T> {
  kind: string;
  /** API group, "" for core. */
  group: string;
  namespaced: boolean;
  columns: readonly Column[];
  /** The cells of one object; `wide` for `-o wide` (GenerateOptions.Wide), which some cells depend on. */
  row: (obj: T, now: number, wide: boolean) => string[];
}

export interface TableRow {
  /** One cell per column definition, wide cells included. */
  cells: readonly string[];
  namespace: string;
  labels: Record<string, string>;
}

export interface TableSection {
  kind: string;
  group: string;
  namespaced: boolean;
  columns: readonly Column[];
  rows: readonly TableRow[];
}

export interface TableOptions {
  /** `-o wide` */
  wide?: boolean;
  /** `--no-headers` */
  noHeaders?: boolean;
  /** `--show-labels` */
  showLabels?: boolean;
  /** `-L key,…`: a column per label key, headed by the key's last path segment. */
  labelColumns?: readonly string[];
  /** `-A` / `--all-namespaces`: adds NAMESPACE to namespaced kinds. */
  allNamespaces?: boolean;
  /** `--show-kind`; also switched on when several kinds are printed. */
  withKind?: boolean;
}

interface ObjectWithMeta {
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
}

/** Builds one kind's rows. */
export function tableSection<T extends ObjectWithMeta>(
  def: TableDef<T>,
  objects: readonly T[],
  now: number,
  wide = false,
): TableSection {
  return {
    kind: def.kind,
    group: def.group,
    namespaced: def.namespaced,
    columns: def.columns,
    rows: objects.map((obj) => ({
      cells: def.row(obj, now, wide),
      namespace: obj.metadata.namespace ?? "",
      labels: obj.metadata.labels ?? {},
    })),
  };
}

/** `kind.group` lower-cased, as strings.ToLower(schema.GroupKind.String()). */
export function kindPrefix(kind: string, group: string): string {
  return (group === "" ? kind : `${kind}.${group}`).toLowerCase();
}

// staging/src/k8s.io/cli-runtime/pkg/printers/tableprinter.go: printTable truncates a cell at the first
// "\f\n\r" and appends "...", then writes it escaped.
function cellText(value: string): string {
  const breakAt = value.search(/[\f\n\r]/);
  if (breakAt >= 0) return `${escapeTerminal(value.slice(0, breakAt))}...`;
  return escapeTerminal(value);
}

// printers.go formatLabelHeaders: `topology.kubernetes.io/zone` is headed ZONE.
function labelColumnHeader(key: string): string {
  return (key.split("/").pop() ?? key).toUpperCase();
}

/** The tab-separated lines of one table before tabwriter layout (decorateTable + printTable). */
function tableLines(section: TableSection, options: TableOptions, withKind: boolean): string[] {
  const withNamespace = options.allNamespaces === true && section.namespaced;
  const visible = section.columns.map((c) => options.wide === true || c.priority === 0);
  const lines: string[] = [];
  // printTable: avoid printing headers if we have no rows to display
  if (section.rows.length === 0) return lines;
  if (options.noHeaders !== true) {
    const headers: string[] = [];
    if (withNamespace) headers.push("NAMESPACE");
    section.columns.forEach((c, i) => {
      if (visible[i]) headers.push(c.name.toUpperCase());
    });
    for (const key of options.labelColumns ?? []) headers.push(labelColumnHeader(key));
    if (options.showLabels === true) headers.push("LABELS");
    lines.push(headers.join("\t"));
  }
  const prefix = kindPrefix(section.kind, section.group);
  for (const row of section.rows) {
    const cells: string[] = [];
    if (withNamespace) cells.push(row.namespace);
    section.columns.forEach((c, i) => {
      if (!visible[i]) return;
      const value = row.cells[i] ?? "";
      // decorateTable: row.Cells[nameColumn] = fmt.Sprintf("%s/%s", strings.ToLower(options.Kind.String()), ...)
      cells.push(cellText(withKind && c.isName === true ? `${prefix}/${value}` : value));
    });
    for (const key of options.labelColumns ?? []) cells.push(cellText(row.labels[key] ?? ""));
    if (options.showLabels === true) cells.push(formatLabels(row.labels));
    lines.push(cells.join("\t"));
  }
  return lines;
}

/** One kind as `kubectl get <kind>` prints it; "" when there are no rows. */
export function printTable(section: TableSection, options: TableOptions = {}): string {
  return printTables([section], options);
}

/**
 * Several kinds as one `kubectl get a,b` or `kubectl get all` prints them: names get a `kind.group/` prefix
 * when more than one kind was found (get.go: multipleGVKsRequested), each kind is laid out on its own
 * (w.Flush(); w.SetRememberedWidths(nil)) and kinds are separated by a blank line unless --no-headers.
 * Returns "" when nothing was printed; the caller then prints kubectl's "No resources found" on stderr.
 */
export function printTables(sections: readonly TableSection[], options: TableOptions = {}): string {
  const found = sections.filter((s) => s.rows.length > 0);
  const kinds = new Set(found.map((s) => kindPrefix(s.kind, s.group)));
  const withKind = options.withKind === true || kinds.size > 1;
  let out = "";
  for (const section of sections) {
    const lines = tableLines(section, options, withKind);
    if (lines.length === 0) continue;
    // get.go: a separator line when it's not the first group, it has headers and output was written before
    if (out !== "" && options.noHeaders !== true) out += "\n";
    out += `${tabwrite(lines.join("\n"), GET_TABWRITER)}\n`;
  }
  return out;
}

/** get.go: what kubectl writes to stderr when a list printed nothing. */
export function noResourcesFound(namespace: string | undefined): string {
  return namespace === undefined ? "No resources found\n" : `No resources found in ${namespace} namespace.\n`;
}

/**
 * A plain table with literal headers, laid out with kubectl's get tabwriter (for commands that print
 * their own tables, e.g. `kubectl api-resources`). Headers are printed as given (none: `--no-headers`,
 * and the columns fit the rows alone); rows may be empty.
 */
export function renderTable(
  headers: readonly string[] | undefined,
  rows: readonly (readonly string[])[],
): string {
  const body = rows.map((r) => r.map(cellText).join("\t"));
  const lines = headers === undefined ? body : [headers.join("\t"), ...body];
  return `${tabwrite(lines.join("\n"), GET_TABWRITER)}\n`;
}
