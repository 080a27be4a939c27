/**
 * `npm run bench`: builds for production when needed, starts the provider simulator, Parley
 * (PARLEY_BENCH=1, a fresh data directory) and the direct relay on their own loopback ports, runs
 * every measurement of `bench/README.md` in one run, prints the table and writes
 * `bench/results/latest.json` (and `latest.md`). Everything it started is stopped at the end, on
 * failure and on Ctrl-C.
 *
 * Settings (environment): BENCH_PORT (3510), BENCH_SIMULATOR_PORT (4510), BENCH_RELAY_PORT (4511),
 * BENCH_DURATION seconds per closed-loop run (10), BENCH_PACED_DURATION seconds per paced run (15),
 * BENCH_CONNECTIONS (20), BENCH_SECTIONS (comma-separated subset of costs, index, sync, proxy, floor,
 * fanout, growth-api, growth-browser, list-page, memory; all by default; `costs` and `index` alone
 * need no build; `sync` starts a simulator and Parley of its own first), BENCH_ECHO=1 to show the servers'
 * output, PARLEY_USE_EXISTING_BUILD=1 to skip the freshness check of `.next`, BENCH_MEMORY_REQUESTS
 * (10,000) for the memory section.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openBrowser, type BrowserSession } from "./lib/browser";
import { ensureProductionBuild } from "./lib/build";
import { CallBudget } from "./lib/call-budget";
import type { BenchContext, BenchSettings } from "./lib/context";
import { discover, listPlan, threadPlan } from "./lib/direct-plans";
import { demoAccounts, demoConnections, ParleyApi, signIn, waitForBackfill } from "./lib/parley-api";
import { assertPortsFree, startProcess, stopAll, stopChildrenOnExit, waitForHttp } from "./lib/processes";
import { markdownTable, plainTable, summary, unmeasured } from "./lib/report";
import { removeDataDir, startParleyProcess, startSimulatorProcess, tsxArgs } from "./lib/stack";
import { fanOut } from "./sections/fan-out";
import { costs } from "./sections/costs";
import { indexScale } from "./sections/index";
import { syncSection } from "./sections/sync";
import { growthApi, growthBrowser } from "./sections/growth";
import { listPage } from "./sections/list-page";
import { memory, sampleIdleMemory } from "./sections/memory";
import { frameworkFloor, proxyCost } from "./sections/proxy-cost";
import { providerIds } from "@/lib/model/conversation";

const root = path.resolve(__dirname, "..");
const sections = [
  "costs",
  "index",
  "sync",
  "proxy",
  "floor",
  "growth-api",
  "fanout",
  "growth-browser",
  "list-page",
  "memory",
] as const;
type Section = (typeof sections)[number];

function numberSetting(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

function chosenSections(): Set<Section> {
  const raw = process.env.BENCH_SECTIONS;
  if (!raw) return new Set(sections);
  const chosen = raw.split(",").map((entry) => entry.trim());
  const unknown = chosen.filter((entry) => !(sections as readonly string[]).includes(entry));
  if (unknown.length > 0)
    throw new Error(`BENCH_SECTIONS: unknown ${unknown.join(", ")}; use ${sections.join(", ")}`);
  return new Set(sections.filter((section) => chosen.includes(section)));
}

function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}

const log = (line: string) => console.log(line);
/** The data directory of this run's Parley, removed at the end (also after a failure). */
let dataDir: string | null = null;

/** Writes `bench/results/latest.json` and `latest.md` and prints the table and the goals' summary. */
function writeResults(run: {
  startedAt: Date;
  settings: BenchSettings;
  chosen: Set<Section>;
  rows: BenchContext["rows"];
  raw: BenchContext["raw"];
  failedSections: string[];
  discovery: unknown;
}): void {
  const { startedAt, settings, chosen, failedSections, discovery } = run;
  const results = {
    date: startedAt.toISOString(),
    gitCommit: gitCommit(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    loadAverageAtStart: os.loadavg(),
    settings,
    sections: [...chosen],
    summary: summary(run.rows),
    failedSections,
    rows: run.rows,
    discovery,
    raw: run.raw,
  };
  const resultsDir = path.join(root, "bench", "results");
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, "latest.json"), JSON.stringify(results, null, 2) + "\n");
  const heading = `${startedAt.toISOString().slice(0, 10)}, ${os.cpus().length} CPUs (${results.cpuModel ?? "unknown"}), Node ${process.version}, commit ${results.gitCommit?.slice(0, 10) ?? "unknown"}`;
  fs.writeFileSync(path.join(resultsDir, "latest.md"), `${heading}\n\n${markdownTable(run.rows)}\n`);

  log("");
  log(plainTable(run.rows));
  const totals = results.summary;
  log("");
  const failures = failedSections.length > 0 ? `; sections that failed: ${failedSections.join(", ")}` : "";
  log(
    `[bench] goals: ${totals.met} met, ${totals.notMet} not met, ${totals.notMeasured} not measured${failures} — bench/results/latest.json`,
  );
}

async function main(): Promise<void> {
  stopChildrenOnExit();
  const ports = {
    BENCH_PORT: numberSetting("BENCH_PORT", 3510),
    BENCH_SIMULATOR_PORT: numberSetting("BENCH_SIMULATOR_PORT", 4510),
    BENCH_RELAY_PORT: numberSetting("BENCH_RELAY_PORT", 4511),
  };
  const settings: BenchSettings = {
    durationSeconds: numberSetting("BENCH_DURATION", 10),
    pacedSeconds: numberSetting("BENCH_PACED_DURATION", 15),
    connections: numberSetting("BENCH_CONNECTIONS", 20),
  };
  const chosen = chosenSections();
  const echo = process.env.BENCH_ECHO === "1";
  // Costs and index run in their own processes on their own index, before (and without) the servers.
  const startedAt = new Date();
  const costsRun = chosen.has("costs") ? costs(root, log) : { rows: [], raw: {} };
  const indexRun = chosen.has("index") ? indexScale(root, log) : { rows: [], raw: {} };
  const early = {
    rows: [...costsRun.rows, ...indexRun.rows],
    raw: { costs: costsRun.raw, index: indexRun.raw },
  };
  const serverless = ["costs", "index"];
  if ([...chosen].every((section) => serverless.includes(section))) {
    writeResults({ startedAt, settings, chosen, ...early, failedSections: [], discovery: null });
    return;
  }
  await assertPortsFree(ports);

  const build = await ensureProductionBuild(root, log, { withBenchRoutes: true });
  // Sync measures a backfill from Parley's start: a simulator and a Parley of its own, stopped before the others start.
  if (chosen.has("sync")) {
    const sectionStarted = Date.now();
    const syncRun = await syncSection({
      root,
      parleyPort: ports.BENCH_PORT,
      simulatorPort: ports.BENCH_SIMULATOR_PORT,
      echo,
      log,
    });
    early.rows.push(...syncRun.rows);
    Object.assign(early.raw, { sync: syncRun.raw });
    log(`[bench] sync done in ${Math.round((Date.now() - sectionStarted) / 1000)} s`);
  }
  const rest = [...chosen].filter((section) => !serverless.includes(section) && section !== "sync");
  if (rest.length === 0) {
    writeResults({ startedAt, settings, chosen, ...early, failedSections: [], discovery: null });
    return;
  }
  log(
    `[bench] ${build === "built" ? "built" : "using the build in .next"}; starting the simulator and Parley…`,
  );
  const simulator = await startSimulatorProcess({
    root,
    port: ports.BENCH_SIMULATOR_PORT,
    chatlingRateLimit: 1_000_000,
    echo,
  });
  const parley = await startParleyProcess({
    root,
    port: ports.BENCH_PORT,
    simulatorPort: simulator.port,
    env: { PARLEY_BENCH: "1" },
    echo,
  });
  dataDir = parley.dataDir;
  const discovery = await discover(simulator.url);
  const plans = Object.fromEntries(
    providerIds
      .flatMap((provider) => [listPlan(provider, discovery), threadPlan(provider, discovery)])
      .map((plan) => [plan.name, plan.stages]),
  );
  const relay = startProcess(
    "relay",
    process.execPath,
    tsxArgs(path.join(root, "bench", "direct-relay.ts")),
    {
      cwd: root,
      echo,
      env: {
        ...process.env,
        BENCH_RELAY_PORT: String(ports.BENCH_RELAY_PORT),
        BENCH_RELAY_TARGET: simulator.url,
        BENCH_RELAY_PLANS: JSON.stringify(plans),
      },
    },
  );
  const relayUrl = `http://127.0.0.1:${ports.BENCH_RELAY_PORT}`;
  await waitForHttp(`${relayUrl}/plan/none`, relay, 60_000);

  const cookie = await signIn(parley.url, demoAccounts.staff.email, demoAccounts.staff.password);
  const context: BenchContext = {
    root,
    settings,
    simulator,
    parley,
    relayUrl,
    cookie,
    api: new ParleyApi(parley.url, cookie),
    connections: await demoConnections(parley.url),
    discovery,
    chatlingBudget: new CallBudget({ limit: 240, windowMs: 61_000 }),
    rows: [...early.rows],
    raw: { ...early.raw },
    log,
  };

  const failedSections: string[] = [];
  // The idle figure is the server right after start, so it is taken before any section runs.
  if (chosen.has("memory")) await sampleIdleMemory(context);
  // Every later section reads the index or the providers: a backfill still running (Chatling's
  // budget makes it take minutes) would share the CPU with the measurement.
  log("[bench] waiting for the first backfill to finish…");
  const backfillStarted = Date.now();
  await waitForBackfill(context.api);
  log(`[bench] backfill done after ${Math.round((Date.now() - backfillStarted) / 1000)} s more`);
  const run = async (section: Section, action: () => Promise<void>) => {
    if (!chosen.has(section)) return;
    const sectionStarted = Date.now();
    try {
      await action();
      log(`[bench] ${section} done in ${Math.round((Date.now() - sectionStarted) / 1000)} s`);
    } catch (error) {
      const message =
        error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
      log(`[bench] ${section} FAILED: ${message}`);
      failedSections.push(section);
      context.rows.push({
        ...unmeasured(section, `${section}: the section failed`, null, message),
        value: "FAILED",
      });
    }
  };
  await run("proxy", () => proxyCost(context));
  await run("floor", () => frameworkFloor(context));
  await run("growth-api", () => growthApi(context));
  await run("fanout", () => fanOut(context));
  let browser: BrowserSession | null = null;
  if (chosen.has("growth-browser") || chosen.has("list-page"))
    browser = await openBrowser(parley.url, demoAccounts.staff);
  try {
    if (browser) {
      const session = browser;
      await run("growth-browser", () => growthBrowser(context, session));
      await run("list-page", () => listPage(context, session));
    }
  } finally {
    await browser?.close();
  }
  await run("memory", () => memory(context));

  writeResults({
    startedAt,
    settings,
    chosen,
    rows: context.rows,
    raw: context.raw,
    failedSections,
    discovery,
  });
  await stopAll();
  removeDataDir(parley.dataDir);
  if (failedSections.length > 0) process.exitCode = 1;
}

main().catch(async (error: unknown) => {
  console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  await stopAll();
  if (dataDir) removeDataDir(dataDir);
  process.exit(1);
});
