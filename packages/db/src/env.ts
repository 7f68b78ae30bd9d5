// The only place this package reads environment variables.
import { z } from "zod";

const EnvSchema = z.object({
  /**
   * Where the data lives. Unset or `file:…` means SQLite (default `.data/kubejam.db` at the repository
   * root); `postgres://…` or `postgresql://…` means PostgreSQL.
   */
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === "" ? undefined : value)),
});

export type Env = z.infer<typeof EnvSchema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  return EnvSchema.parse(source);
}
