"use client";

import { useTranslations } from "next-intl";
import { useWorkspace, useWorkspaceStore } from "./workspace-context";

/** What happened that the learner should know: resumed work, a reset, a limit that was hit. */
export function NoticeBar() {
  const t = useTranslations("workspace");
  const store = useWorkspaceStore();
  const notice = useWorkspace((s) => s.notice);
  if (!notice) return null;
  let text: string;
  let tone: "info" | "error" = "info";
  switch (notice.kind) {
    case "tooLarge":
      text = t("tooLarge", { size: notice.size });
      tone = "error";
      break;
    case "timeout":
      text = t("timeout", { seconds: notice.seconds });
      tone = "error";
      break;
    case "advanced":
      text = t("advanced", { seconds: notice.seconds });
      break;
    case "crashed":
      text = t("crashed", { message: notice.message });
      tone = "error";
      break;
    default:
      text = t(notice.kind);
  }
  return (
    <div className={`notice ${tone}`} role={tone === "error" ? "alert" : "status"}>
      <p>{text}</p>
      <button
        type="button"
        className="icon-button"
        aria-label={t("dismiss")}
        title={t("dismiss")}
        onClick={() => store.dismissNotice()}
      >
        ×
      </button>
    </div>
  );
}
