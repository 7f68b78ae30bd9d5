#!/usr/bin/env node
// The kjctl command: a thin Node shell over the kubectl package, bundled into dist/ by `pnpm build`.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const bundle = new URL("../dist/kjctl.mjs", import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write(
    "kjctl is not built yet: run `npm test` or `npm start` once (or `pnpm --filter @kubejam/kubectl build`).\n",
  );
  process.exit(1);
}
await import(bundle.href);
