/**
 * The index bench's worker (run by `bench/sections/index.ts` in its own process, with the
 * `server-only` preload and a throwaway PARLEY_SECRET): fills an index with BENCH_INDEX_ROWS
 * conversations over four connections and about ten messages each, in several languages (Latin
 * with accents, Arabic, Hebrew, Chinese, Japanese, Korean), then times `listConversations` — the
 * list route's own code — for the first page (25 rows) of five queries, one client after another
 * and with BENCH_INDEX_CONCURRENCY callers at once. Prints progress on stderr and one JSON line on
 * stdout.
 *
 * The data: `bench/lib/index-fill.ts`.
 *
 * BENCH_INDEX_DATABASE_URL: PostgreSQL (the bench's connections, and their rows with them, are
 * removed at the end); else an in-memory PGlite.
 */
import { performance } from "node:perf_hooks";
import { inArray } from "drizzle-orm";
import { openDatabase, openMemoryDatabase, type Database } from "@/lib/db/client";
import { connections } from "@/lib/db/schema";
import { listConversations } from "@/lib/index/queries";
import { listQuerySchema } from "@/lib/model/list-query";
import { indexCases, percentile } from "./lib/index-cases";
import { addBenchConnections, benchConnectionIds as ids, fillBenchIndex } from "./lib/index-fill";

const ROWS = Number(process.env.BENCH_INDEX_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_INDEX_RUNS ?? 20);
const CONCURRENCY = Number(process.env.BENCH_INDEX_CONCURRENCY ?? 20);
const CALLS_EACH = Number(process.env.BENCH_INDEX_CALLS_EACH ?? 3);
const PHASE_LIMIT_MS = 30_000;
/** A query whose single call takes longer runs 3 sequential calls and no concurrent phase. */
const SLOW_MS = 3_000;
const url = process.env.BENCH_INDEX_DATABASE_URL || null;
const progress = (line: string) => process.stderr.write(`  [index worker] ${line}\n`);

async function main(): Promise<void> {
  const handle = url ? openDatabase({ databaseUrl: url, dataDir: "" }) : openMemoryDatabase();
  await handle.ready;
  const { db } = handle;
  await addBenchConnections(db);
  try {
    await measure(db, handle.kind);
  } finally {
    await db.delete(connections).where(inArray(connections.id, ids));
    await handle.close();
  }
}

async function measure(db: Database, kind: "pglite" | "postgres"): Promise<void> {
  const filled = await fillBenchIndex(db, ROWS, progress);
  progress(`filled: ${filled.messages.toLocaleString("en-US")} messages in ${Math.round(filled.ms)} ms`);

  const results = [];
  for (const benchCase of indexCases) {
    const query = listQuerySchema.parse({ connection: ids.join(","), ...benchCase.params });
    const call = async () => {
      const started = performance.now();
      const page = await listConversations(db, query);
      return { ms: performance.now() - started, page };
    };
    const first = await call();
    const slow = first.ms > SLOW_MS;
    if (!slow) await call();
    // Each phase stops early (after at least 5 calls, or one call per caller) once it has run
    // PHASE_LIMIT_MS, so a slow query cannot hold the run for many minutes; a query slower than
    // SLOW_MS gets 3 sequential calls and no concurrent phase (20 callers would take 20 times as long).
    const sequential: number[] = [];
    const sequentialStarted = performance.now();
    for (let run = 0; run < RUNS; run++) {
      sequential.push((await call()).ms);
      if (run >= (slow ? 2 : 4) && performance.now() - sequentialStarted > PHASE_LIMIT_MS) break;
    }
    const concurrent: number[] = [];
    const concurrentStarted = performance.now();
    const skipConcurrent =
      percentile(
        [...sequential].sort((left, right) => left - right),
        0.5,
      ) > SLOW_MS;
    if (!skipConcurrent)
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (let index = 0; index < CALLS_EACH; index++) {
            concurrent.push((await call()).ms);
            if (performance.now() - concurrentStarted > PHASE_LIMIT_MS) break;
          }
        }),
      );
    const concurrentMs = performance.now() - concurrentStarted;
    sequential.sort((left, right) => left - right);
    concurrent.sort((left, right) => left - right);
    const result = {
      name: benchCase.name,
      params: benchCase.params,
      items: first.page.items.length,
      total: first.page.total,
      totalIsEstimate: first.page.totalIsEstimate,
      one: {
        p50: percentile(sequential, 0.5),
        p99: percentile(sequential, 0.99),
        calls: sequential.length,
        times: sequential,
      },
      many: skipConcurrent
        ? null
        : {
            calls: concurrent.length,
            p50: percentile(concurrent, 0.5),
            p99: percentile(concurrent, 0.99),
            perSecond: (concurrent.length / concurrentMs) * 1000,
          },
    };
    progress(
      `${benchCase.name}: ${result.items} rows (total ${result.total}${result.totalIsEstimate ? "+" : ""}); one client p50 ${Math.round(result.one.p50)} ms, ${CONCURRENCY} callers ${result.many ? `p50 ${Math.round(result.many.p50)} ms` : "skipped"}`,
    );
    results.push(result);
  }
  console.log(
    JSON.stringify({
      database: kind,
      rows: ROWS,
      messages: filled.messages,
      fillMs: filled.ms,
      runs: RUNS,
      concurrency: CONCURRENCY,
      callsEach: CALLS_EACH,
      cases: results,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
