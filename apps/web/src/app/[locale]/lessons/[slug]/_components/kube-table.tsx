import type { ResourceTable } from "@kubejam/kubectl";

/** One kubectl table as an HTML table: kubectl's own headers and cells. */
export function KubeTable({
  table,
  caption,
  rowClass,
  reverse = false,
}: {
  table: ResourceTable;
  caption: string;
  rowClass?: (row: ResourceTable["rows"][number]) => string | undefined;
  reverse?: boolean;
}) {
  const namespaces = new Set(table.rows.map((r) => r.namespace ?? ""));
  const withNamespace = table.namespaced && (namespaces.size > 1 || !namespaces.has("default"));
  const rows = reverse ? [...table.rows].reverse() : table.rows;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must be reachable by keyboard (WCAG 2.1.1, axe scrollable-region-focusable)
    <section className="table-scroll" aria-label={caption} tabIndex={0}>
      <table className="kube-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {withNamespace ? <th scope="col">NAMESPACE</th> : null}
            {table.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={`${row.namespace ?? ""}/${row.name}/${i}`} className={rowClass?.(row)}>
              {withNamespace ? <td>{row.namespace}</td> : null}
              {row.cells.map((cell, j) =>
                j === 0 ? (
                  <th key={table.columns[j]} scope="row">
                    {cell}
                  </th>
                ) : (
                  <td key={table.columns[j]}>{cell}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
