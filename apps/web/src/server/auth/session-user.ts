import { ROLES, type Role } from "@kubejam/db";
import type { Auth } from "./create-auth";

export type SessionUser = {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
};

/** The signed-in user of a request (by its session cookie), or null. */
export async function sessionUser(auth: Auth, headers: Headers): Promise<SessionUser | null> {
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const { id, email, name, role } = session.user;
  return { id, email, name, role: isRole(role) ? role : "learner" };
}

const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);
