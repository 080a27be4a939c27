/**
 * 5. Server memory: the server's resident size (VmRSS) after the whole run, then after 10,000
 * more requests (lists and threads of the unbudgeted providers). A leak shows as growth.
 */
import { zaiaLongThreadIds } from "@/simulator/providers/zaia/data";
import { settle, type BenchContext } from "../lib/context";
import { LIST_PAGE_SIZE } from "../lib/direct-plans";
import { loadProblem, runLoad } from "../lib/load";
import { conversationPath } from "../lib/parley-api";
import { residentKilobytes, sleep } from "../lib/processes";
import { row, unmeasured } from "../lib/report";
import { clearFaults } from "../lib/simulator-admin";

const SECTION = "5 server memory";
/** BENCH_MEMORY_REQUESTS overrides it (for trying the section out; the goal is stated for 10,000). */
const EXTRA_REQUESTS = Number(process.env.BENCH_MEMORY_REQUESTS) || 10_000;
const SETTLE_MS = 3_000;

const megabytes = (kilobytes: number) => `${(kilobytes / 1024).toFixed(0)} MB`;

/** Section 5: resident size before and after more requests. */
export async function memory(context: BenchContext): Promise<void> {
  const count = EXTRA_REQUESTS.toLocaleString("en-US");
  context.log(`5. server memory: VmRSS now, after ${count} more requests, and after ${count} again`);
  await clearFaults(context.simulator.url);
  const pid = context.parley.process.pid;
  const sample = async () => {
    await settle(context);
    await sleep(SETTLE_MS);
    return residentKilobytes(pid);
  };
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
