import type { NextConfig } from "next";
import { API_CONTENT_SECURITY_POLICY } from "./lib/security/csp";

/**
 * Security headers on every response. The pages' Content-Security-Policy carries a per-request
 * nonce, so `proxy.ts` sets it (lib/security/csp.ts); API answers, which are JSON, get a policy
 * that allows nothing. Provider content never becomes HTML (components/conversations/thread/safe-markdown.tsx).
 */
const common = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/**
 * The benchmark's own routes (`*.bench.ts(x)`: the framework floor and a minimal page) exist only
 * in a build made for the bench (`PARLEY_BENCH_BUILD=1`, see bench/lib/build.ts), never in the
 * production route tree.
 */
const benchRoutes = process.env.PARLEY_BENCH_BUILD === "1" ? ["bench.tsx", "bench.ts"] : [];

const nextConfig: NextConfig = {
  pageExtensions: ["tsx", "ts", ...benchRoutes],
  // PGlite ships wasm and data files; keep it external so they are traced, not bundled twice.
  serverExternalPackages: ["@electric-sql/pglite", "pg-boss"],
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [
      { source: "/:path*", headers: common },
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY }],
      },
    ];
  },
};

export default nextConfig;
