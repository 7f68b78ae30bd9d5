// Killing the app server (SIGKILL, no chance to clean up) while submissions are in flight leaves each
// submission whole or absent, on SQLite and on PostgreSQL: every stored row has its files, its
// per-check results and a score that re-grading its files gives again, and its lesson is marked
// active; every submission answered before the kill is stored; and retrying every request with its
// own Idempotency-Key after a restart leaves exactly one submission per key.
import { randomBytes, randomUUID } from "node:crypto";
import { freePort } from "@kubejam/db/test-support/embedded-postgres";
import { grade } from "@kubejam/grader";
import { expect, test } from "@playwright/test";
import { type AppServer, startAppServer } from "../../support/app-server";
import { type FreshDatabase, freshDatabase, type Provider } from "../../support/databases";
import { courseExercises, type SubmitBody, submittableAnswers } from "../../support/exercises";
import { type Learner, signUpLearner } from "../../support/learner";
import { readStored } from "../../support/stored-submissions";

const IN_FLIGHT = 80;
/** Kill once this many submissions have been answered: some done, most still in flight. */
const KILL_AFTER_ANSWERS = 10;

type Attempt = {
  readonly key: string;
  readonly exerciseId: string;
  readonly body: SubmitBody;
  /** The submission id of a 2xx answer received before the kill. */
  answeredId?: string;
  failedInFlight?: boolean;
};

function submit(origin: string, learner: Learner, attempt: Attempt): Promise<Response> {
  return fetch(`${origin}/api/exercises/${attempt.exerciseId}/submissions`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: learner.cookie, "idempotency-key": attempt.key },
    body: JSON.stringify(attempt.body),
  });
}

for (const provider of ["sqlite", "postgresql"] as Provider[]) {
  test.describe(`the app killed mid-submission (${provider})`, () => {
    test.describe.configure({ timeout: 240_000 });
    let database: FreshDatabase;
    const servers: AppServer[] = [];
    const authSecret = randomBytes(32).toString("base64url");

    test.beforeAll(async () => {
      database = await freshDatabase(provider);
    });
    test.afterAll(async () => {
      for (const server of servers) await server.stop("SIGKILL");
      await database?.drop();
    });

    const start = async () => {
      const server = await startAppServer({ port: await freePort(), databaseUrl: database.url, authSecret });
      servers.push(server);
      return server;
    };

    test("every submission is whole or absent, and retries store each key once", async () => {
      // Load the course first: an idle keep-alive connection the server closes after 5 s would fail a
      // request for a reason that is not under test.
      const answers = submittableAnswers();
      const exercises = new Map(courseExercises().map((e) => [e.id, e]));
      const first = await start();
      const learner = await signUpLearner(first.origin, "Crash");
      const attempts: Attempt[] = Array.from({ length: IN_FLIGHT }, (_, i) => {
        const answer = answers[i % answers.length];
        if (!answer) throw new Error("the course has no answers");
        return { key: randomUUID(), exerciseId: answer.exerciseId, body: answer.body };
      });

      let answered = 0;
      let killed = false;
      let kill: () => void = () => undefined;
      const killNow = new Promise<void>((resolve) => {
        kill = resolve;
      });
      const inFlight = attempts.map(async (attempt) => {
        try {
          const response = await submit(first.origin, learner, attempt);
          const body = (await response.json()) as { submissionId?: string };
          // An answer read completely before the kill: the learner was told it is stored.
          if (!killed && response.status === 201 && body.submissionId) attempt.answeredId = body.submissionId;
          else if (!killed) throw new Error(`answered ${response.status}: ${JSON.stringify(body)}`);
          if (++answered >= KILL_AFTER_ANSWERS) kill();
        } catch (error) {
          if (!killed)
            throw new Error(
              `before the kill: ${String(error)} ${String((error as Error).cause)}\n${first.output()}`,
            );
          attempt.failedInFlight = true;
        }
      });
      await killNow;
      killed = true;
      await first.stop("SIGKILL");
      expect(first.process.signalCode).toBe("SIGKILL");
      await Promise.all(inFlight);

      const answeredBeforeKill = attempts.filter((a) => a.answeredId);
      const cutOff = attempts.filter((a) => a.failedInFlight);
      // The kill really happened mid-way: some submissions were answered, others were cut off.
      expect(answeredBeforeKill.length).toBeGreaterThanOrEqual(KILL_AFTER_ANSWERS);
      expect(cutOff.length).toBeGreaterThan(0);

      const afterKill = await readStored(database.url);
      const byKey = new Map(attempts.map((a) => [a.key, a]));
      for (const row of afterKill.submissions) {
        const attempt = byKey.get(row.idempotencyKey);
        expect(attempt, `stored key ${row.idempotencyKey} was sent`).toBeDefined();
        if (!attempt) continue;
        expect(row.userId).toBe(learner.id);
        expect(row.exerciseId).toBe(attempt.exerciseId);
        // Whole: the files as sent, the checks and score the grader gives those files.
        const files = attempt.body.files.map((f) => ({ name: f.name, text: f.content }));
        expect(row.files).toEqual(Object.fromEntries(files.map((f) => [f.name, f.text])));
        const exercise = exercises.get(row.exerciseId);
        if (!exercise) throw new Error(`unknown exercise ${row.exerciseId}`);
        const regraded = grade(exercise.exercise, files, "en");
        expect(row.checks).toEqual(JSON.parse(JSON.stringify(regraded.checks)));
        expect(row.score).toBe(regraded.score);
        expect(row.status).toBe(regraded.status);
        // …and written in the same transaction: the lesson is marked active.
        expect(afterKill.lessonProgress).toContainEqual({ userId: learner.id, lessonId: row.lessonId });
      }
      // Acknowledged means stored.
      const storedIds = new Set(afterKill.submissions.map((s) => s.id));
      for (const attempt of answeredBeforeKill) expect(storedIds).toContain(attempt.answeredId);

      // Restart on the same database and retry every request with its own key.
      const second = await start();
      const retried = await Promise.all(
        attempts.map(async (attempt) => {
          const response = await submit(second.origin, learner, attempt);
          const body = (await response.json()) as { submissionId: string; replayed: boolean };
          return { attempt, status: response.status, body };
        }),
      );
      const storedBefore = new Map(afterKill.submissions.map((s) => [s.idempotencyKey, s.id]));
      for (const { attempt, status, body } of retried) {
        const earlier = storedBefore.get(attempt.key);
        if (earlier) {
          expect({ status, replayed: body.replayed, id: body.submissionId }).toEqual({
            status: 200,
            replayed: true,
            id: earlier,
          });
        } else {
          expect({ status, replayed: body.replayed }).toEqual({ status: 201, replayed: false });
        }
      }
      const final = await readStored(database.url);
      expect(final.submissions).toHaveLength(IN_FLIGHT);
      expect(new Set(final.submissions.map((s) => s.idempotencyKey)).size).toBe(IN_FLIGHT);
      const retriedIds = new Map(retried.map((r) => [r.attempt.key, r.body.submissionId]));
      for (const row of final.submissions) expect(retriedIds.get(row.idempotencyKey)).toBe(row.id);
      console.log(
        `${provider}: ${answeredBeforeKill.length} answered before SIGKILL, ${afterKill.submissions.length} stored, ${cutOff.length} cut off; all ${IN_FLIGHT} stored once after retrying`,
      );
    });
  });
}
