import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiFixture, createApiFixture, ORIGIN } from "../test-support/api-fixture";
import { sessionUser } from "./session-user";

// The cookie-cache fast path must accept exactly what better-auth's getSession accepts.
describe("sessionUser", () => {
  let api: ApiFixture;
  beforeAll(async () => {
    api = await createApiFixture("sqlite");
  });
  afterAll(async () => {
    await api.database.drop();
  });

  const cookies = (cookie: string) =>
    new Map(cookie.split("; ").map((c) => c.split("=", 2) as [string, string]));
  const header = (map: Map<string, string>) => [...map].map(([k, v]) => `${k}=${v}`).join("; ");
  const userOf = (cookie: string) => sessionUser(api.auth, new Headers({ cookie }));

  it("answers the signed-in learner from the cookie cache and from the database alike", async () => {
    const learner = await api.signUp("Cache");
    const withCache = await userOf(learner.cookie);
    expect(withCache).toMatchObject({ id: learner.id, role: "learner" });
    const jar = cookies(learner.cookie);
    jar.delete("better-auth.session_data");
    expect(await userOf(header(jar))).toEqual(withCache);
  });

  it("refuses no cookie, a cache without its session token, and a tampered cache", async () => {
    const learner = await api.signUp("Forger");
    expect(await userOf("")).toBeNull();
    const jar = cookies(learner.cookie);
    const data = jar.get("better-auth.session_data") ?? "";
    expect(await userOf(`better-auth.session_data=${data}`)).toBeNull();
    const payload = JSON.parse(Buffer.from(data, "base64url").toString("utf8"));
    payload.session.user.role = "admin";
    jar.set("better-auth.session_data", Buffer.from(JSON.stringify(payload)).toString("base64url"));
    // The signature no longer matches: getSession decides from the session token (the real role).
    expect(await userOf(header(jar))).toMatchObject({ id: learner.id, role: "learner" });
  });

  it("does not take another session's cache for this session", async () => {
    const first = await api.signUp("First");
    const second = await api.signUp("Second");
    const jar = cookies(second.cookie);
    jar.set("better-auth.session_data", cookies(first.cookie).get("better-auth.session_data") ?? "");
    expect(await userOf(header(jar))).toMatchObject({ id: second.id });
  });

  it("is signed out once the session is revoked and its cookies are gone", async () => {
    const learner = await api.signUp("Leaver");
    const response = await api.auth.handler(
      new Request(`${ORIGIN}/api/auth/sign-out`, {
        method: "POST",
        headers: { cookie: learner.cookie, origin: ORIGIN },
      }),
    );
    expect(response.status).toBe(200);
    const jar = cookies(learner.cookie);
    jar.delete("better-auth.session_data");
    expect(await userOf(header(jar))).toBeNull();
  });
});
