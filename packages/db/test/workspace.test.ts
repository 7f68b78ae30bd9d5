// Workspaces: a learner's files and cluster state per lesson, and what the browser uploads on sign-up.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getProgressForUser } from "../src/queries/progress.ts";
import { importAnonymousWork, loadWorkspace, saveWorkspace } from "../src/queries/workspace.ts";
import { createUser } from "./support/fixtures.ts";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "./support/test-database.ts";

const cluster = {
  clock: 42_000,
  prng: [7, 8, 9, 10],
  objects: { "v1/Pod/default/web": { status: { phase: "Running" } } },
};

describe.each(PROVIDERS)("%s: workspaces", (provider) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(() => database.drop());

  it("saves, replaces and loads a lesson's workspace", async () => {
    const userId = await createUser(database.db);
    expect(await loadWorkspace(database.db, userId, "02-services")).toBeNull();
    await saveWorkspace(database.db, userId, {
      lessonId: "02-services",
      files: { "svc.yaml": "v1" },
      cluster,
    });
    const { updatedAt } = await saveWorkspace(database.db, userId, {
      lessonId: "02-services",
      files: { "svc.yaml": "v2", "deploy.yaml": "kind: Deployment" },
      cluster: { ...cluster, clock: 43_000 },
    });
    expect(await loadWorkspace(database.db, userId, "02-services")).toEqual({
      lessonId: "02-services",
      files: { "svc.yaml": "v2", "deploy.yaml": "kind: Deployment" },
      cluster: { ...cluster, clock: 43_000 },
      updatedAt,
    });
  });

  it("keeps workspaces apart per user", async () => {
    const [alice, bob] = [await createUser(database.db), await createUser(database.db)];
    await saveWorkspace(database.db, alice, { lessonId: "01-pods", files: { "pod.yaml": "alice" }, cluster });
    expect(await loadWorkspace(database.db, bob, "01-pods")).toBeNull();
  });

  it("imports what the learner did anonymously, keeping what the account already has", async () => {
    const userId = await createUser(database.db);
    await saveWorkspace(database.db, userId, {
      lessonId: "01-pods",
      files: { "pod.yaml": "from the server" },
      cluster,
    });
    const result = await importAnonymousWork(database.db, userId, {
      workspaces: [
        { lessonId: "01-pods", files: { "pod.yaml": "from the browser" }, cluster },
        { lessonId: "02-services", files: { "svc.yaml": "old copy" }, cluster },
        { lessonId: "02-services", files: { "svc.yaml": "from the browser" }, cluster },
      ],
      visitedLessonIds: ["00-welcome", "01-pods"],
    });
    expect(result).toEqual({ imported: ["02-services"], kept: ["01-pods"] });
    expect((await loadWorkspace(database.db, userId, "01-pods"))?.files).toEqual({
      "pod.yaml": "from the server",
    });
    expect((await loadWorkspace(database.db, userId, "02-services"))?.files).toEqual({
      "svc.yaml": "from the browser",
    });
    const lessons = (await getProgressForUser(database.db, userId)).lessons.map((lesson) => lesson.lessonId);
    expect(lessons).toEqual(["00-welcome", "01-pods", "02-services"]);
  });

  it("imports nothing when one workspace is malformed", async () => {
    const userId = await createUser(database.db);
    const malformed = { lessonId: "02-services", files: { "svc.yaml": 42 }, cluster } as unknown as {
      lessonId: string;
      files: Record<string, string>;
      cluster: typeof cluster;
    };
    await expect(
      importAnonymousWork(database.db, userId, {
        workspaces: [{ lessonId: "01-pods", files: {}, cluster }, malformed],
        visitedLessonIds: [],
      }),
    ).rejects.toThrow();
    expect(await loadWorkspace(database.db, userId, "01-pods")).toBeNull();
  });
});
