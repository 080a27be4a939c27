/**
 * 8. Sync (issue 10, "Measured"): on a simulator and a Parley of its own (fresh data directory,
 * `PARLEY_SYNC_INTERVAL_S` = BENCH_SYNC_INTERVAL_S, 10 by default; Chatling's simulated limit left
 * at its real 300 calls a minute):
 * (a) the backfill of the demo data (or of `SIMULATOR_SCALE` = BENCH_SYNC_SCALE): each provider's
 *     calls counted at the simulator from Parley's start until `GET /api/sync` shows its connection
 *     no longer backfilling, against the fewest calls each provider's paging allows (`bench/lib/sync-calls.ts`;
 *     goal ≤ 1.1×), the server's resident memory growth while backfilling (goal < 150 MB), and
 *     Chatling's busiest 60 seconds over the whole section (goal ≤ 300). A backfill still running
 *     after BENCH_SYNC_TIMEOUT_S (1,200) reports the connections done by then;
 * (b) freshness: a conversation added at the simulator (one per provider) until it is in
 *     `GET /api/conversations` (goal ≤ the interval + 5 s), and again with `POST /api/sync` sent
 *     right after adding (goal ≤ 3 s).
 */
import { z } from "zod";
import { providerLabels } from "@/lib/model/constants";
import { providerIds, type ProviderId } from "@/lib/model/conversation";
import { syncStatusSchema, type SyncStatus } from "@/lib/model/sync-status";
import { MAX_LIMIT as COZMOX_PAGE_SIZE } from "@/simulator/providers/cozmox/query";
import { MAX_PAGE_SIZE as SIGMAMIND_PAGE_SIZE } from "@/simulator/providers/sigmamind/routes";
import { demoAccounts, ParleyApi, signIn } from "../lib/parley-api";
import { residentKilobytes, sleep } from "../lib/processes";
import { formatMs, row, unmeasured, type ResultRow } from "../lib/report";
import {
  addConversations,
  callReport,
  providerStats,
  scaleReport,
  type CallReport,
} from "../lib/simulator-admin";
import { removeDataDir, startParleyProcess, startSimulatorProcess } from "../lib/stack";
import {
  backfillFinished,
  backfillFloor,
  busiestMinute,
  callsAgainstFloors,
  isAddedConversation,
} from "../lib/sync-calls";

const SECTION = "8 sync";
const CHATLING_BUDGET = 300;
const REFRESH_BUDGET_MS = 3_000;

export interface SyncOptions {
  root: string;
  parleyPort: number;
  simulatorPort: number;
  echo: boolean;
  log(line: string): void;
}

const listSchema = z.object({ items: z.array(z.object({ id: z.string() }).loose()) }).loose();
const label = (provider: string) =>
  (providerLabels as Record<string, string>)[provider] ??
  provider.charAt(0).toUpperCase() + provider.slice(1);
const totals = (report: CallReport) =>
  Object.fromEntries(providerIds.map((provider) => [provider, report.providers[provider]?.total ?? 0]));

/**
 * The floor of each provider: the simulator's (it knows every thread's length), and where the
 * simulator's sizes suffice (SigmaMind, Cozmox) the same paging arithmetic done here from its
 * `/__admin/stats` and page sizes, as a check of the simulator's figure.
 */
async function floors(
  simulatorUrl: string,
): Promise<{ floors: Record<string, number>; notes: Record<string, string> }> {
  const [scale, stats] = await Promise.all([scaleReport(simulatorUrl), providerStats(simulatorUrl)]);
  const number = (provider: string, key: string) => Number(stats[provider]?.[key] ?? Number.NaN);
  const ours: Partial<Record<ProviderId, number>> = {
    sigmamind: backfillFloor({
      provider: "sigmamind",
      pageSize: SIGMAMIND_PAGE_SIZE,
      chats: number("sigmamind", "chats"),
    }),
    cozmox: backfillFloor({
      provider: "cozmox",
      pageSize: COZMOX_PAGE_SIZE,
      chats: number("cozmox", "chats"),
      sessions: number("cozmox", "sessions"),
    }),
  };
  const result: Record<string, number> = {};
  const notes: Record<string, string> = {};
  for (const provider of providerIds) {
    const simulator = scale.providers[provider]?.backfillFloor;
    const check = ours[provider];
    result[provider] = simulator?.calls ?? check ?? Number.NaN;
    notes[provider] =
      `floor: ${simulator?.detail ?? "not reported by the simulator"}` +
      (check === undefined
        ? ""
        : `; computed here from /__admin/stats: ${check}${check === simulator?.calls ? " (the same)" : " (DIFFERS from the simulator's)"}`);
  }
  return { floors: result, notes };
}

/** What the backfill's wait saw. */
interface BackfillWatch {
  status: SyncStatus;
  doneMs: Record<string, number>;
  callsAtDone: Record<string, number>;
  /** The limit passed with some connection still backfilling. */
  timedOut: boolean;
  /** The server's resident size when the wait began, and the most it reached (kB). */
  residentAtStartKb: number | null;
  residentPeakKb: number | null;
}

/**
 * Polls `GET /api/sync` until no connection is backfilling (or the limit passes: the connections
 * done by then are still reported); when each connection got there, and its provider's call count
 * at the simulator then (a connection done early syncs again on its interval while the others
 * backfill: those calls are not its backfill's); and the server's resident size at each poll.
 */
async function waitForBackfill(
  api: ParleyApi,
  simulatorUrl: string,
  serverPid: number,
  started: number,
  timeoutMs: number,
): Promise<BackfillWatch> {
  const doneMs: Record<string, number> = {};
  const callsAtDone: Record<string, number> = {};
  const residentAtStartKb = await residentKilobytes(serverPid);
  let residentPeakKb = residentAtStartKb;
  for (;;) {
    const status = await api.get("/api/sync", syncStatusSchema);
    const resident = await residentKilobytes(serverPid);
    if (resident !== null) residentPeakKb = Math.max(residentPeakKb ?? 0, resident);
    // Done means idle or syncing on its interval: a connection `failing` mid-backfill is not done.
    const done = status.connections.filter(
      (connection) => backfillFinished([connection]) && doneMs[connection.provider] === undefined,
    );
    if (done.length > 0) {
      const calls = totals(await callReport(simulatorUrl));
      for (const connection of done) {
        doneMs[connection.provider] = Date.now() - started;
        callsAtDone[connection.provider] = calls[connection.provider] ?? 0;
      }
    }
    const finished = backfillFinished(status.connections);
    if (finished || Date.now() - started > timeoutMs)
      return {
        status,
        doneMs,
        callsAtDone,
        timedOut: !finished,
        residentAtStartKb,
        residentPeakKb,
      };
    await sleep(500);
  }
}

/**
 * Adds one conversation per provider at the simulator (after `afterAdding`, such as a sync
 * request), then polls each connection's first list page until it shows its new conversation.
 * Milliseconds per provider from the add to the list; missing when the limit passed.
 */
async function freshness(
  simulatorUrl: string,
  api: ParleyApi,
  connections: SyncStatus["connections"],
  limitMs: number,
  afterAdding: () => Promise<void>,
): Promise<Record<string, number>> {
  const added = await Promise.all(
    connections.map(async (connection) => ({
      connection,
      id: (await addConversations(simulatorUrl, connection.provider, 1))[0] ?? "",
      addedAt: Date.now(),
    })),
  );
  await afterAdding();
  const seen: Record<string, number> = {};
  const deadline = Date.now() + limitMs;
  while (Object.keys(seen).length < added.length && Date.now() < deadline) {
    await Promise.all(
      added
        .filter((entry) => seen[entry.connection.provider] === undefined)
        .map(async (entry) => {
          const page = await api.get(
            `/api/conversations?connection=${encodeURIComponent(entry.connection.connectionId)}&view=all&limit=25`,
            listSchema,
          );
          if (page.items.some((item) => isAddedConversation(item.id, entry.id)))
            seen[entry.connection.provider] = Date.now() - entry.addedAt;
        }),
    );
    await sleep(200);
  }
  return seen;
}

function freshnessRow(name: string, seen: Record<string, number>, budgetMs: number, note: string): ResultRow {
  const missing = providerIds.filter((provider) => seen[provider] === undefined);
  const slowest = Math.max(...Object.values(seen));
  const each = providerIds.map(
    (provider) =>
      `${label(provider)} ${seen[provider] === undefined ? "not seen" : formatMs(seen[provider])}`,
  );
  if (missing.length > 0)
    return {
      ...row({
        section: SECTION,
        name,
        baseline: `budget ${formatMs(budgetMs)}`,
        value: `not listed (${missing.join(", ")})`,
        measured: Number.POSITIVE_INFINITY,
        against: budgetMs,
        goal: { kind: "max", limit: 1 },
      }),
      ratio: null,
      met: false,
      note: `${note}; ${each.join(", ")}`,
    };
  return row({
    section: SECTION,
    name,
    baseline: `budget ${formatMs(budgetMs)}`,
    value: `slowest ${formatMs(slowest)}`,
    measured: slowest,
    against: budgetMs,
    goal: { kind: "max", limit: 1 },
    note: `${note}; ${each.join(", ")}`,
  });
}

/** Issue 10: the server's resident memory grows by less than this during a backfill. */
const RESIDENT_GROWTH_BUDGET_MB = 150;

/** The server's resident growth from the backfill's start to its peak, against the budget. */
function residentGrowthRow(data: string, backfill: BackfillWatch): ResultRow {
  const name = `backfill of ${data}: server resident memory growth`;
  const goal = { kind: "below" as const, limit: 1 };
  if (backfill.residentAtStartKb === null || backfill.residentPeakKb === null)
    return unmeasured(SECTION, name, goal, "the server's /proc/<pid>/status could not be read");
  const growthMb = (backfill.residentPeakKb - backfill.residentAtStartKb) / 1024;
  return row({
    section: SECTION,
    name,
    baseline: `budget ${RESIDENT_GROWTH_BUDGET_MB} MB`,
    value: `${growthMb.toFixed(0)} MB`,
    measured: growthMb,
    against: RESIDENT_GROWTH_BUDGET_MB,
    goal,
    note: `VmRSS at sign-in ${(backfill.residentAtStartKb / 1024).toFixed(0)} MB, the most seen while backfilling (sampled every 500 ms) ${(backfill.residentPeakKb / 1024).toFixed(0)} MB`,
  });
}

/** Section 8: starts and stops its own simulator and Parley on the bench's ports. */
export async function syncSection(
  options: SyncOptions,
): Promise<{ rows: ResultRow[]; raw: Record<string, unknown> }> {
  const { root, log } = options;
  const intervalSeconds = Number(process.env.BENCH_SYNC_INTERVAL_S ?? 10);
  const scale = process.env.BENCH_SYNC_SCALE ? Number(process.env.BENCH_SYNC_SCALE) : undefined;
  const timeoutMs = Number(process.env.BENCH_SYNC_TIMEOUT_S ?? 1_200) * 1000;
  const data = scale ? `the ${scale.toLocaleString("en-US")} scale` : "the demo data";
  const rows: ResultRow[] = [];
  const raw: Record<string, unknown> = {};

  log(`8. sync: the simulator (${data}) and a Parley of its own, sync every ${intervalSeconds} s…`);
  const simulator = await startSimulatorProcess({
    root,
    port: options.simulatorPort,
    scale,
    echo: options.echo,
    name: "sync-simulator",
  });
  let dataDir: string | null = null;
  try {
    const { floors: floor, notes } = await floors(simulator.url);
    const before = totals(await callReport(simulator.url));
    const started = Date.now();
    const parley = await startParleyProcess({
      root,
      port: options.parleyPort,
      simulatorPort: simulator.port,
      env: { PARLEY_SYNC_INTERVAL_S: String(intervalSeconds) },
      echo: options.echo,
      name: "sync-parley",
    });
    dataDir = parley.dataDir;
    try {
      const api = new ParleyApi(
        parley.url,
        await signIn(parley.url, demoAccounts.staff.email, demoAccounts.staff.password),
      );
      const backfill = await waitForBackfill(api, simulator.url, parley.process.pid, started, timeoutMs);
      const backfillMs = Date.now() - started;
      const atIdle = await callReport(simulator.url);
      log(
        backfill.timedOut
          ? `  backfill of ${data} NOT done after ${formatMs(backfillMs)}; reporting the connections done`
          : `  backfill of ${data} done in ${formatMs(backfillMs)}`,
      );
      raw.backfill = {
        ms: backfillMs,
        doneMs: backfill.doneMs,
        callsAtDone: backfill.callsAtDone,
        callsAtIdle: atIdle,
        floors: floor,
        status: backfill.status,
      };
      const untilIdle = totals(atIdle);
      for (const entry of callsAgainstFloors(before, backfill.callsAtDone, floor)) {
        const connection = backfill.status.connections.find(
          (candidate) => candidate.provider === entry.provider,
        );
        const transcripts = connection
          ? `; ${connection.conversations.indexed.toLocaleString("en-US")} conversations, ${connection.transcripts.indexed.toLocaleString("en-US")} of ${connection.transcripts.known?.toLocaleString("en-US") ?? "?"} transcripts indexed`
          : "";
        const name = `backfill of ${data}: ${label(entry.provider)} provider calls`;
        if (backfill.doneMs[entry.provider] === undefined) {
          rows.push(
            unmeasured(
              SECTION,
              name,
              { kind: "max", limit: 1.1 },
              `not done after ${formatMs(backfillMs)} (BENCH_SYNC_TIMEOUT_S; ${connection?.state ?? "unknown"}${connection?.lastError ? `, last error: ${connection.lastError}` : ""}): ${((untilIdle[entry.provider] ?? 0) - (before[entry.provider] ?? 0)).toLocaleString("en-US")} calls so far for a floor of ${entry.floor.toLocaleString("en-US")}${transcripts}`,
            ),
          );
          continue;
        }
        rows.push(
          row({
            section: SECTION,
            name: `backfill of ${data}: ${label(entry.provider)} provider calls`,
            baseline: `fewest ${entry.floor.toLocaleString("en-US")}`,
            value: `${entry.calls.toLocaleString("en-US")} calls`,
            measured: entry.calls,
            against: entry.floor,
            goal: { kind: "max", limit: 1.1 },
            note: `calls until its connection stopped backfilling, after ${formatMs(backfill.doneMs[entry.provider] ?? Number.NaN)} (until every connection had: ${((untilIdle[entry.provider] ?? 0) - (before[entry.provider] ?? 0)).toLocaleString("en-US")})${transcripts}; ${notes[entry.provider] ?? ""}`,
          }),
        );
      }
      rows.push(residentGrowthRow(data, backfill));
      if (backfill.timedOut) {
        rows.push(
          unmeasured(
            SECTION,
            `backfill of ${data}: time to every connection idle`,
            null,
            `not every connection was done after ${formatMs(backfillMs)}; freshness not measured either`,
          ),
        );
      } else {
        rows.push({
          section: SECTION,
          name: `backfill of ${data}: time to every connection idle`,
          baseline: "—",
          value: formatMs(backfillMs),
          ratio: null,
          goal: null,
          met: null,
          note: `from Parley's start (its start-up included) to GET /api/sync showing no connection backfilling (polled every 500 ms); a connection done early syncs every ${intervalSeconds} s meanwhile`,
        });

        log(`  freshness: one conversation added per provider, sync every ${intervalSeconds} s…`);
        const onInterval = await freshness(
          simulator.url,
          api,
          backfill.status.connections,
          (intervalSeconds + 60) * 1000,
          async () => {},
        );
        rows.push(
          freshnessRow(
            `added at the provider → listed, sync every ${intervalSeconds} s`,
            onInterval,
            (intervalSeconds + 5) * 1000,
            "one conversation added per provider at once; first list page of its connection polled every 200 ms",
          ),
        );
        log(`  freshness after POST /api/sync…`);
        let refreshStatus = 0;
        const onRefresh = await freshness(
          simulator.url,
          api,
          backfill.status.connections,
          30_000,
          async () => {
            refreshStatus = (await api.call("POST", "/api/sync", {})).status;
          },
        );
        rows.push(
          freshnessRow(
            "added at the provider → listed, after POST /api/sync",
            onRefresh,
            REFRESH_BUDGET_MS,
            `POST /api/sync sent right after adding (answered ${refreshStatus}); a scheduled sync may land first`,
          ),
        );
        raw.freshness = { onInterval, onRefresh, refreshStatus };
      }
    } finally {
      await parley.process.stop();
    }

    const atEnd = await callReport(simulator.url);
    raw.callsAtEnd = atEnd;
    const chatling = atEnd.providers.chatling;
    const peak = busiestMinute(chatling?.keys ?? {});
    const refused = Object.values(chatling?.keys ?? {}).reduce(
      (sum, key) => sum + (key.byStatus?.["429"] ?? 0),
      0,
    );
    rows.push(
      row({
        section: SECTION,
        name: "Chatling: most calls in any 60 s (the whole section)",
        baseline: `budget ${CHATLING_BUDGET}`,
        value: `${peak} calls`,
        measured: peak,
        against: CHATLING_BUDGET,
        goal: { kind: "max", limit: 1 },
        note: `counted at the simulator per key (sliding window); ${chatling?.total ?? 0} Chatling calls in all, ${refused} answered 429`,
      }),
    );
  } catch (error) {
    const message = error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
    rows.push(unmeasured(SECTION, `sync of ${data}`, { kind: "max", limit: 1.1 }, message));
  } finally {
    await simulator.process.stop();
    if (dataDir) removeDataDir(dataDir);
  }
  return { rows, raw };
}
