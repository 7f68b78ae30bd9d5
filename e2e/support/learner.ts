// A learner signed up through the running app's better-auth HTTP API, as a browser would.
import { randomUUID } from "node:crypto";

export type Learner = { readonly id: string; readonly email: string; readonly cookie: string };

/** Signs a new learner up on the app at `origin`; returns their id and the Cookie header to send. */
export async function signUpLearner(origin: string, name = "Learner"): Promise<Learner> {
  const email = `${name.toLowerCase()}.${randomUUID()}@example.test`;
  const response = await fetch(`${origin}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ name, email, password: "correct horse battery staple" }),
  });
  if (response.status !== 200)
    throw new Error(`sign-up answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { user: { id: string } };
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { id: body.user.id, email, cookie };
}
