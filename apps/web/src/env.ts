import "server-only";
import { z } from "zod";

// Every environment variable the app reads, read once and checked here (nowhere else reads process.env).
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /** The content/ folder; by default the nearest one above the app's working directory. */
  KUBEJAM_CONTENT_DIR: z.string().min(1).optional(),
  /** Signs session cookies; when unset, one is generated into .data/auth-secret on first start. */
  BETTER_AUTH_SECRET: z.string().optional(),
  /** The public origin (e.g. https://kubejam.example); unset: localhost and 127.0.0.1 only. */
  BETTER_AUTH_URL: z.url().optional(),
});

export const env = EnvSchema.parse({
  NODE_ENV: process.env.NODE_ENV,
  KUBEJAM_CONTENT_DIR: process.env.KUBEJAM_CONTENT_DIR,
  BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET,
  BETTER_AUTH_URL: process.env.BETTER_AUTH_URL || undefined,
});
