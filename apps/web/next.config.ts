import type { NextConfig } from "next";

// Kubejam builds and runs offline: no Google fonts, no remote images, no telemetry
// (set NEXT_TELEMETRY_DISABLED=1 in the environment; scripts/run.mjs does).
const nextConfig: NextConfig = {
  // The workspace packages ship TypeScript source through their `exports`.
  transpilePackages: ["@kubejam/engine", "@kubejam/kubectl"],
  reactStrictMode: true,
  poweredByHeader: false,
  images: { unoptimized: true },
};

export default nextConfig;
