import { authUserAdditionalFields, type Db, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@kubejam/db";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";

export type AuthOptions = {
  readonly db: Db;
  readonly provider: "sqlite" | "postgresql";
  readonly secret: string;
  /** The public origin (BETTER_AUTH_URL); without it, requests to localhost/127.0.0.1 on any port. */
  readonly baseURL?: string;
};

/** Hosts the app answers without BETTER_AUTH_URL: a developer's machine, the e2e server. */
export const LOCAL_HOSTS = ["localhost:*", "127.0.0.1:*", "[::1]:*", "localhost", "127.0.0.1"];

/**
 * Per connecting address. better-auth's own rule (3 sign-ins per 10 s) would stop a Study Jam room
 * behind one NAT address after its third learner; 30 a minute lets a room in and still slows a
 * password guesser to one try every 2 seconds.
 */
export const CLASSROOM_RATE_LIMITS = {
  "/sign-up/email": { window: 60, max: 30 },
  "/sign-in/email": { window: 60, max: 30 },
};

/**
 * Kubejam's better-auth: email + password, sessions in the app database (through @kubejam/db's
 * Prisma client), a `role` column a sign-up cannot set. The session is also kept for a minute in a
 * signed cookie, so a graded submission does not need a session lookup per request; signing out
 * clears that cookie at once, and a session revoked elsewhere stops working within that minute.
 */
export function createAuth({ db, provider, secret, baseURL }: AuthOptions) {
  return betterAuth({
    appName: "Kubejam",
    database: prismaAdapter(db, { provider }),
    secret,
    baseURL: baseURL ?? { allowedHosts: LOCAL_HOSTS, protocol: "auto" },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      autoSignIn: true,
    },
    user: { additionalFields: authUserAdditionalFields },
    session: { cookieCache: { enabled: true, maxAge: 60 } },
    // In the database, so every app process counts against one limit (memory counts per process).
    rateLimit: { customRules: CLASSROOM_RATE_LIMITS, storage: "database" },
    // Secure cookies need https: on with an https BETTER_AUTH_URL, off on plain-http localhost.
    advanced: { useSecureCookies: baseURL?.startsWith("https://") ?? false },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;
