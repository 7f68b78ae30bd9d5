import { expect, test } from "@playwright/test";

// Sign-in is limited per connecting address (CLASSROOM_RATE_LIMITS: 30 a minute), on the production
// server. Behind a proxy the address is the one X-Forwarded-For names, so each test address here is
// its own client: a password guesser is stopped at its 31st try, a classmate next to it is not.

const PASSWORD_GUESS = { email: "nobody@example.test", password: "not the password" };

test("a 31st sign-in attempt within a minute from one address is refused; another address still signs in", async ({
  request,
  baseURL,
}) => {
  const signIn = (address: string) =>
    request.post("/api/auth/sign-in/email", {
      headers: { origin: baseURL ?? "", "x-forwarded-for": address },
      data: PASSWORD_GUESS,
    });
  // Addresses from the documentation range (RFC 5737), different on every run of the suite.
  const guesser = `198.51.100.${1 + (Date.now() % 250)}`;
  const classmate = `203.0.113.${1 + (Date.now() % 250)}`;

  for (let attempt = 1; attempt <= 30; attempt++) {
    const response = await signIn(guesser);
    expect(response.status(), `attempt ${attempt}`).toBe(401);
  }
  const refused = await signIn(guesser);
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["x-retry-after"])).toBeGreaterThan(0);

  const other = await signIn(classmate);
  expect(other.status()).toBe(401);
});
