#!/usr/bin/env node
/**
 * Sums the JSON reports of every test layer (Vitest, Playwright, the resilience run) and prints
 * one plain line "N passed, N failed". Layers that failed without a report (lint, build) count as
 * one failure each. Exits 1 when anything failed.
 */
import fs from "node:fs";
import path from "node:path";

const [reportsDir = ".reports", ...failedSteps] = process.argv.slice(2);
let passed = 0;
let failed = 0;
const lines = [];

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

for (const name of ["vitest.json", "vitest-postgres.json"]) {
  const report = readJson(path.join(reportsDir, name));
  if (!report) continue;
  const layerPassed = report.numPassedTests ?? 0;
  // A file that fails before any test runs (an import error) has no failed test: count it once.
  const brokenFiles = (report.numFailedTests ?? 0) === 0 ? (report.numFailedTestSuites ?? 0) : 0;
  const layerFailed = (report.numFailedTests ?? 0) + brokenFiles;
  passed += layerPassed;
  failed += layerFailed;
  lines.push(`${name.replace(".json", "")}: ${layerPassed} passed, ${layerFailed} failed`);
}

const playwright = readJson(path.join(reportsDir, "playwright.json"));
if (playwright?.stats) {
  const { expected = 0, unexpected = 0, flaky = 0 } = playwright.stats;
  passed += expected + flaky;
  failed += unexpected;
  lines.push(
    `playwright: ${expected + flaky} passed, ${unexpected} failed${flaky ? ` (${flaky} passed on retry)` : ""}`,
  );
}

const resilience = readJson(path.join(reportsDir, "resilience.json"));
if (resilience) {
  passed += resilience.passed ?? 0;
  failed += resilience.failed ?? 0;
  lines.push(`resilience: ${resilience.passed ?? 0} passed, ${resilience.failed ?? 0} failed`);
}

for (const step of failedSteps) {
  failed += 1;
  lines.push(`step failed: ${step}`);
}

console.log("");
for (const line of lines) console.log(`  ${line}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
