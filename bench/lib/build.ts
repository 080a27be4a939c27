/**
 * The production build the bench and the resilience suite run against: built with `next build`
 * when `.next/BUILD_ID` is missing or older than the sources (the same rule as `npm start`), after
 * waiting for a build someone else is running (builds share the `.next` folder).
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { sleep } from "./processes";

const SOURCE_DIRECTORIES = ["app", "components", "lib", "drizzle"];
const SOURCE_FILES = [
  "package.json",
  "next.config.ts",
  "instrumentation.ts",
  "server.ts",
  "postcss.config.mjs",
  "simulator/keys.ts",
];
const OTHER_BUILD_WAIT_MS = 15 * 60_000;

function newestSourceTime(root: string): number {
  let newest = 0;
  const visit = (directory: string) => {
    if (!fs.existsSync(directory)) return;
    for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) visit(full);
      else newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  for (const directory of SOURCE_DIRECTORIES) visit(path.join(root, directory));
  for (const file of SOURCE_FILES) {
    const full = path.join(root, file);
    if (fs.existsSync(full)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Written into `.next` by a build that includes the bench's own routes (`*.bench.ts(x)`). */
const BENCH_MARKER = "PARLEY_BENCH_ROUTES";

/**
 * Whether the build in `.next` is at least as new as every source (and, when asked, holds the
 * bench's routes, which a production build leaves out).
 */
export function buildIsFresh(root: string, withBenchRoutes = false): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const server = path.join(root, "dist", "server.mjs");
  return (
    fs.existsSync(buildId) &&
    fs.existsSync(server) &&
    (!withBenchRoutes || fs.existsSync(path.join(root, ".next", BENCH_MARKER))) &&
    fs.statSync(buildId).mtimeMs >= newestSourceTime(root)
  );
}

function otherBuildRunning(): boolean {
  try {
    return execFileSync("pgrep", ["-f", "next build"], { encoding: "utf8" }).trim() !== "";
  } catch {
    return false; // pgrep exits 1 when nothing matches
  }
}

/**
 * Builds for production when needed; throws when the build fails. PARLEY_USE_EXISTING_BUILD=1
 * takes whatever build `.next` holds, stale or not (for iterating while others edit sources).
 */
export async function ensureProductionBuild(
  root: string,
  log: (line: string) => void,
  options: { withBenchRoutes?: boolean } = {},
): Promise<"fresh" | "built" | "existing"> {
  const withBenchRoutes = options.withBenchRoutes ?? false;
  if (process.env.PARLEY_USE_EXISTING_BUILD === "1") {
    if (!fs.existsSync(path.join(root, ".next", "BUILD_ID")))
      throw new Error("PARLEY_USE_EXISTING_BUILD=1 but .next holds no build: run `npx next build`.");
    if (!buildIsFresh(root))
      log("using the existing build although sources changed since (PARLEY_USE_EXISTING_BUILD=1)");
    return "existing";
  }
  const deadline = Date.now() + OTHER_BUILD_WAIT_MS;
  while (otherBuildRunning()) {
    if (Date.now() > deadline)
      throw new Error("Another `next build` has been running for 15 minutes; try again when it is done.");
    log("another `next build` is running; waiting for it (builds share .next)…");
    await sleep(10_000);
  }
  if (buildIsFresh(root, withBenchRoutes)) return "fresh";
  log("building for production (`next build`: .next/BUILD_ID is missing or older than the sources)…");
  const result = spawnSync("npm", ["run", "--silent", "build"], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PARLEY_BENCH_BUILD: withBenchRoutes ? "1" : "0",
    },
  });
  if (result.status !== 0) throw new Error("`npm run build` failed; see its output above.");
  if (withBenchRoutes) fs.writeFileSync(path.join(root, ".next", BENCH_MARKER), "bench routes included\n");
  return "built";
}
