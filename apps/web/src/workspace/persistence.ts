// The learner's workspace per lesson, kept in the browser's IndexedDB: files, the cluster state and the
// terminal history, so a reload or a visit next week resumes where they were. Nothing leaves the browser.
import { createStore, del, get, set, type UseStore } from "idb-keyval";
// zod/mini: the same checks with a fraction of the bytes, as this file ships in the page's first JS.
import * as z from "zod/mini";

const SavedSchema = z.object({
  version: z.literal(1),
  savedAt: z.number(),
  files: z.array(z.object({ name: z.string(), text: z.string() })),
  active: z.optional(z.string()),
  /** The engine's ClusterState (checked again by the worker before use). */
  state: z.optional(z.unknown()),
  history: z._default(z.array(z.string()), []),
  /** The exercise whose starting cluster `state` is (see WorkspaceStore.resetCluster). */
  exercise: z.optional(z.string()),
});
export type SavedWorkspace = z.infer<typeof SavedSchema>;

let store: UseStore | undefined;
function db(): UseStore | undefined {
  if (typeof indexedDB === "undefined") return undefined;
  store ??= createStore("kubejam", "workspaces");
  return store;
}

const key = (lesson: string) => `lesson:${lesson}`;

export async function loadWorkspace(lesson: string): Promise<SavedWorkspace | undefined> {
  const s = db();
  if (!s) return undefined;
  try {
    const parsed = SavedSchema.safeParse(await get(key(lesson), s));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function saveWorkspace(
  lesson: string,
  value: Omit<SavedWorkspace, "version" | "savedAt">,
): Promise<void> {
  const s = db();
  if (!s) return;
  try {
    await set(key(lesson), { version: 1, savedAt: Date.now(), ...value } satisfies SavedWorkspace, s);
  } catch {
    // Private browsing or a full disk: the workspace still works, it just is not kept.
  }
}

export async function forgetWorkspace(lesson: string): Promise<void> {
  const s = db();
  if (s) await del(key(lesson), s).catch(() => undefined);
}
