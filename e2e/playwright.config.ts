import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, devices } from "@playwright/test";

// e2e/package.json is "type": "module": there is no __dirname.
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.join(here, "..");

const port = Number(process.env.E2E_PORT ?? 3000);
const baseURL = `http://127.0.0.1:${port}`;

// Every run starts from an empty database: a fresh SQLite file in a temporary folder (created and
// migrated by the server at start) and a session secret of its own. Set in process.env so the
// workers, which load this file again, keep the runner's values.
process.env.E2E_DATABASE_URL ??= `file:${path.join(mkdtempSync(path.join(os.tmpdir(), "kubejam-e2e-")), "kubejam.db")}`;
process.env.E2E_AUTH_SECRET ??= randomBytes(32).toString("base64url");

// Playwright never downloads a browser here: it drives Debian's chromium.
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// `pnpm` is usually not on PATH (scripts/run.mjs runs it from .tools/ as `node pnpm.cjs`). `pnpm run`
// exports its own entry point as npm_execpath: reuse that pnpm, else the one in .tools/, else PATH's.
function pnpmCommand(): string {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(path.basename(execPath))) return `"${process.execPath}" "${execPath}"`;
  const toolsPnpm = path.join(repoRoot, ".tools", "node_modules", "pnpm", "bin", "pnpm.cjs");
  if (existsSync(toolsPnpm)) return `"${process.execPath}" "${toolsPnpm}"`;
  return "pnpm";
}

export default defineConfig({
  testDir: "./tests",
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Monaco, a worker and a build on 2 cores that CI shares: generous, but still bounded.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 1,
  reporter: "list",
  use: {
    baseURL,
    trace: "off",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  webServer: {
    // Serves the production build: run `pnpm --filter @kubejam/web build` first.
    command: `${pnpmCommand()} --filter @kubejam/web start`,
    cwd: repoRoot,
    url: baseURL,
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      BETTER_AUTH_SECRET: process.env.E2E_AUTH_SECRET,
    },
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
