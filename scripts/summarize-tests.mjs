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
/** Names of failed tests, printed last so that a log's tail (all CI keeps) says what broke. */
const failures = [];

function firstLine(text) {
  return String(text ?? "")
    .replace(/\u001b\[[0-9;]*m/g, "")
    .split("\n")
    .map((line) => line.trim())
    .find((line) => line.length > 0)
    ?.slice(0, 240);
}

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
  for (const file of report.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((test) => test.status === "failed");
    for (const test of failedTests) {
      failures.push(
        `${name.replace(".json", "")} ${path.relative(process.cwd(), file.name)} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`,
      );
    }
    if (failedTests.length === 0 && file.status === "failed") {
      failures.push(
        `${name.replace(".json", "")} ${path.relative(process.cwd(), file.name)}: ${firstLine(file.message)}`,
      );
    }
  }
}

/** Walks Playwright's nested suites and yields every spec with the suite titles above it. */
function* playwrightSpecs(suites, titles = []) {
  for (const suite of suites ?? []) {
    const here = suite.title ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) yield { spec, titles: here };
    yield* playwrightSpecs(suite.suites, here);
  }
}

const playwright = readJson(path.join(reportsDir, "playwright.json"));
if (playwright?.stats) {
  const { expected = 0, unexpected = 0, flaky = 0 } = playwright.stats;
  passed += expected + flaky;
  failed += unexpected;
  lines.push(
    `playwright: ${expected + flaky} passed, ${unexpected} failed${flaky ? ` (${flaky} passed on retry)` : ""}`,
  );
  for (const { spec, titles } of playwrightSpecs(playwright.suites)) {
    for (const test of spec.tests ?? []) {
      if (test.status !== "unexpected" && test.status !== "flaky") continue;
      const lastResult = test.results?.at(-1);
      const error = firstLine(lastResult?.error?.message ?? test.results?.[0]?.error?.message);
      const label = test.status === "flaky" ? "playwright (passed on retry)" : "playwright";
      failures.push(`${label} ${[...titles, spec.title].join(" › ")}:${spec.line}: ${error ?? "no message"}`);
    }
  }
}

const resilience = readJson(path.join(reportsDir, "resilience.json"));
if (resilience) {
  passed += resilience.passed ?? 0;
  failed += resilience.failed ?? 0;
  lines.push(`resilience: ${resilience.passed ?? 0} passed, ${resilience.failed ?? 0} failed`);
  for (const check of resilience.checks ?? []) {
    if (check.ok === false) failures.push(`resilience ${check.name ?? ""}: ${firstLine(check.detail) ?? ""}`);
  }
}

for (const step of failedSteps) {
  failed += 1;
  lines.push(`step failed: ${step}`);
}

console.log("");
if (failures.length > 0) {
  console.log("failed:");
  for (const failure of failures.slice(0, 40)) console.log(`  ✘ ${failure}`);
  if (failures.length > 40) console.log(`  … and ${failures.length - 40} more (see .reports/)`);
}
for (const line of lines) console.log(`  ${line}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
