// A real database (SQLite file or embedded PostgreSQL, from @kubejam/db's test support), a real
// better-auth on it, and the real course from content/: what the submission handlers run against.
import { randomUUID } from "node:crypto";
import { type Course, findContentRoot, loadCourse } from "@kubejam/content";
import type { Provider } from "@kubejam/db";
import { createTestDatabase, type TestDatabase } from "@kubejam/db/test-support";
import { type Auth, createAuth } from "../auth/create-auth";
import { sessionUser } from "../auth/session-user";
import type { SubmissionDeps } from "../submissions/submission-deps";

export const ORIGIN = "http://127.0.0.1:3000";

let course: Course | undefined;
export function testCourse(): Course {
  if (course) return course;
  const root = findContentRoot(process.cwd());
  if (!root) throw new Error("content/ not found above the web app");
  const loaded = loadCourse(root);
  if (!loaded.course) throw new Error("content/ does not load");
  course = loaded.course;
  return course;
}

export type ApiFixture = {
  readonly database: TestDatabase;
  readonly auth: Auth;
  readonly deps: SubmissionDeps;
  /** Signs a new learner up through better-auth's HTTP handler; returns their id and Cookie header. */
  readonly signUp: (name: string) => Promise<{ id: string; cookie: string }>;
};

export async function createApiFixture(provider: Provider): Promise<ApiFixture> {
  const database = await createTestDatabase(provider);
  const auth = createAuth({
    db: database.db,
    provider,
    secret: "kubejam-web-test-secret-0123456789abcdef",
    baseURL: ORIGIN,
  });
  const deps: SubmissionDeps = {
    db: database.db,
    currentUser: (headers) => sessionUser(auth, headers),
    findExercise: (id) => testCourse().exercises.find((e) => e.id === id),
  };
  const signUp = async (name: string) => {
    const response = await auth.handler(
      new Request(`${ORIGIN}/api/auth/sign-up/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: ORIGIN },
        body: JSON.stringify({
          name,
          email: `${name.toLowerCase()}.${randomUUID()}@example.test`,
          password: "correct horse battery staple",
        }),
      }),
    );
    if (response.status !== 200)
      throw new Error(`sign-up answered ${response.status}: ${await response.text()}`);
    const body = (await response.json()) as { user: { id: string } };
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    return { id: body.user.id, cookie };
  };
  return { database, auth, deps, signUp };
}
