// Structured `kubectl get` rows for a UI: the same columns and cells the table printer lays out, before
// layout. The lesson app's resource list and events panel use this so that a status never differs from
// what `kubectl get` prints in the terminal beside it.
import { type ClusterState, kindInfo, listObjects } from "@kubejam/engine";
import { defaultTable, tableFor } from "./printers/registry";
import { tableSection } from "./printers/table";

export interface ResourceTable {
  kind: string;
  /** `pods`, `deployments.apps`: what to type after `kubectl get`. */
  resource: string;
  namespaced: boolean;
  /** Upper-cased headers, as kubectl prints them (wide columns included when asked). */
  columns: string[];
  rows: { name: string; namespace?: string; cells: string[] }[];
}

export interface TablesOptions {
  /** Kinds to list, in order; kinds with no objects are left out. */
  kinds: readonly string[];
  /** `-o wide` columns. */
  wide?: boolean;
  /** Only this namespace for namespaced kinds; all namespaces when undefined. */
  namespace?: string;
}

/** The rows `kubectl get <kind> [-o wide]` would print for each kind, as data. */
export function getTables(state: ClusterState, options: TablesOptions): ResourceTable[] {
  const tables: ResourceTable[] = [];
  for (const kind of options.kinds) {
    const info = kindInfo(kind);
    if (!info) continue;
    const objects = listObjects(state, kind, info.namespaced ? options.namespace : undefined);
    if (objects.length === 0) continue;
    const def = tableFor(kind) ?? defaultTable(kind, info.group, info.namespaced);
    const section = tableSection(def, objects, state.clock);
    const visible = def.columns.map((c) => options.wide === true || c.priority === 0);
    tables.push({
      kind,
      resource: `${info.plural}${info.group ? `.${info.group}` : ""}`,
      namespaced: info.namespaced,
      columns: def.columns.filter((_, i) => visible[i]).map((c) => c.name.toUpperCase()),
      rows: section.rows.map((row, r) => ({
        name: objects[r]?.metadata.name ?? "",
        ...(info.namespaced ? { namespace: row.namespace } : {}),
        cells: row.cells.filter((_, i) => visible[i]),
      })),
    });
  }
  return tables;
}
