/**
 * Every `app/api/**\/route.ts` on disk, as the URL pattern Next.js serves it (`[id]` becomes `:id`,
 * `[...all]` becomes `*`), so tests can refuse a route nobody listed.
 */
import fs from "node:fs";
import path from "node:path";

const API_ROOT = path.join(process.cwd(), "app", "api");

function segmentPattern(segment: string): string {
  if (/^\[\.\.\.[^\]]+\]$/.test(segment)) return "*";
  const dynamic = /^\[([^\]]+)\]$/.exec(segment);
  return dynamic?.[1] ? `:${dynamic[1]}` : segment;
}

export function apiRoutePatternsOnDisk(): string[] {
  const files = fs
    .readdirSync(API_ROOT, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts");
  return files
    .map((file) => {
      const segments = path
        .dirname(file)
        .split(path.sep)
        .filter((segment) => segment !== "." && !/^\(.*\)$/.test(segment));
      return ["/api", ...segments.map(segmentPattern)].join("/");
    })
    .sort();
}

/** The HTTP methods a route module exports. */
export function exportedMethods(routeModule: Record<string, unknown>): string[] {
  return ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"].filter(
    (method) => typeof routeModule[method] === "function",
  );
}
