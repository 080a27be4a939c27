#!/usr/bin/env node
/**
 * `npm start` / `npm run dev`: builds if needed (production), starts the provider simulator (demo
 * mode) and Parley, waits until both answer, and prints the URL and the demo sign-in.
 * Either process exiting stops the other.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { SERVER_ENV, serverArgs } from "./support/server-launch.mjs";

const dev = process.argv.includes("--dev");
const root = process.cwd();
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const port = Number(env.PORT ?? 3000);
const simulatorPort = Number(env.PARLEY_SIMULATOR_PORT ?? 4010);
const demo = env.PARLEY_DEMO ? ["1", "true", "yes", "on"].includes(env.PARLEY_DEMO) : !env.DATABASE_URL;
const startSimulator = demo || env.PARLEY_START_SIMULATOR === "1";
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function newestSourceTime() {
  let newest = 0;
  const visit = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      else newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  for (const dir of ["app", "components", "lib", "drizzle"]) visit(path.join(root, dir));
  for (const file of ["package.json", "next.config.ts", "instrumentation.ts", "server.ts"])
    if (fs.existsSync(file)) newest = Math.max(newest, fs.statSync(file).mtimeMs);
  return newest;
}

function buildIfNeeded() {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const built = fs.existsSync(buildId) && fs.existsSync(path.join(root, "dist", "server.mjs"));
  if (built && fs.statSync(buildId).mtimeMs >= newestSourceTime()) return;
  console.log("[start] building Parley for production (first start or sources changed)…");
  const result = spawnSync("npm", ["run", "--silent", "build"], {
    stdio: "inherit",
    env: { ...env, NODE_ENV: "production" },
  });
  if (result.status !== 0) {
    console.error("[start] the build failed; see the output above.");
    process.exit(result.status ?? 1);
  }
}

async function waitFor(url, label, child, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${label} exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${label} did not answer at ${url} within ${timeoutMs / 1000} s`);
}

const children = [];
function stopAll(code) {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 500).unref();
}
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));

function run(label, command, args, extraEnv = {}) {
  const child = spawn(command, args, { stdio: "inherit", env: { ...env, ...extraEnv } });
  child.on("exit", (code, signal) => {
    if (signal === "SIGTERM" || signal === "SIGINT") return;
    console.error(`[start] ${label} stopped (code ${code ?? signal}); stopping Parley.`);
    stopAll(code || 1);
  });
  children.push(child);
  return child;
}

if (!dev) buildIfNeeded();
if (startSimulator) {
  const simulator = run("the provider simulator", bin("tsx"), ["simulator/main.ts"]);
  await waitFor(
    `http://127.0.0.1:${simulatorPort}/__admin/health`,
    "the provider simulator",
    simulator,
  ).catch((error) => {
    console.error(`[start] ${error.message}`);
    stopAll(1);
  });
}
const app = run("Parley", dev ? bin("tsx") : process.execPath, dev ? ["server.ts", "--dev"] : serverArgs(), {
  // The memory settings of server-launch.mjs, unless the caller's environment sets them.
  ...(dev ? {} : Object.fromEntries(Object.entries(SERVER_ENV).filter(([key]) => env[key] === undefined))),
  NODE_ENV: dev ? "development" : "production",
});
try {
  await waitFor(`http://127.0.0.1:${port}/api/health`, "Parley", app);
  console.log("");
  console.log(`  Parley is running: http://127.0.0.1:${port}`);
  if (demo) {
    console.log("  Demo sign-in:   admin@parley.local / parley-demo-admin   (administrator)");
    console.log("                  staff@parley.local / parley-demo-staff   (support staff)");
    console.log(`  Provider simulator: http://127.0.0.1:${simulatorPort}`);
  }
  console.log("  Stop with Ctrl+C.");
  console.log("");
} catch (error) {
  console.error(`[start] ${error.message}`);
  stopAll(1);
}
