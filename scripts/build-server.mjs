#!/usr/bin/env node
/**
 * Compiles `server.ts` (Parley's thin Node server around Next.js) to `dist/server.mjs`, so the
 * production server runs plain JavaScript: no TypeScript loader at run time (it cost start-up time
 * and resident memory). Dependencies stay in node_modules; only Parley's own files are bundled.
 * `npm run build` runs it after `next build`.
 */
import { build } from "esbuild";

await build({
  entryPoints: ["server.ts"],
  outfile: "dist/server.mjs",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  packages: "external",
  sourcemap: "linked",
  logLevel: "warning",
  banner: { js: "// Built from server.ts by scripts/build-server.mjs; do not edit." },
});
console.log("[build] dist/server.mjs");
