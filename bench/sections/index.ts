/**
 * 7. The index at scale: the conversation list's first page (25 rows) with BENCH_INDEX_ROWS
 * conversations (100,000) and about ten messages each indexed, timed on the route's own code
 * (`listConversations`) in a worker process (`bench/index-worker.ts`) that fills its own index: an
 * in-memory PGlite, and PostgreSQL when BENCH_INDEX_DATABASE_URL (or TEST_DATABASE_URL) names one.
 * Five queries (`bench/lib/index-cases.ts`), each with one client (sequential calls) and with 20
 * concurrent callers. Goal rows (issue 10): one client p50 ≤ 100 ms on PGlite, ≤ 50 ms on
 * PostgreSQL; the baseline of each row is that budget. Needs no server.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { formatMs, row, unmeasured, type ResultRow } from "../lib/report";
import { THROWAWAY_SECRET } from "../lib/stack";

const sectionOf = (rows: number) =>
  `7 index (${rows >= 1000 ? `${Math.round(rows / 1000)}k` : rows} conversations)`;
const budgets = { pglite: 100, postgres: 50 } as const;
const names = { pglite: "PGlite", postgres: "PostgreSQL" } as const;

interface CaseResult {
  name: string;
  items: number;
  total: number;
  totalIsEstimate: boolean;
  one: { p50: number; p99: number; calls: number };
  /** null: skipped, one call alone took more than 3 s. */
  many: { p50: number; p99: number; perSecond: number; calls: number } | null;
}

interface WorkerResult {
  database: "pglite" | "postgres";
  rows: number;
  messages: number;
  fillMs: number;
  runs: number;
  concurrency: number;
  callsEach: number;
  cases: CaseResult[];
}

function runWorker(root: string, databaseUrl: string | null, rows: number): WorkerResult {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BENCH_INDEX_ROWS: String(rows),
    BENCH_INDEX_DATABASE_URL: databaseUrl ?? "",
    PARLEY_SECRET: THROWAWAY_SECRET,
  };
  delete env.DATABASE_URL;
  const output = execFileSync(
    process.execPath,
    [
      "--require",
      "./scripts/support/server-only.cjs",
      "--import",
      "tsx",
      path.join("bench", "index-worker.ts"),
    ],
    { cwd: root, encoding: "utf8", maxBuffer: 16 * 1024 * 1024, env, stdio: ["ignore", "pipe", "inherit"] },
  );
  const line = output.trim().split("\n").at(-1) ?? "";
  return JSON.parse(line) as WorkerResult;
}

function caseRows(result: WorkerResult): ResultRow[] {
  const budget = budgets[result.database];
  const SECTION = sectionOf(result.rows);
  const name = names[result.database];
  const size = `${result.rows.toLocaleString("en-US")} conversations, ${result.messages.toLocaleString("en-US")} messages`;
  return result.cases.flatMap((entry) => {
    const matched = `${entry.items} rows of ${entry.totalIsEstimate ? "more than " : ""}${entry.total.toLocaleString("en-US")} matches`;
    return [
      row({
        section: SECTION,
        name: `${name}: ${entry.name}, one client p50`,
        baseline: `budget ${formatMs(budget)}`,
        value: `p50 ${formatMs(entry.one.p50)} (p99 ${formatMs(entry.one.p99)})`,
        measured: entry.one.p50,
        against: budget,
        goal: { kind: "max", limit: 1 },
        note: `${size}; ${matched}; ${entry.one.calls} sequential calls after the warm-up; filled in ${formatMs(result.fillMs)}`,
      }),
      entry.many
        ? row({
            section: SECTION,
            name: `${name}: ${entry.name}, ${result.concurrency} callers p50`,
            baseline: `one client ${formatMs(entry.one.p50)}`,
            value: `p50 ${formatMs(entry.many.p50)} (p99 ${formatMs(entry.many.p99)})`,
            measured: entry.many.p50,
            against: entry.one.p50,
            goal: null,
            note: `${result.concurrency} concurrent callers in one process, ${entry.many.calls} calls: ${entry.many.perSecond.toFixed(1)} pages a second`,
          })
        : unmeasured(
            SECTION,
            `${name}: ${entry.name}, ${result.concurrency} callers p50`,
            null,
            `skipped: one call alone took ${formatMs(entry.one.p50)} (p50), so ${result.concurrency} callers would take ${result.concurrency} times as long`,
          ),
    ];
  });
}

/** Section 7: returns its rows and raw results (it runs before, and without, the servers). */
export function indexScale(
  root: string,
  log: (line: string) => void,
): { rows: ResultRow[]; raw: Record<string, unknown> } {
  const rows = Number(process.env.BENCH_INDEX_ROWS ?? 100_000);
  // PGlite fills one row at a time on one core: a smaller size for it when 100,000 takes too long.
  const pgliteRows = Number(process.env.BENCH_INDEX_PGLITE_ROWS ?? rows);
  const databaseUrl = process.env.BENCH_INDEX_DATABASE_URL || process.env.TEST_DATABASE_URL || null;
  const results: ResultRow[] = [];
  const SECTION = sectionOf(rows);
  const raw: Record<string, unknown> = {};
  for (const target of ["pglite", "postgres"] as const) {
    const failed = (reason: string) =>
      unmeasured(SECTION, `${names[target]}: first page, one client p50`, { kind: "max", limit: 1 }, reason);
    if (target === "postgres" && !databaseUrl) {
      results.push(failed("set BENCH_INDEX_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL database"));
      continue;
    }
    const size = target === "pglite" ? pgliteRows : rows;
    log(`7. index: ${size.toLocaleString("en-US")} conversations with ~10 messages each on ${target}…`);
    try {
      const result = runWorker(root, target === "postgres" ? databaseUrl : null, size);
      raw[target] = result;
      log(`  filled in ${formatMs(result.fillMs)}`);
      results.push(...caseRows(result));
    } catch (error) {
      results.push(
        failed(error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error)),
      );
    }
  }
  return { rows: results, raw };
}
