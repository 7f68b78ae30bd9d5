"use client";

import { useTranslations } from "next-intl";
import { KubeTable } from "./kube-table";
import { useWorkspace } from "./workspace-context";

const CLUSTER_KINDS = new Set(["Node", "Namespace"]);

/** Everything in the cluster, grouped by kind, in the rows `kubectl get -o wide` prints. */
export function ResourceList() {
  const t = useTranslations("workspace");
  const snapshot = useWorkspace((s) => s.snapshot);
  if (!snapshot) return <p className="empty">{t("starting")}</p>;
  const health = new Map(snapshot.graph.pods.map((p) => [p.id, p.health]));
  const applied = snapshot.tables.filter((tb) => !CLUSTER_KINDS.has(tb.kind));
  const cluster = snapshot.tables.filter((tb) => CLUSTER_KINDS.has(tb.kind));
  return (
    <div className="resource-list">
      {applied.length === 0 ? <p className="empty">{t("noResources")}</p> : null}
      {[...applied, ...cluster].map((table) => (
        <section key={table.kind} aria-label={table.kind}>
          <h3>
            {t("kindCount", { kind: table.kind, count: table.rows.length })}
            <code className="resource-hint">kubectl get {table.resource}</code>
          </h3>
          <KubeTable
            table={table}
            caption={`kubectl get ${table.resource} -o wide`}
            rowClass={(row) =>
              table.kind === "Pod"
                ? `health-${health.get(`Pod/${row.namespace ?? ""}/${row.name}`) ?? "ok"}`
                : undefined
            }
          />
        </section>
      ))}
    </div>
  );
}
