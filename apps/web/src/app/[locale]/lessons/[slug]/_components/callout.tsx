import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

export async function Callout({
  type,
  children,
}: {
  type: "note" | "warning" | "tip";
  children?: ReactNode;
}) {
  const t = await getTranslations("callout");
  return (
    <aside className={`callout callout-${type}`} aria-label={t(type)}>
      <p className="callout-label">{t(type)}</p>
      <div className="callout-body">{children}</div>
    </aside>
  );
}
