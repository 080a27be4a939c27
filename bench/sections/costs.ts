/**
 * 6. Costs: the Costs page's chart request (`GET /api/analytics/costs`: a year by day, stacked by
 * provider, with two filters) at 100,000 indexed conversations, timed on the route's own code in
 * a worker process (`bench/costs-worker.ts`) that fills its own index: an in-memory PGlite, and
 * PostgreSQL when BENCH_COSTS_DATABASE_URL (or TEST_DATABASE_URL) names one. Goals (issue 11):
 * p50 ≤ 250 ms on PGlite, ≤ 100 ms on PostgreSQL; the baseline of each row is that budget.
 * It needs no server, so `BENCH_SECTIONS=costs` runs it alone without a build.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { formatMs, row, unmeasured, type ResultRow } from "../lib/report";

const SECTION = "6 costs (100k indexed)";
const budgets = { pglite: 250, postgres: 100 } as const;

interface WorkerResult {
  database: "pglite" | "postgres";
  rows: number;
  runs: number;
  fillMs: number;
  chart: { p50: number; p95: number; groups: number; conversations: number };
  totals: { p50: number; p95: number; conversations: number };
}

function runWorker(root: string, databaseUrl: string | null, rows: number): WorkerResult {
  const output = execFileSync(
    process.execPath,
    [
      "--require",
      "./scripts/support/server-only.cjs",
      "--import",
      "tsx",
      path.join("bench", "costs-worker.ts"),
    ],
    {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, BENCH_COSTS_ROWS: String(rows), BENCH_COSTS_DATABASE_URL: databaseUrl ?? "" },
    },
  );
  const line = output.trim().split("\n").at(-1) ?? "";
  return JSON.parse(line) as WorkerResult;
}

function resultRow(result: WorkerResult): ResultRow {
  const budget = budgets[result.database];
  const name = result.database === "pglite" ? "PGlite" : "PostgreSQL";
  return row({
    section: SECTION,
    name: `${name}: a year by day, 2 filters, p50`,
    baseline: `budget ${formatMs(budget)}`,
    value: `p50 ${formatMs(result.chart.p50)} (p95 ${formatMs(result.chart.p95)})`,
    measured: result.chart.p50,
    against: budget,
    goal: { kind: "max", limit: 1 },
    note: `${result.rows.toLocaleString("en-US")} rows, ${result.runs} runs; ${result.chart.conversations} conversations matched in ${result.chart.groups} days; totals alone (the list's footer) p50 ${formatMs(result.totals.p50)}; filled in ${formatMs(result.fillMs)}`,
  });
}

/** Section 6: returns its rows and raw results (it runs before, and without, the servers). */
export function costs(
  root: string,
  log: (line: string) => void,
): { rows: ResultRow[]; raw: Record<string, unknown> } {
  const rows = Number(process.env.BENCH_COSTS_ROWS ?? 100_000);
  const databaseUrl = process.env.BENCH_COSTS_DATABASE_URL || process.env.TEST_DATABASE_URL || null;
  const results: ResultRow[] = [];
  const raw: Record<string, unknown> = {};
  for (const target of ["pglite", "postgres"] as const) {
    if (target === "postgres" && !databaseUrl) {
      results.push(
        unmeasured(
          SECTION,
          "PostgreSQL: a year by day, 2 filters, p50",
          { kind: "max", limit: 1 },
          "set BENCH_COSTS_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL database",
        ),
      );
      continue;
    }
    log(`6. costs: ${rows.toLocaleString("en-US")} indexed conversations on ${target}…`);
    try {
      const result = runWorker(root, target === "postgres" ? databaseUrl : null, rows);
      raw[target] = result;
      results.push(resultRow(result));
    } catch (error) {
      const message =
        error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
      results.push(
        unmeasured(SECTION, `${target}: a year by day, 2 filters, p50`, { kind: "max", limit: 1 }, message),
      );
    }
  }
  return { rows: results, raw };
}
