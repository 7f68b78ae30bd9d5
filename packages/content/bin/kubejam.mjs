#!/usr/bin/env node
// The kubejam author CLI: a thin Node shell over the content package, bundled into dist/ by `pnpm build`.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const bundle = new URL("../dist/kubejam.mjs", import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write(
    "kubejam is not built yet: run `npm test` or `npm start` once (or `pnpm --filter @kubejam/content build`).\n",
  );
  process.exit(1);
}
await import(bundle.href);
