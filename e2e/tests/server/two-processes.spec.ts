// Growing past one machine: two app processes (two `next start` on different ports, as two machines
// behind a load balancer would run) on one PostgreSQL share everything a learner has. Sessions are in
// the database, so the cookie from one process signs in on the other; submissions and progress
// stored by one are read by the other; an Idempotency-Key used on one is honoured on the other.
import { randomBytes, randomUUID } from "node:crypto";
import { freePort } from "@kubejam/db/test-support/embedded-postgres";
import { expect, test } from "@playwright/test";
import { type AppServer, startAppServer } from "../../support/app-server";
import { type FreshDatabase, freshDatabase } from "../../support/databases";
import { courseExercises } from "../../support/exercises";
import { signUpLearner } from "../../support/learner";
import { readStored } from "../../support/stored-submissions";

test.describe.configure({ timeout: 180_000 });

let database: FreshDatabase;
let a: AppServer;
let b: AppServer;

test.beforeAll(async () => {
  database = await freshDatabase("postgresql");
  const authSecret = randomBytes(32).toString("base64url");
  // Both start at once on the empty database: the migration lock lets one migrate, the other wait.
  [a, b] = await Promise.all([
    startAppServer({ port: await freePort(), databaseUrl: database.url, authSecret }),
    startAppServer({ port: await freePort(), databaseUrl: database.url, authSecret }),
  ]);
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await database?.drop();
});

/** Only the session token: no signed session cache, so the process must find the session in the database. */
const sessionTokenOnly = (cookie: string) =>
  cookie
    .split("; ")
    .filter((c) => c.startsWith("better-auth.session_token="))
    .join("; ");

test("a learner signs up and submits on one process and reads it all on the other", async () => {
  const exercise = courseExercises()[0];
  if (!exercise) throw new Error("the course has no exercise");
  const learner = await signUpLearner(a.origin, "Twin");
  const cookie = sessionTokenOnly(learner.cookie);
  expect(cookie).not.toBe("");
  const headers = { "content-type": "application/json", cookie };
  const solution = { files: exercise.solution.map((f) => ({ name: f.name, content: f.text })) };
  const wrong = exercise.wrong[0];
  if (!wrong) throw new Error(`${exercise.id} has no wrong answer`);
  const mistake = { files: wrong.files.map((f) => ({ name: f.name, content: f.text })) };
  const submitPath = `/api/exercises/${exercise.id}/submissions`;

  // Signed up on A, signed in on B.
  const session = await fetch(`${b.origin}/api/auth/get-session`, { headers: { cookie } });
  expect(((await session.json()) as { user?: { id: string } } | null)?.user?.id).toBe(learner.id);

  // A wrong answer on A …
  const keyA = randomUUID();
  const onA = await fetch(`${a.origin}${submitPath}`, {
    method: "POST",
    headers: { ...headers, "idempotency-key": keyA },
    body: JSON.stringify(mistake),
  });
  expect(onA.status).toBe(201);
  const storedA = (await onA.json()) as { submissionId: string; result: { status: string; score: number } };
  expect(storedA.result.status).toBe("fail");

  // … is read on B, with its files and result, and counts in the learner's standing there.
  const readOnB = await fetch(`${b.origin}/api/submissions/${storedA.submissionId}`, { headers: { cookie } });
  expect(readOnB.status).toBe(200);
  const detail = (await readOnB.json()) as { files: unknown; result: { score: number } };
  expect(detail.files).toEqual(mistake.files);
  expect(detail.result.score).toBe(storedA.result.score);
  const standingOnB = await fetch(`${b.origin}${submitPath}`, { headers: { cookie } });
  expect(await standingOnB.json()).toMatchObject({
    attempts: 1,
    passed: false,
    bestScore: storedA.result.score,
    submissions: [{ submissionId: storedA.submissionId }],
  });

  // A retry of A's request that lands on B stores nothing new.
  const retryOnB = await fetch(`${b.origin}${submitPath}`, {
    method: "POST",
    headers: { ...headers, "idempotency-key": keyA },
    body: JSON.stringify(mistake),
  });
  expect(retryOnB.status).toBe(200);
  expect(await retryOnB.json()).toMatchObject({ submissionId: storedA.submissionId, replayed: true });

  // The solution on B shows on A.
  const onB = await fetch(`${b.origin}${submitPath}`, {
    method: "POST",
    headers: { ...headers, "idempotency-key": randomUUID() },
    body: JSON.stringify(solution),
  });
  expect(onB.status).toBe(201);
  const storedB = (await onB.json()) as { submissionId: string; result: { status: string } };
  expect(storedB.result.status).toBe("pass");
  const readOnA = await fetch(`${a.origin}/api/submissions/${storedB.submissionId}`, { headers: { cookie } });
  expect(readOnA.status).toBe(200);
  const standingOnA = await fetch(`${a.origin}${submitPath}`, { headers: { cookie } });
  expect(await standingOnA.json()).toMatchObject({
    attempts: 2,
    passed: true,
    bestScore: 100,
    submissions: [{ submissionId: storedB.submissionId }, { submissionId: storedA.submissionId }],
  });

  // One database underneath: exactly the two submissions.
  const stored = await readStored(database.url);
  expect(stored.submissions.map((s) => s.id).sort()).toEqual(
    [storedA.submissionId, storedB.submissionId].sort(),
  );
});
