// Bundles the kubejam author CLI (content package + engine + kubectl) into one ESM file for Node 20.
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli/kubejam.ts"],
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  outfile: "dist/kubejam.mjs",
  legalComments: "none",
  logLevel: "warning",
  banner: {
    js: "import { createRequire as __kjCreateRequire } from 'node:module'; const require = __kjCreateRequire(import.meta.url);",
  },
});
