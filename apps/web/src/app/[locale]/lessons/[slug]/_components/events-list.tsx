"use client";

import { useTranslations } from "next-intl";
import { KubeTable } from "./kube-table";
import { useWorkspace } from "./workspace-context";

/** `kubectl get events -A`, newest first; warnings stand out. */
export function EventsList() {
  const t = useTranslations("workspace");
  const events = useWorkspace((s) => s.snapshot?.events);
  if (!events || events.rows.length === 0) return <p className="empty">{t("noEvents")}</p>;
  const typeColumn = events.columns.indexOf("TYPE");
  return (
    <div className="events-list">
      <p className="muted small">{t("eventsNewestFirst")}</p>
      <KubeTable
        table={events}
        caption="kubectl get events -A"
        reverse
        rowClass={(row) => (row.cells[typeColumn] === "Warning" ? "warning" : undefined)}
      />
    </div>
  );
}
