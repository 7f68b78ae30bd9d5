import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { z } from "zod";
import type { Db } from "../client.ts";
import { UserIdSchema } from "../ids.ts";
import { isRecordNotFound } from "../prisma-errors.ts";
import { type Role, RoleSchema } from "../roles.ts";
import { TRANSACTION_OPTIONS } from "../transaction-options.ts";

/** better-auth's provider id for email + password accounts. */
export const CREDENTIAL_PROVIDER_ID = "credential";

/** better-auth's default `emailAndPassword.minPasswordLength` / `maxPasswordLength`. */
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

/** Changes a user's role; null when there is no such user. */
export async function setUserRole(
  db: Db,
  userId: string,
  role: Role,
): Promise<{ id: string; role: Role } | null> {
  try {
    const row = await db.user.update({
      where: { id: UserIdSchema.parse(userId) },
      data: { role: RoleSchema.parse(role) },
      select: { id: true, role: true },
    });
    return { id: row.id, role: RoleSchema.parse(row.role) };
  } catch (error) {
    if (isRecordNotFound(error)) return null;
    throw error;
  }
}

/** A user's role, or null when there is no such user. */
export async function getUserRole(db: Db, userId: string): Promise<Role | null> {
  const row = await db.user.findUnique({ where: { id: UserIdSchema.parse(userId) }, select: { role: true } });
  return row ? RoleSchema.parse(row.role) : null;
}

export const CreateAdminInputSchema = z.object({
  email: z.email().transform((email) => email.toLowerCase()),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH),
  name: z.string().trim().min(1).max(200).default("Administrator"),
});
export type CreateAdminInput = z.input<typeof CreateAdminInputSchema>;

export type CreateAdminOutcome =
  | { readonly kind: "created"; readonly userId: string }
  | { readonly kind: "promoted"; readonly userId: string };

/**
 * Makes an administrator who can sign in with email + password through better-auth. A new user is
 * written the way better-auth's sign-up writes one (lower-cased email, a `credential` account whose
 * `accountId` is the user id, the password hashed by better-auth's own `hashPassword`: scrypt,
 * `salt:key` in hex), with the admin role and the email marked verified. An existing user with that
 * email is promoted; their password is left alone.
 */
export async function createAdmin(db: Db, rawInput: CreateAdminInput): Promise<CreateAdminOutcome> {
  const input = CreateAdminInputSchema.parse(rawInput);
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) {
    await db.user.update({ where: { id: existing.id }, data: { role: "admin" }, select: { id: true } });
    return { kind: "promoted", userId: existing.id };
  }
  const passwordHash = await hashPassword(input.password);
  const userId = randomUUID();
  const now = new Date();
  await db.$transaction(async (tx) => {
    await tx.user.create({
      data: {
        id: userId,
        name: input.name,
        email: input.email,
        emailVerified: true,
        role: "admin",
        createdAt: now,
        updatedAt: now,
      },
      select: { id: true },
    });
    await tx.account.create({
      data: {
        id: randomUUID(),
        userId,
        providerId: CREDENTIAL_PROVIDER_ID,
        accountId: userId,
        password: passwordHash,
        createdAt: now,
        updatedAt: now,
      },
      select: { id: true },
    });
  }, TRANSACTION_OPTIONS);
  return { kind: "created", userId };
}

/** A user by email (compared lower-cased, as better-auth stores it), or null. */
export async function findUserByEmail(
  db: Db,
  email: string,
): Promise<{ id: string; name: string; email: string } | null> {
  const normalized = z.string().trim().toLowerCase().pipe(z.email()).safeParse(email);
  if (!normalized.success) return null;
  return db.user.findUnique({
    where: { email: normalized.data },
    select: { id: true, name: true, email: true },
  });
}
