/**
 * 3. Growth: Zaia's threads of 100, 1,000 and 10,000 messages. Through the API, the first page's
 * time and bytes; in Chromium, the time from navigation to the first message shown, the DOM
 * inside the "Messages" region, and the time to reach the last message with "Jump to last".
 * Everything against the 100-message thread measured in the same run.
 */
import { zaiaLongThreadIds } from "@/simulator/providers/zaia/data";
import { measureThread, type BrowserSession, type ThreadTiming } from "../lib/browser";
import { parleyLoad, type BenchContext } from "../lib/context";
import { loadProblem, type LoadResult } from "../lib/load";
import { conversationPath } from "../lib/parley-api";
import { formatBytes, formatMs, median, row, unmeasured } from "../lib/report";
import { clearFaults } from "../lib/simulator-admin";

const SECTION_API = "3 growth: API";
const SECTION_BROWSER = "3 growth: browser";
const BROWSER_REPEATS = 3;
const DOM_NODE_LIMIT = 1_000;
/** Room kept in Chatling's budget per page visit (the console's shell may list every connection). */
export const BROWSER_VISIT_CHATLING_CALLS = 10;

const threads = [
  { size: 100, id: zaiaLongThreadIds.hundred },
  { size: 1_000, id: zaiaLongThreadIds.thousand },
  { size: 10_000, id: zaiaLongThreadIds.tenThousand },
] as const;

const label = (size: number) => `${size.toLocaleString("en-US")} messages`;

/** Section 3, API: the first page of each long thread. */
export async function growthApi(context: BenchContext): Promise<void> {
  context.log("3. growth through the API: Zaia threads of 100, 1,000 and 10,000 messages");
  await clearFaults(context.simulator.url);
  const results = new Map<number, { load: LoadResult; bytes: number }>();
  for (const thread of threads) {
    const path = conversationPath(context.connections.zaia, thread.id);
    const first = await context.api.call("GET", path);
    if (first.status !== 200) throw new Error(`GET ${path} answered ${first.status}`);
    const load = await parleyLoad(context, {
      title: `growth api ${thread.size}`,
      path,
      connections: Math.min(10, context.settings.connections),
      durationSeconds: Math.max(3, Math.round(context.settings.durationSeconds / 2)),
    });
    results.set(thread.size, { load, bytes: Buffer.byteLength(first.text) });
  }
  context.raw["growth.api"] = Object.fromEntries(results);
  const base = results.get(100);
  if (!base) return;
  for (const thread of threads.slice(1)) {
    const result = results.get(thread.size);
    if (!result) continue;
    const problems = [loadProblem(base.load), loadProblem(result.load)].filter((problem) => problem !== null);
    context.rows.push(
      row({
        section: SECTION_API,
        name: `first page of ${label(thread.size)}: p50`,
        baseline: `100 messages ${formatMs(base.load.p50)}`,
        value: formatMs(result.load.p50),
        measured: result.load.p50,
        against: base.load.p50,
        goal: null,
        note: problems.length > 0 ? `PROBLEMS: ${problems.join(" / ")}` : undefined,
      }),
      row({
        section: SECTION_API,
        name: `first page of ${label(thread.size)}: bytes`,
        baseline: `100 messages ${formatBytes(base.bytes)}`,
        value: formatBytes(result.bytes),
        measured: result.bytes,
        against: base.bytes,
        goal: null,
      }),
    );
  }
}

async function timeThread(
  context: BenchContext,
  session: BrowserSession,
  id: string,
  size: number,
): Promise<ThreadTiming> {
  const timings: ThreadTiming[] = [];
  const path = `/conversations/${encodeURIComponent(context.connections.zaia)}/${encodeURIComponent(id)}`;
  for (let attempt = 0; attempt < BROWSER_REPEATS; attempt++) {
    await context.chatlingBudget.take(BROWSER_VISIT_CHATLING_CALLS);
    timings.push(await measureThread(session, path, size));
  }
  return {
    firstMessageMs: median(timings.map((timing) => timing.firstMessageMs)),
    domNodesOpened: Math.max(...timings.map((timing) => timing.domNodesOpened)),
    lastMessageMs: median(timings.map((timing) => timing.lastMessageMs)),
    domNodesAtLast: Math.max(...timings.map((timing) => timing.domNodesAtLast)),
  };
}

/** Section 3, browser: each long thread's page in Chromium. */
export async function growthBrowser(context: BenchContext, session: BrowserSession): Promise<void> {
  context.log(`3. growth in Chromium: thread pages (median of ${BROWSER_REPEATS})`);
  await clearFaults(context.simulator.url);
  const results = new Map<number, ThreadTiming>();
  try {
    // One unrecorded visit loads the JavaScript into the browser's cache.
    await context.chatlingBudget.take(BROWSER_VISIT_CHATLING_CALLS);
    await measureThread(
      session,
      `/conversations/${encodeURIComponent(context.connections.zaia)}/${encodeURIComponent(threads[0].id)}`,
      threads[0].size,
    );
    for (const thread of threads)
      results.set(thread.size, await timeThread(context, session, thread.id, thread.size));
  } catch (error) {
    const reason = `the thread page could not be measured: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
    context.rows.push(
      unmeasured(
        SECTION_BROWSER,
        "10,000 messages: first message shown",
        { kind: "max", limit: 1.5 },
        reason,
      ),
      unmeasured(
        SECTION_BROWSER,
        "10,000 messages: DOM nodes in Messages",
        { kind: "below", limit: 1 },
        reason,
      ),
    );
    return;
  }
  context.raw["growth.browser"] = Object.fromEntries(results);
  const base = results.get(100);
  if (!base) return;
  for (const thread of threads.slice(1)) {
    const timing = results.get(thread.size);
    if (!timing) continue;
    const largest = thread.size === 10_000;
    const nodes = Math.max(timing.domNodesOpened, timing.domNodesAtLast);
    context.rows.push(
      row({
        section: SECTION_BROWSER,
        name: `${label(thread.size)}: first message shown`,
        baseline: `100 messages ${formatMs(base.firstMessageMs)}`,
        value: formatMs(timing.firstMessageMs),
        measured: timing.firstMessageMs,
        against: base.firstMessageMs,
        goal: largest ? { kind: "max", limit: 1.5 } : null,
      }),
      row({
        section: SECTION_BROWSER,
        name: `${label(thread.size)}: DOM nodes in Messages`,
        baseline: `limit ${DOM_NODE_LIMIT.toLocaleString("en-US")} (100 messages: ${Math.max(base.domNodesOpened, base.domNodesAtLast)})`,
        value: `${nodes} (opened ${timing.domNodesOpened}, at the last message ${timing.domNodesAtLast})`,
        measured: nodes,
        against: DOM_NODE_LIMIT,
        goal: largest ? { kind: "below", limit: 1 } : null,
      }),
      row({
        section: SECTION_BROWSER,
        name: `${label(thread.size)}: Jump to last → last message shown`,
        baseline: `100 messages ${formatMs(base.lastMessageMs)}`,
        value: formatMs(timing.lastMessageMs),
        measured: timing.lastMessageMs,
        against: base.lastMessageMs,
        goal: null,
      }),
    );
  }
}
