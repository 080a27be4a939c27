/**
 * `npm run test:resilience` (started by `scripts/resilience.mjs`): the production app and the
 * simulator on their own loopback ports, then
 * 1. load: 100 signed-in clients browse and moderate for 60 s (20 s with PARLEY_RESILIENCE_SHORT=1),
 * 2. faults on each provider in turn, and the simulator killed and restarted,
 * 3. two instances on PostgreSQL when DATABASE_URL is set.
 * Writes `.reports/resilience.json`, prints every check and `N passed, N failed`, and exits 1 on
 * any failure. Everything it started is stopped at the end, on failure and on Ctrl-C.
 *
 * Ports: RESILIENCE_PORT (3520), RESILIENCE_SIMULATOR_PORT (4520), RESILIENCE_PG_PORTS ("3521,3522").
 * RESILIENCE_PHASES (comma-separated: load, faults, restart, postgres; all by default) runs a subset
 * while working on one; PARLEY_USE_EXISTING_BUILD=1 skips the freshness check of `.next`.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { ensureProductionBuild } from "@/bench/lib/build";
import { demoAccounts, demoConnections, ParleyApi, signIn, waitForFirstSync } from "@/bench/lib/parley-api";
import { assertPortsFree, stopAll, stopChildrenOnExit } from "@/bench/lib/processes";
import { removeDataDir, startParleyProcess, startSimulatorProcess } from "@/bench/lib/stack";
import { ChatlingGate } from "./chatling-gate";
import { Checks } from "./checks";
import type { ResilienceContext } from "./context";
import { runFaults, noUnhandledRejection } from "./faults";
import { runLoad, summarizeLoad } from "./load";
import { CLIENTS, planLoad, verifyLoad } from "./load-checks";
import { twoInstances } from "./postgres";
import { simulatorRestart } from "./restart";

const root = path.resolve(__dirname, "..", "..");
const REPORT_FILE = path.join(root, ".reports", "resilience.json");
const SERVER_LOG = path.join(root, ".reports", "resilience-server.log");
const STAFF_SESSIONS = 4;
const CHATLING_RATE_LIMIT = 1_000_000;

/** The environment every Parley of this suite runs with: short timeouts so faults resolve quickly. */
const parleyEnv = {
  PARLEY_PROVIDER_TIMEOUT_MS: "2500",
  PARLEY_BREAKER_HALF_OPEN_MS: "1000",
  // Faults show as failing syncs: sync often so they show (and clear) within seconds.
  PARLEY_SYNC_INTERVAL_S: "5",
};

function port(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0 || value > 65535)
    throw new Error(`${name} must be a port number`);
  return value;
}

const log = (line: string) => console.log(line);

const phases = ["load", "faults", "restart", "postgres"] as const;
type Phase = (typeof phases)[number];

function chosenPhases(): Set<Phase> {
  const raw = process.env.RESILIENCE_PHASES;
  if (!raw) return new Set(phases);
  const chosen = raw.split(",").map((entry) => entry.trim());
  const unknown = chosen.filter((entry) => !(phases as readonly string[]).includes(entry));
  if (unknown.length > 0)
    throw new Error(`RESILIENCE_PHASES: unknown ${unknown.join(", ")}; use ${phases.join(", ")}`);
  return new Set(phases.filter((entry) => chosen.includes(entry)));
}

async function phase(
  checks: Checks,
  name: string,
  action: () => Promise<void>,
  enabled = true,
): Promise<void> {
  if (!enabled) return;
  const started = Date.now();
  log(`\n${name}`);
  try {
    await action();
  } catch (error) {
    checks.add(`${name}: ran to the end`, false, error instanceof Error ? error.message : String(error));
  }
  log(`  (${Math.round((Date.now() - started) / 1000)} s)`);
}

async function main(): Promise<number> {
  mkdirSync(path.dirname(SERVER_LOG), { recursive: true });
  stopChildrenOnExit();
  const started = Date.now();
  const short = process.env.PARLEY_RESILIENCE_SHORT === "1";
  const loadSeconds = short ? 20 : 60;
  const ports = {
    RESILIENCE_PORT: port("RESILIENCE_PORT", 3520),
    RESILIENCE_SIMULATOR_PORT: port("RESILIENCE_SIMULATOR_PORT", 4520),
  };
  const pgPorts = (process.env.RESILIENCE_PG_PORTS ?? "3521,3522").split(",").map(Number);
  const checks = new Checks();
  const chosen = chosenPhases();
  await assertPortsFree(ports);
  await ensureProductionBuild(root, log);

  log(`resilience${short ? " (short)" : ""}: starting the simulator and Parley…`);
  const simulator = await startSimulatorProcess({
    root,
    port: ports.RESILIENCE_SIMULATOR_PORT,
    chatlingRateLimit: CHATLING_RATE_LIMIT,
  });
  const parley = await startParleyProcess({
    root,
    port: ports.RESILIENCE_PORT,
    simulatorPort: simulator.port,
    env: parleyEnv,
    logFile: SERVER_LOG,
  });
  const staff: ParleyApi[] = [];
  for (let index = 0; index < STAFF_SESSIONS; index++)
    staff.push(
      new ParleyApi(
        parley.url,
        await signIn(parley.url, demoAccounts.staff.email, demoAccounts.staff.password),
      ),
    );
  const firstStaff = staff[0];
  if (!firstStaff) throw new Error("no staff session");
  const gate = new ChatlingGate(simulator.url);
  gate.start();
  const context: ResilienceContext = {
    root,
    short,
    simulator,
    parley,
    staff: firstStaff,
    admin: new ParleyApi(
      parley.url,
      await signIn(parley.url, demoAccounts.admin.email, demoAccounts.admin.password),
    ),
    connections: await demoConnections(parley.url),
    gate,
    checks,
    log,
  };
  const runMark = parley.process.mark();
  let loadSummary: Record<string, unknown> = {};

  // The list is the index: hand out conversations once every connection's first listing is in.
  await waitForFirstSync(firstStaff);
  const plan = await planLoad(context);
  await phase(
    checks,
    `load: ${CLIENTS} clients for ${loadSeconds} s`,
    async () => {
      const outcome = await runLoad({
        sessions: staff,
        connections: context.connections,
        owned: plan.owned,
        browse: plan.browse,
        gate,
        durationMs: loadSeconds * 1000,
        thinkMs: { min: 1_000, max: 3_000 },
      });
      loadSummary = { clients: CLIENTS, ...summarizeLoad(outcome) };
      for (const problem of outcome.problems.slice(0, 5)) log(`  ! ${problem.slice(0, 400)}`);
      await verifyLoad(context, plan, outcome);
    },
    chosen.has("load"),
  );
  await phase(
    checks,
    "faults, one provider at a time",
    () => runFaults(context, plan.reserved),
    chosen.has("faults"),
  );
  await phase(
    checks,
    "all providers down: the simulator killed and restarted",
    () => simulatorRestart(context, plan.reserved.sigmamind, { chatlingRateLimit: CHATLING_RATE_LIMIT }),
    chosen.has("restart"),
  );
  noUnhandledRejection(context, "the whole run: no unhandled rejection in the server output", runMark);
  gate.stop();
  await parley.process.stop();
  removeDataDir(parley.dataDir);

  await phase(
    checks,
    "two instances on PostgreSQL",
    () =>
      twoInstances(checks, {
        root,
        simulatorPort: context.simulator.port,
        ports: [pgPorts[0] ?? 3521, pgPorts[1] ?? 3522],
        env: parleyEnv,
        log,
      }),
    chosen.has("postgres"),
  );
  await stopAll();

  const seconds = Math.round((Date.now() - started) / 1000);
  checks.write(REPORT_FILE, { short, seconds, load: loadSummary });
  log("");
  log(
    `resilience finished in ${seconds} s; report: ${path.relative(root, REPORT_FILE)}${checks.skipped > 0 ? ` (${checks.skipped} skipped)` : ""}`,
  );
  log(`${checks.passed} passed, ${checks.failed} failed`);
  return checks.failed > 0 || checks.passed === 0 ? 1 : 0;
}

main()
  .then((code) => process.exit(code))
  .catch(async (error: unknown) => {
    console.error(
      `resilience: cannot run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    await stopAll();
    const checks = new Checks();
    checks.add("resilience suite started", false, error instanceof Error ? error.message : String(error));
    checks.write(REPORT_FILE, {});
    console.log(`${checks.passed} passed, ${checks.failed} failed`);
    process.exit(1);
  });
