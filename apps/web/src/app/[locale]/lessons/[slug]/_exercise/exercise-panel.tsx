"use client";

import { useLocale, useTranslations } from "next-intl";
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { Link } from "../../../../../i18n/navigation";
import { authClient } from "../../../../../lib/auth-client";
import type { PracticeCluster } from "../../../../../workspace/protocol";
import { useWorkspace, useWorkspaceStore } from "../_components/workspace-context";
import { CheckList } from "./check-list";
import { fetchHistory, type GradedSubmission, type History, submitFiles } from "./submit-client";

export type PanelExercise = {
  id: string;
  title: string;
  /** The starter files: their names are what is submitted from the workspace. */
  starter: { name: string; text: string }[];
  /** The cluster the grader starts from, which the workspace can run instead of the lesson's. */
  cluster: PracticeCluster;
};

/** Server error codes the panel explains in the learner's language; others get the generic sentence. */
const EXPLAINED = new Set([
  "network",
  "unauthenticated",
  "too_many_files",
  "file_too_large",
  "files_too_large",
  "payload_too_large",
  "invalid_submission",
  "unusable_submission",
]);

/**
 * One exercise of the lesson: its task, the files it grades (taken from the workspace by name), a
 * Submit button for a signed-in learner (an invitation to sign up otherwise: the files stay in this
 * browser meanwhile), the server's per-check verdict, the best score and the number of attempts.
 */
export function ExercisePanel({
  exercise,
  lessonSlug,
  children,
}: {
  exercise: PanelExercise;
  lessonSlug: string;
  children: ReactNode;
}) {
  const t = useTranslations("exercise");
  const locale = useLocale();
  const store = useWorkspaceStore();
  const files = useWorkspace((s) => s.files);
  const { data: session, isPending } = authClient.useSession();
  const [history, setHistory] = useState<History | undefined>();
  const [graded, setGraded] = useState<GradedSubmission | undefined>();
  const [error, setError] = useState<{ code: string; message: string } | undefined>();
  const [busy, setBusy] = useState(false);
  // One key per attempt: kept until the server answers, so a retry of the same attempt is one row.
  const pendingKey = useRef<string | undefined>(undefined);

  const names = exercise.starter.map((f) => f.name);
  const submitted = files.filter((f) => names.includes(f.name));
  const missing = exercise.starter.filter((f) => !files.some((w) => w.name === f.name));
  const userId = session?.user.id;

  const refresh = useCallback(async () => setHistory(await fetchHistory(exercise.id)), [exercise.id]);
  useEffect(() => {
    if (userId) void refresh();
  }, [userId, refresh]);

  const openStarter = () => {
    for (const f of missing) store.openFile(f.name, f.text);
  };

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    pendingKey.current ??= crypto.randomUUID();
    const outcome = await submitFiles(exercise.id, submitted, locale, pendingKey.current);
    setBusy(false);
    // Only an attempt that may not have reached the server keeps its key for the next click.
    if (outcome.ok || outcome.code !== "network") pendingKey.current = undefined;
    if (!outcome.ok) {
      setError(outcome);
      return;
    }
    setGraded(outcome.submission);
    void refresh();
  };

  const next = `/${locale}/lessons/${lessonSlug}#${`exercise-${exercise.id}`}`;
  const headingId = `exercise-${exercise.id}`;
  return (
    <section className="exercise-panel" aria-labelledby={headingId} data-exercise={exercise.id}>
      <h2 id={headingId}>{t("heading", { title: exercise.title })}</h2>
      <div className="exercise-prompt">{children}</div>
      <p className="muted small">{t("filesGraded", { files: names.join(", ") })}</p>
      <ExerciseCluster cluster={exercise.cluster} />
      {missing.length > 0 ? (
        <p className="exercise-missing">
          {t("missingFiles", { files: missing.map((f) => f.name).join(", ") })}{" "}
          <button type="button" className="button small" onClick={openStarter}>
            {t("openFiles")}
          </button>
        </p>
      ) : null}

      {isPending ? null : session ? (
        <div className="exercise-actions">
          <button
            type="button"
            className="button primary"
            onClick={submit}
            disabled={busy || submitted.length === 0}
          >
            {busy ? t("submitting") : t("submit")}
          </button>
          <p className="exercise-standing" aria-live="polite">
            {history && history.attempts > 0
              ? t("standing", { score: history.bestScore ?? 0, attempts: history.attempts })
              : t("noAttempts")}
          </p>
        </div>
      ) : (
        <p className="exercise-signed-out">
          {t("signedOut")}{" "}
          <Link className="button small primary" href={{ pathname: "/sign-up", query: { next } }}>
            {t("signUp")}
          </Link>{" "}
          <Link href={{ pathname: "/sign-in", query: { next } }}>{t("signIn")}</Link>
        </p>
      )}

      {error ? (
        <div className="exercise-error" role="alert">
          <p>{EXPLAINED.has(error.code) ? t(`errors.${error.code}`) : t("errors.generic")}</p>
          {error.message ? <p className="muted small">{error.message}</p> : null}
        </div>
      ) : null}

      {graded ? (
        <div className="exercise-result" data-status={graded.result.status} aria-live="polite">
          <h3>
            {graded.result.status === "pass"
              ? t("passed", { score: graded.result.score })
              : t("failed", { score: graded.result.score })}
          </h3>
          <CheckList checks={graded.result.checks} />
        </div>
      ) : null}
    </section>
  );
}

/**
 * The grader starts from the exercise's own cluster (its seed, topology and the operator's objects),
 * not the lesson's: the learner can run that very cluster in the workspace before submitting.
 */
function ExerciseCluster({ cluster }: { cluster: PracticeCluster }) {
  const t = useTranslations("exercise");
  const store = useWorkspaceStore();
  const practising = useWorkspace((s) => s.practising === cluster.exercise);
  const ready = useWorkspace((s) => s.phase === "ready" && !s.busy);
  if (practising)
    return (
      <p className="exercise-cluster" data-practising="true">
        {t("onExerciseCluster")}
      </p>
    );
  return (
    <p className="exercise-cluster">
      {t("exerciseClusterNote")}{" "}
      <button
        type="button"
        className="button small"
        disabled={!ready}
        onClick={() => {
          if (window.confirm(t("useExerciseClusterConfirm"))) void store.resetCluster(cluster);
        }}
      >
        {t("useExerciseCluster")}
      </button>
    </p>
  );
}
