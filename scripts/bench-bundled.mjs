// `pnpm bench` in packages/engine and packages/grader: runs each bench file as the code ships, bundled
// into one module by esbuild (the browser worker and the Next server run the engine bundled). Under
// tsx every module stays separate and each call across modules goes through an export getter, which
// cost 15-20 % of the lesson case's time. Each file runs in its own process, one after the other.
// Usage (from the package's folder): node ../../scripts/bench-bundled.mjs bench/a.bench.ts [bench/b.bench.ts…]
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const entries = process.argv.slice(2);
if (entries.length === 0) {
  console.error("usage: node scripts/bench-bundled.mjs BENCH_FILE...");
  process.exit(2);
}
const packageDir = process.cwd();
// esbuild is the package's own dev dependency: resolve it from there, not from this script's folder.
const { buildSync } = createRequire(path.join(packageDir, "package.json"))("esbuild");
const outDir = path.join(packageDir, "node_modules", ".cache", "bench");
mkdirSync(outDir, { recursive: true });

for (const entry of entries) {
  const outfile = path.join(outDir, `${path.basename(entry).replace(/\.ts$/, "")}.mjs`);
  buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    outfile,
    logLevel: "warning",
    // CommonJS dependencies (yaml) call require(): give the ESM bundle one.
    banner: {
      js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);",
    },
  });
  const run = spawnSync(process.execPath, [outfile], { stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
