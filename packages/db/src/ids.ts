import { z } from "zod";

/** A user id as better-auth or createAdmin made it. Never empty: an empty id must not match anything. */
export const UserIdSchema = z.string().min(1).max(200);

/** Content ids (lessons, exercises) name folders under content/: letters, digits, `.`, `_`, `-`, `/`. */
export const ContentIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, "a content id is a folder name under content/");
