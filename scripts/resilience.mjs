#!/usr/bin/env node
/**
 * `npm run test:resilience`: load, faults and two instances on PostgreSQL against the production
 * build (see scripts/resilience/main.ts). This launcher runs the TypeScript suite with tsx and
 * passes its exit code on; PARLEY_RESILIENCE_SHORT=1 is the CI form, DATABASE_URL enables the
 * PostgreSQL part.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const child = spawn(
  process.execPath,
  ["--import", "tsx", path.join(root, "scripts", "resilience", "main.ts")],
  {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  },
);
// Ctrl-C reaches the suite too (same terminal group); it stops what it started, then exits.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
