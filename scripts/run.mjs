#!/usr/bin/env node
// The two commands of the README (`npm start`, `npm test`) and `npm run bench` land here.
// A fresh machine has only Node 20 and npm, so this script obtains the pinned pnpm from the
// npm registry into .tools/, installs the workspace and runs the task through turbo.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { packageManager } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const pnpmVersion = packageManager.replace(/^pnpm@/, "");
const toolsDir = join(root, ".tools");
const pnpmBin = join(toolsDir, "node_modules", "pnpm", "bin", "pnpm.cjs");

// Nothing leaves this machine but requests to the npm registry (and Debian's, for Chromium).
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  TURBO_TELEMETRY_DISABLED: "1",
  DO_NOT_TRACK: "1",
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? "/bin/false",
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1",
  PUPPETEER_SKIP_DOWNLOAD: "1",
  TURBO_NO_UPDATE_NOTIFIER: "1",
  // turbo and the e2e web server call `pnpm` by name: the pinned one in .tools/ comes first.
  PATH: [join(root, ".tools", "node_modules", ".bin"), process.env.PATH].join(
    process.platform === "win32" ? ";" : ":",
  ),
};
// node-gyp builds native modules against the local Node headers instead of downloading them.
if (!env.npm_config_nodedir && existsSync("/usr/include/node/node.h")) env.npm_config_nodedir = "/usr";

function sh(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, env, stdio: "inherit", ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function must(cmd, args, options) {
  const status = sh(cmd, args, options);
  if (status !== 0) {
    console.error(`\n${[cmd, ...args].join(" ")} failed (exit ${status})`);
    process.exit(status);
  }
}

function ensurePnpm() {
  const installed = existsSync(pnpmBin)
    ? JSON.parse(readFileSync(join(toolsDir, "node_modules", "pnpm", "package.json"), "utf8")).version
    : undefined;
  if (installed === pnpmVersion) return;
  console.log(`> installing pnpm ${pnpmVersion} into .tools/`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  must(npm, [
    "install",
    "--prefix",
    toolsDir,
    "--no-save",
    "--no-package-lock",
    "--no-audit",
    "--no-fund",
    `pnpm@${pnpmVersion}`,
  ]);
}

const pnpm = (...args) => must(process.execPath, [pnpmBin, ...args]);

function install() {
  ensurePnpm();
  pnpm("install", ...(process.env.CI ? ["--frozen-lockfile"] : []));
}

function chromiumPath() {
  for (const candidate of [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return undefined;
}

// The e2e tests drive Debian's Chromium (Playwright never downloads a browser here).
function ensureChromium() {
  if (chromiumPath()) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("> installing Debian's chromium for the e2e tests");
    must("apt-get", ["update", "-qq"]);
    must("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], {
      env: { ...env, DEBIAN_FRONTEND: "noninteractive" },
    });
    return;
  }
  console.error("The e2e tests need Chromium: install Debian's `chromium` package or set CHROMIUM_PATH.");
  process.exit(1);
}

const task = process.argv[2];
switch (task) {
  case "start":
    install();
    pnpm("exec", "turbo", "run", "build", "--output-logs=errors-only");
    // Creates the SQLite file (.data/kubejam.db) or brings DATABASE_URL's database up to date.
    pnpm("--filter", "@kubejam/db", "run", "migrate");
    pnpm("--filter", "@kubejam/web", "run", "start");
    break;
  case "test":
    install();
    pnpm("exec", "biome", "ci", ".");
    pnpm(
      "exec",
      "turbo",
      "run",
      "typecheck",
      "build",
      "test",
      "--filter=!@kubejam/e2e",
      "--output-logs=new-only",
      "--concurrency=2",
    );
    ensureChromium();
    env.CHROMIUM_PATH = chromiumPath();
    pnpm("--filter", "@kubejam/e2e", "run", "typecheck");
    pnpm("--filter", "@kubejam/e2e", "run", "test");
    break;
  case "create-admin":
    // npm run create-admin -- --email you@example.com --password-stdin [--name "Ada"]
    // Migrates DATABASE_URL's database (default .data/kubejam.db) first, then makes or promotes the admin.
    install();
    pnpm("--silent", "--filter", "@kubejam/db", "run", "create-admin", ...process.argv.slice(3));
    break;
  case "bench":
    install();
    pnpm("exec", "turbo", "run", "bench", "--output-logs=full", "--concurrency=1");
    break;
  default:
    console.error("usage: node scripts/run.mjs start|test|bench|create-admin");
    process.exit(2);
}
