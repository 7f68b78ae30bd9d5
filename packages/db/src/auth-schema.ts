import { DEFAULT_ROLE } from "./roles.ts";

/**
 * What better-auth must be told about the `user` table beyond its core fields:
 * `betterAuth({ user: { additionalFields: authUserAdditionalFields }, … })`. `input: false` keeps a
 * sign-up request from choosing its own role; `setUserRole` changes it.
 */
export const authUserAdditionalFields = {
  role: { type: "string", required: false, defaultValue: DEFAULT_ROLE, input: false },
} as const;
