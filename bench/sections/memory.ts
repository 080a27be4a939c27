/**
 * 5. Server memory: the server's resident size (VmRSS) idle right after it started (demo seeded,
 * first sync done; sampled before any other section by `sampleIdleMemory`), after the whole run,
 * then after 10,000 more requests (lists and threads of the unbudgeted providers). A leak shows as
 * growth.
 */
import { zaiaLongThreadIds } from "@/simulator/providers/zaia/data";
import { settle, type BenchContext } from "../lib/context";
import { LIST_PAGE_SIZE } from "../lib/direct-plans";
import { loadProblem, runLoad } from "../lib/load";
import { conversationPath, waitForFirstSync } from "../lib/parley-api";
import { residentKilobytes, sleep } from "../lib/processes";
import { row, unmeasured, type ResultRow } from "../lib/report";
import { clearFaults } from "../lib/simulator-admin";

const SECTION = "5 server memory";
/** BENCH_MEMORY_REQUESTS overrides it (for trying the section out; the goal is stated for 10,000). */
const EXTRA_REQUESTS = Number(process.env.BENCH_MEMORY_REQUESTS) || 10_000;
const SETTLE_MS = 3_000;

/** The issue's goal for an idle server right after `npm start`. */
const IDLE_BUDGET_KILOBYTES = 350 * 1024;

const megabytes = (kilobytes: number) => `${(kilobytes / 1024).toFixed(0)} MB`;

/** The resident size once the simulator has had no request from Parley for a second, plus a pause. */
async function quietSample(context: BenchContext): Promise<number | null> {
  await settle(context);
  await sleep(SETTLE_MS);
  return residentKilobytes(context.parley.process.pid);
}

/**
 * The idle figure, taken right after the stack started and before any section ran: every
 * connection's first listing in the index, the sync quiet, then the resident size (kept in
 * `context.raw["memory-idle"]` for the memory section's row).
 */
export async function sampleIdleMemory(context: BenchContext): Promise<void> {
  const started = Date.now();
  await waitForFirstSync(context.api);
  const kilobytes = await quietSample(context);
  context.raw["memory-idle"] = {
    pid: context.parley.process.pid,
    kilobytes,
    secondsAfterSignIn: Math.round((Date.now() - started) / 1000),
  };
}

/** Section 5: resident size before and after more requests. */
export async function memory(context: BenchContext): Promise<void> {
  const count = EXTRA_REQUESTS.toLocaleString("en-US");
  context.log(`5. server memory: VmRSS now, after ${count} more requests, and after ${count} again`);
  await clearFaults(context.simulator.url);
  const pid = context.parley.process.pid;
  const sample = () => quietSample(context);
  const paths = [
    ...(["sigmamind", "zaia", "cozmox"] as const).map(
      (provider) =>
        `/api/conversations?connection=${encodeURIComponent(context.connections[provider])}&limit=${LIST_PAGE_SIZE}`,
    ),
    `${conversationPath(context.connections.zaia, zaiaLongThreadIds.hundred)}?limit=200`,
  ];
  const batch = (title: string) =>
    runLoad({
      title,
      url: context.parley.url,
      headers: { cookie: context.cookie },
      connections: context.settings.connections,
      amount: EXTRA_REQUESTS,
      paths,
      warmupSeconds: 0,
    });
  const before = await sample();
  const first = await batch("memory");
  const after = await sample();
  // A second batch tells a plateau (a heap or cache that grew once) from a leak (that keeps growing).
  const second = await batch("memory again");
  const again = await sample();
  context.raw["memory"] = {
    pid,
    beforeKilobytes: before,
    afterKilobytes: after,
    againKilobytes: again,
    first,
    second,
  };
  context.rows.push(idleRow(context.raw["memory-idle"] as IdleSample | undefined));
  const name = `resident size after ${count} more requests`;
  if (before === null || after === null || again === null) {
    context.rows.push(
      unmeasured(SECTION, name, { kind: "max", limit: 1.1 }, `/proc/${pid}/status is not readable`),
    );
    return;
  }
  const problems = [loadProblem(first), loadProblem(second)].filter((problem) => problem !== null);
  context.rows.push(
    row({
      section: SECTION,
      name,
      baseline: `after the run ${megabytes(before)}`,
      value: megabytes(after),
      measured: after,
      against: before,
      goal: { kind: "max", limit: 1.1 },
      note: `${first.requests} requests over ${paths.length} list and thread routes${problems.length > 0 ? `; PROBLEMS: ${problems.join(" / ")}` : ""}`,
    }),
    row({
      section: SECTION,
      name: `resident size after ${count} requests more again`,
      baseline: `after the first ${count} ${megabytes(after)}`,
      value: megabytes(again),
      measured: again,
      against: after,
      goal: null,
      note: "context: growth that stops here is a heap or cache settling, growth that goes on is a leak",
    }),
  );
}

/** What `sampleIdleMemory` keeps in `context.raw["memory-idle"]`. */
export interface IdleSample {
  pid: number;
  kilobytes: number | null;
  secondsAfterSignIn: number;
}

/** The idle row: the resident size right after start against the issue's budget (below 350 MB). */
export function idleRow(idle: IdleSample | undefined): ResultRow {
  const name = "resident size idle after start";
  const goal = { kind: "below", limit: 1 } as const;
  if (!idle || idle.kilobytes === null)
    return unmeasured(
      SECTION,
      name,
      goal,
      "no idle sample (sampleIdleMemory did not run or /proc was not readable)",
    );
  return row({
    section: SECTION,
    name,
    baseline: `budget ${megabytes(IDLE_BUDGET_KILOBYTES)}`,
    value: megabytes(idle.kilobytes),
    measured: idle.kilobytes,
    against: IDLE_BUDGET_KILOBYTES,
    goal,
    note: "right after start: demo seeded, every connection's first listing in the index, the sync quiet, before any other section",
  });
}
