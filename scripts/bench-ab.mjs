// `pnpm bench:ab REF` in packages/engine: the engine at git REF (base) against the working tree (head),
// interleaved in one process (bench/ab.bench.ts). REF's packages/engine is taken with `git archive`
// into a temporary folder and bundled with the working tree's dependencies, as is the working tree.
// Usage (from packages/engine): node ../../scripts/bench-ab.mjs REF
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";

const ref = process.argv[2];
if (!ref) {
  console.error("usage: pnpm bench:ab REF   (a commit, branch or tag to compare the working tree with)");
  process.exit(2);
}
const engineDir = process.cwd();
const { buildSync } = createRequire(path.join(engineDir, "package.json"))("esbuild");
const work = mkdtempSync(path.join(os.tmpdir(), "kubejam-bench-ab-"));
try {
  const top = run("git", ["rev-parse", "--show-toplevel"]).toString().trim();
  const archive = run("git", ["-C", top, "archive", "--format=tar", ref, "packages/engine/src"]);
  run("tar", ["-x", "-C", work], archive);
  const bundles = path.join(engineDir, "node_modules", ".cache", "bench");
  mkdirSync(bundles, { recursive: true });
  const base = bundleEngine(path.join(work, "packages", "engine"), path.join(bundles, "engine-base.cjs"));
  const head = bundleEngine(engineDir, path.join(bundles, "engine-head.cjs"));
  const bench = path.join(bundles, "ab.bench.mjs");
  buildSync({
    entryPoints: ["bench/ab.bench.ts"],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    outfile: bench,
    logLevel: "warning",
  });
  console.log(
    `base: ${ref} (${run("git", ["rev-parse", "--short", ref]).toString().trim()}), head: the working tree`,
  );
  const r = spawnSync(process.execPath, [bench, base, head], { stdio: "inherit" });
  process.exitCode = r.status ?? 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** One engine as one CommonJS module; its imports (yaml, zod, ...) resolve in the working tree. */
function bundleEngine(dir, outfile) {
  buildSync({
    stdin: { contents: 'export * from "./src/index";', resolveDir: dir, loader: "ts" },
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    outfile,
    nodePaths: [path.join(engineDir, "node_modules")],
    logLevel: "warning",
  });
  return outfile;
}

function run(command, args, input) {
  const r = spawnSync(command, args, { input, maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")}: ${r.stderr?.toString() ?? r.error}`);
  return r.stdout;
}
