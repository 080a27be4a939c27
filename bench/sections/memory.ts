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
  context.log(
    `5. server memory: VmRSS now and after ${EXTRA_REQUESTS.toLocaleString("en-US")} more requests`,
  );
  await clearFaults(context.simulator.url);
  await settle(context);
  await sleep(SETTLE_MS);
  const pid = context.parley.process.pid;
  const before = residentKilobytes(pid);
  const paths = [
    ...(["sigmamind", "zaia", "cozmox"] as const).map(
      (provider) =>
        `/api/conversations?connection=${encodeURIComponent(context.connections[provider])}&limit=${LIST_PAGE_SIZE}`,
    ),
    `${conversationPath(context.connections.zaia, zaiaLongThreadIds.hundred)}?limit=200`,
  ];
  const load = await runLoad({
    title: "memory",
    url: context.parley.url,
    headers: { cookie: context.cookie },
    connections: context.settings.connections,
    amount: EXTRA_REQUESTS,
    paths,
    warmupSeconds: 0,
  });
  await settle(context);
  await sleep(SETTLE_MS);
  const after = residentKilobytes(pid);
  context.raw["memory"] = { pid, beforeKilobytes: before, afterKilobytes: after, load };
  if (before === null || after === null) {
    context.rows.push(
      unmeasured(
        SECTION,
        `resident size after ${EXTRA_REQUESTS.toLocaleString("en-US")} more requests`,
        { kind: "max", limit: 1.1 },
        `/proc/${pid}/status is not readable`,
      ),
    );
    return;
  }
  const problem = loadProblem(load);
  context.rows.push(
    row({
      section: SECTION,
      name: `resident size after ${EXTRA_REQUESTS.toLocaleString("en-US")} more requests`,
      baseline: `after the run ${megabytes(before)}`,
      value: megabytes(after),
      measured: after,
      against: before,
      goal: { kind: "max", limit: 1.1 },
      note: `${load.requests} requests over ${paths.length} list and thread routes${problem ? `; PROBLEMS: ${problem}` : ""}`,
    }),
  );
}
