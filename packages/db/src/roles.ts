import { z } from "zod";

/** What a user may do. Stored as text in `user.role`, checked by the database. */
export const ROLES = ["learner", "instructor", "admin"] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** The role of every new account, whether better-auth or `createAdmin` makes it. */
export const DEFAULT_ROLE: Role = "learner";
