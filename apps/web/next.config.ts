import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// Kubejam builds and runs offline: no Google fonts, no remote images, no telemetry
// (set NEXT_TELEMETRY_DISABLED=1 in the environment; scripts/run.mjs does).
const nextConfig: NextConfig = {
  // The workspace packages ship TypeScript source through their `exports`.
  transpilePackages: [
    "@kubejam/engine",
    "@kubejam/kubectl",
    "@kubejam/content",
    "@kubejam/grader",
    "@kubejam/db",
  ],
  // Server-only renderers and the database drivers (native better-sqlite3, pg): loaded by Node at
  // run time instead of being bundled.
  serverExternalPackages: [
    "shiki",
    "@mdx-js/mdx",
    "better-sqlite3",
    "@prisma/adapter-better-sqlite3",
    "pg",
    "@prisma/adapter-pg",
  ],
  // forbidden() answers 403 with app/[locale]/forbidden.tsx (the instructor page, for learners).
  experimental: { authInterrupts: true },
  reactStrictMode: true,
  poweredByHeader: false,
  images: { unoptimized: true },
};

export default createNextIntlPlugin("./src/i18n/request.ts")(nextConfig);
