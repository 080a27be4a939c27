/**
 * 2. Fan-out: with 100 ms injected on every provider, the all-connections list against the
 * slowest single-connection list, both through Parley. The connections are read in parallel, so
 * the merged list should cost little more than its slowest source.
 *
 * Every list here touches Chatling (its own, or the merged one), so the runs are paced to stay
 * inside Chatling's budget of 300 calls a minute; all five use the same pace for comparability.
 */
import { providerIds, providerLabels, type ProviderId } from "@/lib/model/conversation";
import { noFailedNotice, parleyLoad, parleyWireCalls, type BenchContext } from "../lib/context";
import { LIST_PAGE_SIZE } from "../lib/direct-plans";
import { loadProblem, type LoadResult } from "../lib/load";
import { formatMs, row } from "../lib/report";
import { clearFaults, setFaultsEverywhere } from "../lib/simulator-admin";

const INJECTED_LATENCY_MS = 100;
const SECTION = `2 fan-out (+${INJECTED_LATENCY_MS} ms)`;
const RATE = 2;

/** Section 2: the merged list against its slowest source. */
export async function fanOut(context: BenchContext): Promise<void> {
  context.log(`2. fan-out: ${INJECTED_LATENCY_MS} ms injected on every provider, paced at ${RATE} req/s`);
  await setFaultsEverywhere(context.simulator.url, { latencyMs: INJECTED_LATENCY_MS });
  try {
    const singles = new Map<ProviderId, LoadResult>();
    const load = { connections: RATE, overallRate: RATE, durationSeconds: context.settings.pacedSeconds };
    for (const provider of providerIds) {
      const path = `/api/conversations?connection=${encodeURIComponent(context.connections[provider])}&limit=${LIST_PAGE_SIZE}`;
      const calls = await parleyWireCalls(context, path);
      context.log(`  ${providerLabels[provider]} alone…`);
      singles.set(
        provider,
        await parleyLoad(context, {
          ...load,
          title: `fan-out ${provider}`,
          path,
          verifyBody: noFailedNotice,
          chatlingCallsPerRequest: calls.chatling,
        }),
      );
    }
    const allPath = `/api/conversations?limit=${LIST_PAGE_SIZE}`;
    const allCalls = await parleyWireCalls(context, allPath);
    context.log("  all connections…");
    const all = await parleyLoad(context, {
      ...load,
      title: "fan-out all",
      path: allPath,
      verifyBody: noFailedNotice,
      chatlingCallsPerRequest: allCalls.chatling,
    });
    context.raw["fanOut"] = { singles: Object.fromEntries(singles), all, allWireCalls: allCalls };

    const slowestP50 = [...singles].reduce((slowest, entry) =>
      entry[1].p50 > slowest[1].p50 ? entry : slowest,
    );
    const slowestP99 = [...singles].reduce((slowest, entry) =>
      entry[1].p99 > slowest[1].p99 ? entry : slowest,
    );
    const problems = [...singles.values(), all].map(loadProblem).filter((problem) => problem !== null);
    const pace = `paced at ${RATE} req/s for ${context.settings.pacedSeconds} s each; singles p50: ${[
      ...singles,
    ]
      .map(([provider, result]) => `${providerLabels[provider]} ${formatMs(result.p50)}`)
      .join(", ")}`;
    context.rows.push(
      row({
        section: SECTION,
        name: "all connections p50",
        baseline: `slowest alone (${providerLabels[slowestP50[0]]}) ${formatMs(slowestP50[1].p50)}`,
        value: `all ${formatMs(all.p50)}`,
        measured: all.p50,
        against: slowestP50[1].p50,
        goal: { kind: "max", limit: 1.2 },
        note: `${pace}${problems.length > 0 ? `; PROBLEMS: ${problems.join(" / ")}` : ""}`,
      }),
      row({
        section: SECTION,
        name: "all connections p99",
        baseline: `slowest alone (${providerLabels[slowestP99[0]]}) ${formatMs(slowestP99[1].p99)}`,
        value: `all ${formatMs(all.p99)}`,
        measured: all.p99,
        against: slowestP99[1].p99,
        goal: null,
      }),
    );
  } finally {
    await clearFaults(context.simulator.url);
  }
}
