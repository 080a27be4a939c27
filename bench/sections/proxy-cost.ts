/**
 * 1. Proxy cost.
 * (a) With 50 ms injected on every provider, a list page (25 rows) and a thread (first 200
 *     messages) of each provider, direct versus through Parley: p50, p99, requests a second.
 * (b) Parley's list route (no injected latency) against the framework's floor
 *     (`/api/bench/floor`: the same JSON from memory), in requests a second.
 */
import { providerIds, providerLabels, type ProviderId } from "@/lib/model/conversation";
import {
  describePlan,
  directLoad,
  noFailedNotice,
  parleyLoad,
  parleyWireCalls,
  settle,
  totalCalls,
  type BenchContext,
} from "../lib/context";
import {
  listPlan,
  threadPlan,
  LIST_PAGE_SIZE,
  THREAD_MESSAGES,
  wireRequestCount,
  type DirectPlan,
} from "../lib/direct-plans";
import { loadProblem, runLoad, type LoadResult } from "../lib/load";
import { conversationPath } from "../lib/parley-api";
import { formatMs, formatRate, row, type ResultRow } from "../lib/report";
import { clearFaults, setFaultsEverywhere } from "../lib/simulator-admin";

const INJECTED_LATENCY_MS = 50;
const SECTION_A = `1a proxy cost (+${INJECTED_LATENCY_MS} ms)`;
const SECTION_B = "1b framework floor";

/** Paced rates for Chatling (Parley keeps each Chatling key under 300 calls a minute). */
const CHATLING_RATE = { list: 2, thread: 1 } as const;
/** The light pace of the context rows (well under what either side can serve). */
const LIGHT_RATE = 5;

type Operation = "list" | "thread";

function parleyPath(context: BenchContext, provider: ProviderId, operation: Operation): string {
  const connectionId = context.connections[provider];
  return operation === "list"
    ? `/api/conversations?connection=${encodeURIComponent(connectionId)}&limit=${LIST_PAGE_SIZE}`
    : `${conversationPath(connectionId, context.discovery.threadIds[provider])}?limit=${THREAD_MESSAGES}`;
}

function compare(
  section: string,
  label: string,
  direct: LoadResult,
  parley: LoadResult,
  note: string,
): ResultRow[] {
  const problems = [loadProblem(direct), loadProblem(parley)].filter((problem) => problem !== null);
  const fullNote = problems.length > 0 ? `${note}; PROBLEMS: ${problems.join(" / ")}` : note;
  return [
    row({
      section,
      name: `${label} p50`,
      baseline: `direct ${formatMs(direct.p50)}`,
      value: `Parley ${formatMs(parley.p50)}`,
      measured: parley.p50,
      against: direct.p50,
      goal: { kind: "max", limit: 1.15 },
      note: fullNote,
    }),
    row({
      section,
      name: `${label} p99`,
      baseline: `direct ${formatMs(direct.p99)}`,
      value: `Parley ${formatMs(parley.p99)}`,
      measured: parley.p99,
      against: direct.p99,
      goal: { kind: "max", limit: 1.5 },
    }),
    row({
      section,
      name: `${label} throughput`,
      baseline: `direct ${formatRate(direct.requestsPerSecond)}`,
      value: `Parley ${formatRate(parley.requestsPerSecond)}`,
      measured: parley.requestsPerSecond,
      against: direct.requestsPerSecond,
      goal: null,
    }),
  ];
}

async function measureCase(
  context: BenchContext,
  provider: ProviderId,
  operation: Operation,
): Promise<ResultRow[]> {
  const plan: DirectPlan =
    operation === "list" ? listPlan(provider, context.discovery) : threadPlan(provider, context.discovery);
  const path = parleyPath(context, provider, operation);
  const label = `${providerLabels[provider]} ${operation === "list" ? `list (${LIST_PAGE_SIZE} rows)` : `thread (${THREAD_MESSAGES} messages)`}`;
  const calls = await parleyWireCalls(context, path);
  const paced = provider === "chatling";
  const load = paced
    ? {
        connections: context.settings.connections,
        overallRate: CHATLING_RATE[operation],
        durationSeconds: context.settings.pacedSeconds,
      }
    : { connections: context.settings.connections, durationSeconds: context.settings.durationSeconds };
  context.log(`  ${label}: direct (${describePlan(plan)})…`);
  const direct = await directLoad(context, plan, { ...load, title: `${plan.name} direct` });
  context.log(`  ${label}: through Parley…`);
  const parley = await parleyLoad(context, {
    ...load,
    title: `${plan.name} parley`,
    path,
    verifyBody: operation === "list" ? noFailedNotice : undefined,
    chatlingCallsPerRequest: calls.chatling,
  });
  context.raw[`proxy.${plan.name}`] = {
    direct,
    parley,
    parleyWireCalls: calls,
    directWireCalls: wireRequestCount(plan),
  };
  const pacing = paced
    ? `paced at ${CHATLING_RATE[operation]} req/s for ${context.settings.pacedSeconds} s on both sides (Parley keeps a Chatling key under 300 calls a minute)`
    : `${context.settings.connections} connections, closed loop`;
  const note = `${pacing}; wire calls per request: direct ${wireRequestCount(plan)}, Parley ${totalCalls(calls)}`;
  const rows = compare(SECTION_A, label, direct, parley, note);
  if (!paced) rows.push(...(await lightLoad(context, plan, path, label)));
  return rows;
}

/**
 * The same case at a light, fixed pace (no queueing on either side), shown for context: it
 * separates what one request costs from what a saturated server adds.
 */
async function lightLoad(
  context: BenchContext,
  plan: DirectPlan,
  path: string,
  label: string,
): Promise<ResultRow[]> {
  const load = {
    connections: LIGHT_RATE,
    overallRate: LIGHT_RATE,
    durationSeconds: context.settings.durationSeconds,
  };
  const direct = await directLoad(context, plan, { ...load, title: `${plan.name} direct light` });
  const parley = await parleyLoad(context, {
    ...load,
    title: `${plan.name} parley light`,
    path,
    verifyBody: noFailedNotice,
  });
  context.raw[`proxy.${plan.name}.light`] = { direct, parley };
  const problems = [loadProblem(direct), loadProblem(parley)].filter((problem) => problem !== null);
  return [
    row({
      section: SECTION_A,
      name: `${label} p50 at ${LIGHT_RATE} req/s`,
      baseline: `direct ${formatMs(direct.p50)}`,
      value: `Parley ${formatMs(parley.p50)}`,
      measured: parley.p50,
      against: direct.p50,
      goal: null,
      note: problems.length > 0 ? `PROBLEMS: ${problems.join(" / ")}` : undefined,
    }),
  ];
}

/** Section 1a: each provider's list and thread, direct and through Parley. */
export async function proxyCost(context: BenchContext): Promise<void> {
  context.log(`1a. proxy cost: ${INJECTED_LATENCY_MS} ms injected on every provider`);
  await setFaultsEverywhere(context.simulator.url, { latencyMs: INJECTED_LATENCY_MS });
  try {
    for (const provider of providerIds)
      for (const operation of ["list", "thread"] as const)
        context.rows.push(...(await measureCase(context, provider, operation)));
  } finally {
    await clearFaults(context.simulator.url);
  }
}

/** The provider whose list the floor stands for: native, unbudgeted, one wire call per page. */
const FLOOR_PROVIDER: ProviderId = "zaia";

/** Section 1b: Parley's list route against the floor route. */
export async function frameworkFloor(context: BenchContext): Promise<void> {
  context.log("1b. Parley's list route against the framework floor (no injected latency)");
  await clearFaults(context.simulator.url);
  const path = parleyPath(context, FLOOR_PROVIDER, "list");
  const page = await context.api.call("GET", path);
  if (page.status !== 200 || !noFailedNotice(page.text))
    throw new Error(`capturing the floor's list page failed: ${page.status}`);
  const stored = await fetch(`${context.parley.url}/api/bench/floor`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: context.parley.url },
    body: page.text,
  });
  if (stored.status !== 204)
    throw new Error(
      `storing the floor payload answered ${stored.status}: is PARLEY_BENCH=1 reaching the server?`,
    );
  const load = {
    connections: context.settings.connections,
    durationSeconds: context.settings.durationSeconds,
  };
  await settle(context);
  const floor = await runLoad({ ...load, title: "floor", url: `${context.parley.url}/api/bench/floor` });
  const parley = await parleyLoad(context, {
    ...load,
    title: "floor list parley",
    path,
    verifyBody: noFailedNotice,
  });
  context.raw["floor"] = { floor, parley, bytes: page.text.length };
  const problems = [loadProblem(floor), loadProblem(parley)].filter((problem) => problem !== null);
  context.rows.push(
    row({
      section: SECTION_B,
      name: `${providerLabels[FLOOR_PROVIDER]} list throughput`,
      baseline: `floor ${formatRate(floor.requestsPerSecond)}`,
      value: `Parley ${formatRate(parley.requestsPerSecond)}`,
      measured: parley.requestsPerSecond,
      against: floor.requestsPerSecond,
      // Issue 10: the list is read from the index, so it should cost little more than the framework.
      goal: { kind: "min", limit: 0.8 },
      note: `${context.settings.connections} connections; the floor answers the same ${page.text.length}-byte page from memory${problems.length > 0 ? `; PROBLEMS: ${problems.join(" / ")}` : ""}`,
    }),
    row({
      section: SECTION_B,
      name: `${providerLabels[FLOOR_PROVIDER]} list p50`,
      baseline: `floor ${formatMs(floor.p50)}`,
      value: `Parley ${formatMs(parley.p50)}`,
      measured: parley.p50,
      against: floor.p50,
      goal: null,
    }),
  );
}
