import { z } from "zod";
import type { Db } from "../client.ts";
import { ContentIdSchema, UserIdSchema } from "../ids.ts";
import { type Files, FilesSchema, type JsonObject, JsonObjectSchema } from "../json.ts";
import { TRANSACTION_OPTIONS } from "../transaction-options.ts";

export const WorkspaceInputSchema = z.object({
  lessonId: ContentIdSchema,
  files: FilesSchema,
  /** The engine's ClusterState: plain JSON. */
  cluster: JsonObjectSchema,
});
export type WorkspaceInput = z.input<typeof WorkspaceInputSchema>;

export type SavedWorkspace = {
  readonly lessonId: string;
  readonly files: Files;
  readonly cluster: JsonObject;
  readonly updatedAt: Date;
};

/** Saves (creates or replaces) the learner's workspace for a lesson. Last write wins. */
export async function saveWorkspace(
  db: Db,
  userId: string,
  workspace: WorkspaceInput,
): Promise<{ updatedAt: Date }> {
  const { lessonId, files, cluster } = WorkspaceInputSchema.parse(workspace);
  const key = { userId: UserIdSchema.parse(userId), lessonId };
  const now = new Date();
  return db.workspace.upsert({
    where: { userId_lessonId: key },
    create: { ...key, files, cluster, createdAt: now, updatedAt: now },
    update: { files, cluster, updatedAt: now },
    select: { updatedAt: true },
  });
}

/** The learner's saved workspace for a lesson, or null if they never saved one. */
export async function loadWorkspace(
  db: Db,
  userId: string,
  lessonId: string,
): Promise<SavedWorkspace | null> {
  const row = await db.workspace.findUnique({
    where: {
      userId_lessonId: { userId: UserIdSchema.parse(userId), lessonId: ContentIdSchema.parse(lessonId) },
    },
    select: { lessonId: true, files: true, cluster: true, updatedAt: true },
  });
  if (!row) return null;
  return { ...row, files: FilesSchema.parse(row.files), cluster: JsonObjectSchema.parse(row.cluster) };
}

export type AnonymousWork = {
  readonly workspaces: readonly WorkspaceInput[];
  readonly visitedLessonIds: readonly string[];
};

/**
 * On sign-up (or sign-in), keeps what the learner did before having an account: the browser uploads
 * its workspaces and visited lessons. A workspace the account already has on the server is kept (the
 * server copy wins: it may come from another device); the others are created. One transaction: all
 * or nothing.
 */
export async function importAnonymousWork(
  db: Db,
  userId: string,
  work: AnonymousWork,
): Promise<{ imported: string[]; kept: string[] }> {
  const id = UserIdSchema.parse(userId);
  const workspaces = z.array(WorkspaceInputSchema).max(500).parse(work.workspaces);
  const visited = z.array(ContentIdSchema).max(500).parse(work.visitedLessonIds);
  const now = new Date();
  return db.$transaction(async (tx) => {
    const existing = await tx.workspace.findMany({
      where: { userId: id, lessonId: { in: workspaces.map((workspace) => workspace.lessonId) } },
      select: { lessonId: true },
    });
    const kept = new Set(existing.map((row) => row.lessonId));
    const toCreate = uniqueByLesson(workspaces).filter((workspace) => !kept.has(workspace.lessonId));
    if (toCreate.length > 0) {
      await tx.workspace.createMany({
        data: toCreate.map((workspace) => ({ ...workspace, userId: id, createdAt: now, updatedAt: now })),
      });
    }
    const lessonIds = [...new Set([...visited, ...toCreate.map((workspace) => workspace.lessonId)])];
    const known = await tx.lessonProgress.findMany({
      where: { userId: id, lessonId: { in: lessonIds } },
      select: { lessonId: true },
    });
    const knownIds = new Set(known.map((row) => row.lessonId));
    const newLessons = lessonIds.filter((lessonId) => !knownIds.has(lessonId));
    if (newLessons.length > 0) {
      await tx.lessonProgress.createMany({
        data: newLessons.map((lessonId) => ({
          userId: id,
          lessonId,
          firstVisitedAt: now,
          lastActivityAt: now,
        })),
      });
    }
    return { imported: toCreate.map((workspace) => workspace.lessonId), kept: [...kept].sort() };
  }, TRANSACTION_OPTIONS);
}

/** The browser may send one lesson twice; the last copy is the newest. */
function uniqueByLesson<T extends { lessonId: string }>(items: readonly T[]): T[] {
  return [...new Map(items.map((item) => [item.lessonId, item])).values()];
}
