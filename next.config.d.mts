/** Types of `next.config.mjs` (plain JavaScript so that the server does not load SWC to read it). */
import type { NextConfig } from "next";

declare const nextConfig: NextConfig;
export default nextConfig;
