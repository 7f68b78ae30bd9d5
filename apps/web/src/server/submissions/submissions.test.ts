// The submission API against a real database (SQLite file and PostgreSQL), real better-auth sessions,
// the real course and the real grader: limits, idempotency, forged scores, who may read what.
import { randomUUID } from "node:crypto";
import { PROVIDERS } from "@kubejam/db/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiResult } from "../http/api-error";
import { type ApiFixture, createApiFixture, ORIGIN, testCourse } from "../test-support/api-fixture";
import { listSubmissions, readSubmission } from "./read";
import { MAX_BODY_BYTES, MAX_FILE_BYTES, MAX_FILES } from "./submission-request";
import { submitExercise } from "./submit";

const EXERCISE = "claim-ssd";
const exercise = () => {
  const found = testCourse().exercises.find((e) => e.id === EXERCISE);
  if (!found) throw new Error(`${EXERCISE} is not in the course`);
  return found;
};
const asBody = (files: { name: string; text: string }[]) => ({
  files: files.map((f) => ({ name: f.name, content: f.text })),
});
const wrongAnswer = () => {
  const wrong = exercise().wrong.find((w) => w.id === "standard-class");
  if (!wrong) throw new Error("claim-ssd has no standard-class wrong answer");
  return asBody(wrong.files);
};
const solution = () => asBody(exercise().solution);

type Call = { cookie?: string; key?: string | null; body?: unknown; raw?: string; exerciseId?: string };
function post({ cookie, key = randomUUID(), body, raw, exerciseId = EXERCISE }: Call): Request {
  const headers = new Headers({ "content-type": "application/json" });
  if (cookie) headers.set("cookie", cookie);
  if (key !== null) headers.set("idempotency-key", key);
  return new Request(`${ORIGIN}/api/exercises/${exerciseId}/submissions?locale=en`, {
    method: "POST",
    headers,
    body: raw ?? JSON.stringify(body),
  });
}
const get = (path: string, cookie?: string) =>
  new Request(`${ORIGIN}${path}`, { headers: cookie ? { cookie } : {} });

function expectOk<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.body;
}

describe.each(PROVIDERS)("%s: submissions API", (provider) => {
  let fx: ApiFixture;
  let ada: { id: string; cookie: string };
  let bob: { id: string; cookie: string };
  const count = (userId: string) => fx.database.db.submission.count({ where: { userId } });

  beforeAll(async () => {
    fx = await createApiFixture(provider);
    ada = await fx.signUp("Ada");
    bob = await fx.signUp("Bob");
  });
  afterAll(() => fx.database.drop());

  it("refuses a request without a session (401) and stores nothing", async () => {
    const result = await submitExercise(post({ body: solution() }), EXERCISE, fx.deps);
    expect(result).toMatchObject({ ok: false, error: { status: 401, code: "unauthenticated" } });
    expect(await fx.database.db.submission.count()).toBe(0);
  });

  it("grades a wrong answer on the server and stores it with its per-check results", async () => {
    const body = expectOk(
      await submitExercise(post({ cookie: ada.cookie, body: wrongAnswer() }), EXERCISE, fx.deps),
    );
    expect(body.replayed).toBe(false);
    expect(body.result.status).toBe("fail");
    const failed = body.result.checks.find((c) => c.id === "claim-bound-ssd");
    expect(failed).toMatchObject({ status: "fail", hint: expect.stringContaining("storageClassName") });
    expect(failed?.message).toMatch(/not Bound/);
    expect(failed?.why?.object).toBe("pvc/pages");
    expect(failed?.locations[0]).toMatchObject({ file: "claim.yaml", line: expect.any(Number) });
    const stored = await fx.database.db.submission.findUniqueOrThrow({ where: { id: body.submissionId } });
    expect(stored).toMatchObject({
      userId: ada.id,
      exerciseId: EXERCISE,
      lessonId: "pv-pvc-storageclass",
      contentHash: exercise().version,
      score: body.result.score,
      status: "fail",
    });
    expect(body.result.score).toBeLessThan(100);
  });

  it("passes the reference solution with 100", async () => {
    const body = expectOk(
      await submitExercise(post({ cookie: ada.cookie, body: solution() }), EXERCISE, fx.deps),
    );
    expect(body.result).toMatchObject({ status: "pass", score: 100 });
    expect(body.result.checks.every((c) => c.status === "pass")).toBe(true);
  });

  it("ignores a score, status and checks forged in the request", async () => {
    const forged = {
      ...wrongAnswer(),
      score: 100,
      status: "pass",
      checks: [{ id: "claim-bound-ssd", status: "pass" }],
      result: { status: "pass", score: 100, checks: [] },
    };
    const body = expectOk(
      await submitExercise(post({ cookie: bob.cookie, body: forged }), EXERCISE, fx.deps),
    );
    expect(body.result.status).toBe("fail");
    expect(body.result.score).toBeLessThan(100);
    const stored = await fx.database.db.submission.findUniqueOrThrow({ where: { id: body.submissionId } });
    expect(stored).toMatchObject({ status: "fail", score: body.result.score });
  });

  it("stores a retried request (same Idempotency-Key) once and answers with the stored result", async () => {
    const key = randomUUID();
    const before = await count(ada.id);
    const first = expectOk(
      await submitExercise(post({ cookie: ada.cookie, key, body: wrongAnswer() }), EXERCISE, fx.deps),
    );
    // The retry even carries other files: the key names the attempt, the first one stands.
    const retry = await submitExercise(
      post({ cookie: ada.cookie, key, body: solution() }),
      EXERCISE,
      fx.deps,
    );
    expect(retry).toMatchObject({ ok: true, status: 200 });
    const second = expectOk(retry);
    expect(second).toMatchObject({ submissionId: first.submissionId, replayed: true });
    expect(second.result).toEqual(JSON.parse(JSON.stringify(first.result)));
    expect(await count(ada.id)).toBe(before + 1);
  });

  it("stores concurrent requests with one key once", async () => {
    const key = randomUUID();
    const before = await count(bob.id);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        submitExercise(post({ cookie: bob.cookie, key, body: solution() }), EXERCISE, fx.deps),
      ),
    );
    const ids = new Set(results.map((r) => expectOk(r).submissionId));
    expect(ids.size).toBe(1);
    expect(await count(bob.id)).toBe(before + 1);
  });

  it("refuses a key already used for another exercise (409)", async () => {
    const key = randomUUID();
    expectOk(await submitExercise(post({ cookie: bob.cookie, key, body: solution() }), EXERCISE, fx.deps));
    const other = testCourse().exercises.find((e) => e.id !== EXERCISE);
    if (!other) throw new Error("the course needs a second exercise");
    const result = await submitExercise(
      post({ cookie: bob.cookie, key, body: asBody(other.solution), exerciseId: other.id }),
      other.id,
      fx.deps,
    );
    expect(result).toMatchObject({ ok: false, error: { status: 409, code: "idempotency_key_reused" } });
  });

  const big = "x".repeat(MAX_FILE_BYTES + 1);
  const many = Array.from({ length: MAX_FILES + 1 }, (_, i) => ({ name: `f${i}.yaml`, content: "a: 1" }));
  const underPerFileLimit = "#".repeat(MAX_FILE_BYTES - 1024);
  const invalid: [string, Call, number, string, string?][] = [
    [
      "no Idempotency-Key",
      { key: null, body: { files: [{ name: "a.yaml", content: "a: 1" }] } },
      400,
      "missing_idempotency_key",
    ],
    [
      "a short Idempotency-Key",
      { key: "abc", body: { files: [{ name: "a.yaml", content: "a: 1" }] } },
      400,
      "invalid_idempotency_key",
    ],
    ["a body that is not JSON", { raw: "{files:" }, 400, "invalid_json"],
    ["no files field", { body: { file: [] } }, 400, "invalid_submission", "files"],
    ["an empty file list", { body: { files: [] } }, 400, "invalid_submission", "files"],
    [
      "a file without content",
      { body: { files: [{ name: "a.yaml" }] } },
      400,
      "invalid_submission",
      "files[0].content",
    ],
    [
      "a name with a folder",
      { body: { files: [{ name: "../etc/passwd.yaml", content: "a: 1" }] } },
      400,
      "invalid_submission",
      "files[0].name",
    ],
    [
      "a name that is not YAML",
      { body: { files: [{ name: "run.sh", content: "a: 1" }] } },
      400,
      "invalid_submission",
      "files[0].name",
    ],
    [
      "a name sent twice",
      {
        body: {
          files: [
            { name: "a.yaml", content: "a: 1" },
            { name: "a.yaml", content: "b: 1" },
          ],
        },
      },
      400,
      "invalid_submission",
      "files[1].name",
    ],
    [
      "only empty files",
      { body: { files: [{ name: "a.yaml", content: "  \n" }] } },
      400,
      "invalid_submission",
    ],
    ["too many files", { body: { files: many } }, 413, "too_many_files", "files"],
    [
      "a file over the per-file limit",
      { body: { files: [{ name: "a.yaml", content: big }] } },
      413,
      "file_too_large",
      "files[0].content",
    ],
    [
      "files over the total limit",
      { body: { files: [0, 1, 2, 3, 4].map((i) => ({ name: `f${i}.yaml`, content: underPerFileLimit })) } },
      413,
      "files_too_large",
      "files",
    ],
    [
      "a body over the request limit",
      { raw: `{"files":[],"pad":"${"y".repeat(MAX_BODY_BYTES)}"}` },
      413,
      "payload_too_large",
    ],
  ];
  it.each(invalid)("refuses %s and stores nothing", async (_what, call, status, code, path) => {
    const before = await count(ada.id);
    const result = await submitExercise(post({ cookie: ada.cookie, ...call }), EXERCISE, fx.deps);
    expect(result).toMatchObject({ ok: false, error: { status, code } });
    if (!result.ok) {
      expect(result.error.message.length).toBeGreaterThan(10);
      if (path) expect(result.error.path).toBe(path);
    }
    expect(await count(ada.id)).toBe(before);
  });

  it("answers 404 for an exercise that does not exist", async () => {
    const result = await submitExercise(
      post({ cookie: ada.cookie, body: solution(), exerciseId: "nope" }),
      "nope",
      fx.deps,
    );
    expect(result).toMatchObject({ ok: false, error: { status: 404, code: "unknown_exercise" } });
  });

  it("lets a learner read their own submission and never another learner's", async () => {
    const mine = expectOk(
      await submitExercise(post({ cookie: ada.cookie, body: wrongAnswer() }), EXERCISE, fx.deps),
    );
    const path = `/api/submissions/${mine.submissionId}`;
    const own = expectOk(await readSubmission(get(path, ada.cookie), mine.submissionId, fx.deps));
    expect(own).toMatchObject({
      submissionId: mine.submissionId,
      exerciseId: EXERCISE,
      result: { score: mine.result.score },
    });
    expect(own.files.map((f) => f.name).sort()).toEqual(
      wrongAnswer()
        .files.map((f) => f.name)
        .sort(),
    );
    const theirs = await readSubmission(get(path, bob.cookie), mine.submissionId, fx.deps);
    expect(theirs).toMatchObject({ ok: false, error: { status: 404 } });
    const anonymous = await readSubmission(get(path), mine.submissionId, fx.deps);
    expect(anonymous).toMatchObject({ ok: false, error: { status: 401 } });
  });

  it("lists a learner's own attempts with the best score, and only theirs", async () => {
    const fresh = await fx.signUp("Cy");
    const empty = expectOk(await listSubmissions(get("/x", fresh.cookie), EXERCISE, fx.deps));
    expect(empty).toMatchObject({ attempts: 0, bestScore: null, passed: false, submissions: [] });
    const wrong = expectOk(
      await submitExercise(post({ cookie: fresh.cookie, body: wrongAnswer() }), EXERCISE, fx.deps),
    );
    expectOk(await submitExercise(post({ cookie: fresh.cookie, body: solution() }), EXERCISE, fx.deps));
    const history = expectOk(await listSubmissions(get("/x", fresh.cookie), EXERCISE, fx.deps));
    expect(history).toMatchObject({ attempts: 2, bestScore: 100, passed: true });
    expect(history.submissions.map((s) => s.score)).toEqual([100, wrong.result.score]);
  });
});
