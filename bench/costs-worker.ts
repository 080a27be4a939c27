/**
 * The costs bench's worker (run by `bench/sections/costs.ts` in its own process, with the
 * `server-only` preload): fills an index with BENCH_COSTS_ROWS conversations over four connections
 * (one a year of 2026, Cozmox-like rows with USD costs and line items, the others unknown), then
 * times the Costs page's chart request — a year by day stacked by provider, with two filters
 * (responder and status) — through `costsFromIndex`, the route's own code. Prints one JSON line.
 *
 * BENCH_COSTS_DATABASE_URL: PostgreSQL (its rows are removed at the end, unless BENCH_COSTS_KEEP is set,
 * for EXPLAIN by hand); else an in-memory PGlite.
 */
import { performance } from "node:perf_hooks";
import { inArray, sql } from "drizzle-orm";
import { openDatabase, openMemoryDatabase } from "@/lib/db/client";
import { connections } from "@/lib/db/schema";
import { costsFromIndex } from "@/lib/index/read/costs";
import { costsQuerySchema } from "@/lib/model/costs";

const ROWS = Number(process.env.BENCH_COSTS_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_COSTS_RUNS ?? 15);
const url = process.env.BENCH_COSTS_DATABASE_URL || null;
const providers = ["cozmox", "sigmamind", "zaia", "chatling"] as const;
const ids = providers.map((provider) => `bench-costs-${provider}`);

function percentile(sorted: readonly number[], share: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

async function main(): Promise<void> {
  const handle = url ? openDatabase({ databaseUrl: url, dataDir: "" }) : openMemoryDatabase();
  await handle.ready;
  const { db } = handle;
  await db.delete(connections).where(inArray(connections.id, ids));
  await db.insert(connections).values(
    providers.map((provider, index) => ({
      id: ids[index] as string,
      provider,
      name: `Bench ${provider}`,
      baseUrl: "http://bench",
      encryptedKey: "unused",
      keyHint: "…none",
    })),
  );
  const filled = performance.now();
  // Deterministic rows: connection by g % 4, 40 responders per connection, 6 channels, a time
  // spread over 2026, two statuses; the Cozmox-like connection's costs in USD with two line items.
  await db.execute(sql`insert into indexed_conversations (connection_id, id, title, responder_id, responder_name,
      channel_id, channel_name, status, created_at, last_activity_at, sort_at, cost_currency, cost_amount,
      cost_items, search_text, confirmed_at, transcript_state)
    select ids[1 + g % 4], 'c' || g, 'Conversation ' || g,
      'r' || (g / 4) % 40, 'Responder ' || (g / 4) % 40,
      'ch' || g % 6, 'Channel ' || g % 6,
      case when g % 3 = 0 then 'active' else 'completed' end,
      at, at, at,
      case when g % 4 = 0 then 'USD' end,
      case when g % 4 = 0 then ((g::bigint * 7919) % 1000) / 10000.0 end,
      case when g % 4 = 0 then jsonb_build_array(
        jsonb_build_object('type', 'model', 'label', 'Model: openai / gpt-4o', 'usd', ((g::bigint * 7919) % 1000) / 20000.0,
          'promptTokens', (g * 31) % 2000, 'completionTokens', (g * 17) % 300),
        jsonb_build_object('type', 'transport', 'label', 'Transport', 'usd', ((g::bigint * 7919) % 1000) / 20000.0)) end,
      'Conversation ' || g, now(), 'skipped'
    from generate_series(1, ${ROWS}) g,
      lateral (select timestamptz '2026-01-01' + ((g::bigint * 104729) % 31536000) * interval '1 second' as at) t,
      lateral (select array[${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}]::text[] as ids) i`);
  await db.execute(sql`analyze indexed_conversations`);
  const fillMs = performance.now() - filled;

  const responders = ["r1", "r2", "r3", "r4", "r5"].join(",");
  const chart = costsQuerySchema.parse({
    view: "all",
    from: "2026-01-01",
    to: "2026-12-31",
    responder: responders,
    status: "completed",
    groupBy: "day",
    stackBy: "provider",
  });
  const totalsOnly = costsQuerySchema.parse({ view: "all", responder: responders, status: "completed" });
  const scope = ids.map((id) => ({ id }));
  const time = async (query: typeof chart) => {
    const times: number[] = [];
    let answer = await costsFromIndex(db, query, scope);
    for (let run = 0; run < 2; run++) await costsFromIndex(db, query, scope);
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      answer = await costsFromIndex(db, query, scope);
      times.push(performance.now() - started);
    }
    times.sort((left, right) => left - right);
    return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), times, answer };
  };
  const chartTimes = await time(chart);
  const totalsTimes = await time(totalsOnly);
  if (!process.env.BENCH_COSTS_KEEP) await db.delete(connections).where(inArray(connections.id, ids));
  await handle.close();
  console.log(
    JSON.stringify({
      database: handle.kind,
      rows: ROWS,
      runs: RUNS,
      fillMs,
      chart: {
        p50: chartTimes.p50,
        p95: chartTimes.p95,
        times: chartTimes.times,
        groups: chartTimes.answer.groups.length,
        conversations: chartTimes.answer.totals.conversations,
      },
      totals: {
        p50: totalsTimes.p50,
        p95: totalsTimes.p95,
        conversations: totalsTimes.answer.totals.conversations,
      },
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
