// Accounts: the tables are what better-auth 1.7.25 expects (its own schema check and real sign-up
// and sign-in through its Prisma adapter, on both databases), createAdmin makes an administrator
// better-auth lets in, and roles change only through setUserRole.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authUserAdditionalFields } from "../src/auth-schema.ts";
import type { Db } from "../src/client.ts";
import { createAdmin, findUserByEmail, getUserRole, setUserRole } from "../src/queries/users.ts";
import { createUser } from "./support/fixtures.ts";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "./support/test-database.ts";

function createAuth(db: Db, provider: "sqlite" | "postgresql") {
  return betterAuth({
    database: prismaAdapter(db, { provider }),
    secret: "kubejam-test-secret-kubejam-test-secret",
    baseURL: "http://127.0.0.1:3000",
    emailAndPassword: { enabled: true },
    user: { additionalFields: authUserAdditionalFields },
    // The app's storage: its schema check then covers the rateLimit table too.
    rateLimit: { storage: "database" },
    telemetry: { enabled: false },
    logger: { disabled: true },
  });
}

describe.each(PROVIDERS)("%s: accounts", (provider) => {
  let database: TestDatabase;
  let auth: ReturnType<typeof createAuth>;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    auth = createAuth(database.db, provider);
  });
  afterAll(() => database.drop());

  it("passes better-auth's own schema check of the Prisma client", async () => {
    const context = await auth.$context;
    expect(context.explicitSchemaCheck).toBeTypeOf("function");
    await context.explicitSchemaCheck?.();
  });

  it("lets better-auth sign a learner up and in, with sessions stored in the database", async () => {
    const email = `ada.${provider}@example.test`;
    const signedUp = await auth.api.signUpEmail({
      body: { email, password: "correct horse battery", name: "Ada" },
    });
    expect(signedUp.user).toMatchObject({ email, name: "Ada", role: "learner", emailVerified: false });
    const signedIn = await auth.api.signInEmail({ body: { email, password: "correct horse battery" } });
    expect(signedIn.user.id).toBe(signedUp.user.id);
    expect(await database.db.session.count({ where: { userId: signedUp.user.id } })).toBe(2);
    const account = await database.db.account.findFirstOrThrow({ where: { userId: signedUp.user.id } });
    expect(account).toMatchObject({ providerId: "credential", accountId: signedUp.user.id });
  });

  it("does not let a sign-up choose its own role", async () => {
    const body = {
      email: `mallory.${provider}@example.test`,
      password: "mallory-password",
      name: "M",
      role: "admin",
    };
    const outcome = await auth.api.signUpEmail({ body }).then(
      (result) => result.user.role,
      () => "refused",
    );
    expect(["learner", "refused"]).toContain(outcome);
    const stored = await database.db.user.findUnique({
      where: { email: body.email },
      select: { role: true },
    });
    expect(stored?.role ?? "learner").toBe("learner");
  });

  it("creates an admin better-auth lets in with that password and no other", async () => {
    const email = `Root.${provider}@Example.test`;
    const outcome = await createAdmin(database.db, { email, password: "admin-password-1", name: "Root" });
    expect(outcome.kind).toBe("created");
    const signedIn = await auth.api.signInEmail({
      body: { email: email.toLowerCase(), password: "admin-password-1" },
    });
    expect(signedIn.user).toMatchObject({ id: outcome.userId, role: "admin", email: email.toLowerCase() });
    await expect(
      auth.api.signInEmail({ body: { email: email.toLowerCase(), password: "admin-password-2" } }),
    ).rejects.toThrow();
  });

  it("promotes an existing user instead of creating a second one, keeping their password", async () => {
    const email = `grace.${provider}@example.test`;
    const { user } = await auth.api.signUpEmail({
      body: { email, password: "grace-password", name: "Grace" },
    });
    const outcome = await createAdmin(database.db, { email, password: "ignored-password" });
    expect(outcome).toEqual({ kind: "promoted", userId: user.id });
    expect(await getUserRole(database.db, user.id)).toBe("admin");
    await expect(auth.api.signInEmail({ body: { email, password: "grace-password" } })).resolves.toBeTruthy();
  });

  it("refuses a password better-auth would refuse", async () => {
    await expect(
      createAdmin(database.db, { email: `short.${provider}@example.test`, password: "1234567" }),
    ).rejects.toThrow();
  });

  it("changes roles through setUserRole only to known roles", async () => {
    const userId = await createUser(database.db);
    expect(await setUserRole(database.db, userId, "instructor")).toEqual({ id: userId, role: "instructor" });
    expect(await getUserRole(database.db, userId)).toBe("instructor");
    expect(await setUserRole(database.db, "no-such-user", "admin")).toBeNull();
    // @ts-expect-error: not a role
    await expect(setUserRole(database.db, userId, "superuser")).rejects.toThrow();
    expect(await getUserRole(database.db, userId)).toBe("instructor");
  });

  it("finds a user by email whatever its case, and nobody for a malformed one", async () => {
    const email = `Grace.${provider}@Example.test`;
    const outcome = await createAdmin(database.db, { email, password: "admin-password-2", name: "Grace" });
    expect(await findUserByEmail(database.db, `  ${email.toUpperCase()} `)).toEqual({
      id: outcome.userId,
      name: "Grace",
      email: email.toLowerCase(),
    });
    expect(await findUserByEmail(database.db, "nobody@example.test")).toBeNull();
    expect(await findUserByEmail(database.db, "not an email")).toBeNull();
  });
});
