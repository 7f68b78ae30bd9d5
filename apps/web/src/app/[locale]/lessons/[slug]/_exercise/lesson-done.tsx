"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { authClient } from "../../../../../lib/auth-client";

type Standing = { completedAt: string | null };

async function send(slug: string, event: "visit" | "complete"): Promise<Standing | undefined> {
  try {
    const response = await fetch(`/api/lessons/${encodeURIComponent(slug)}/progress`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ event }),
    });
    return response.ok ? ((await response.json()) as Standing) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * For a signed-in learner: records the visit (the progress page's last activity) and offers to mark
 * the lesson done. Signed out it shows nothing: the exercise panel already invites to sign up.
 */
export function LessonDone({ slug }: { slug: string }) {
  const t = useTranslations("progress");
  const { data: session } = authClient.useSession();
  const [standing, setStanding] = useState<Standing | undefined>();
  const [busy, setBusy] = useState(false);
  const userId = session?.user.id;
  useEffect(() => {
    if (!userId) return;
    void send(slug, "visit").then(setStanding);
  }, [userId, slug]);
  if (!userId || !standing) return null;
  if (standing.completedAt)
    return (
      <p className="lesson-done" role="status">
        <span className="progress-mark">{t("lessonDone")}</span> {t("lessonMarkedDone")}
      </p>
    );
  const complete = async () => {
    setBusy(true);
    setStanding((await send(slug, "complete")) ?? standing);
    setBusy(false);
  };
  return (
    <p className="lesson-done">
      <button type="button" className="button" onClick={complete} disabled={busy}>
        {t("markDone")}
      </button>
    </p>
  );
}
