// Lesson visits and completion against a real database and real sessions, on both providers.
import { PROVIDERS } from "@kubejam/db/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { respond } from "../http/api-error";
import { type ApiFixture, createApiFixture, ORIGIN, testCourse } from "../test-support/api-fixture";
import { type LessonEventDeps, readLessonStanding, recordLessonEvent } from "./lesson-event";

const LESSON = "pv-pvc-storageclass";
const post = (body: string, cookie?: string) =>
  new Request(`${ORIGIN}/api/lessons/${LESSON}/progress`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body,
  });

describe.each(PROVIDERS)("%s: lesson progress API", (provider) => {
  let fx: ApiFixture;
  let deps: LessonEventDeps;
  beforeAll(async () => {
    fx = await createApiFixture(provider);
    deps = { ...fx.deps, lessonExists: (slug) => testCourse().lessons.some((l) => l.slug === slug) };
  });
  afterAll(() => fx.database.drop());

  it("records a visit, then a completion that keeps its first time", async () => {
    const ada = await fx.signUp("Ada");
    const visited = await recordLessonEvent(post('{"event":"visit"}', ada.cookie), LESSON, deps);
    expect(visited).toMatchObject({ ok: true, body: { lessonId: LESSON, completedAt: null } });
    const done = await recordLessonEvent(post('{"event":"complete"}', ada.cookie), LESSON, deps);
    const first = done.ok ? done.body.completedAt : undefined;
    expect(first).toEqual(expect.any(String));
    await recordLessonEvent(post('{"event":"complete"}', ada.cookie), LESSON, deps);
    const read = await readLessonStanding(
      new Request(ORIGIN, { headers: { cookie: ada.cookie } }),
      LESSON,
      deps,
    );
    expect(read).toMatchObject({ ok: true, body: { completedAt: first } });
  });

  it.each([
    ["no session", '{"event":"visit"}', false, LESSON, 401],
    ["an unknown lesson", '{"event":"visit"}', true, "nope", 404],
    ["a body that is not JSON", "{", true, LESSON, 400],
    ["an unknown event", '{"event":"score"}', true, LESSON, 400],
  ] as const)("refuses %s and stores nothing", async (_what, body, signedIn, slug, status) => {
    const bob = await fx.signUp("Bob");
    const result = await recordLessonEvent(post(body, signedIn ? bob.cookie : undefined), slug, deps);
    expect(result).toMatchObject({ ok: false, error: { status } });
    expect(await fx.database.db.lessonProgress.count({ where: { userId: bob.id } })).toBe(0);
  });
});

describe("respond", () => {
  it("turns an exception into a JSON 500 without its message", async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const response = await respond(async () => {
        throw new Error("secret internals");
      });
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ error: { code: "internal_error" } });
      expect(text).not.toContain("secret");
      expect(errors).toHaveLength(1);
    } finally {
      console.error = original;
    }
  });
});
