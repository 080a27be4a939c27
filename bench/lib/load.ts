/**
 * HTTP load with autocannon, reduced to the numbers the bench reports. A short unrecorded warm-up
 * precedes each measurement (JIT, connection pools, caches) unless the run is paced.
 */
import autocannon from "autocannon";

/** One autocannon measurement. */
export interface LoadOptions {
  title: string;
  url: string;
  headers?: Record<string, string>;
  connections: number;
  /** Seconds; ignored when `amount` is set. */
  durationSeconds?: number;
  /** A fixed number of requests instead of a duration. */
  amount?: number;
  /**
   * Requests a second across all connections (paced runs, whole numbers ≥ 1). Paced runs report
   * the latencies actually measured, without autocannon's synthetic samples for late answers.
   */
  overallRate?: number;
  /** Paths requested in turn on each connection (default: the URL's own path). */
  paths?: string[];
  warmupSeconds?: number;
  /** Answers whose body fails this count as mismatches (a list with a failed notice, say). */
  verifyBody?: (body: string) => boolean;
}

/** What the bench keeps of an autocannon result (latencies in milliseconds). */
export interface LoadResult {
  title: string;
  url: string;
  connections: number;
  overallRate: number | null;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  /** Milliseconds. */
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
  statusCodes: Record<string, number>;
  bytesPerRequest: number;
}

const REQUEST_TIMEOUT_SECONDS = 30;

function options(load: LoadOptions, durationSeconds: number | undefined, amount: number | undefined) {
  // autocannon takes an explicit `undefined` as a value (and refuses it), so absent options are left out.
  return {
    url: load.url,
    connections: load.connections,
    ...(amount === undefined ? { duration: durationSeconds ?? 10 } : { amount }),
    ...(load.overallRate ? { overallRate: load.overallRate, ignoreCoordinatedOmission: true } : {}),
    timeout: REQUEST_TIMEOUT_SECONDS,
    ...(load.headers ? { headers: load.headers } : {}),
    title: load.title,
    ...(load.paths ? { requests: load.paths.map((path) => ({ method: "GET", path })) } : {}),
    ...(load.verifyBody ? { verifyBody: load.verifyBody } : {}),
  };
}

/** Runs one measurement (after its warm-up) and summarises it. */
export async function runLoad(load: LoadOptions): Promise<LoadResult> {
  const warmup = load.warmupSeconds ?? (load.overallRate ? 0 : 2);
  if (warmup > 0) await autocannon(options(load, warmup, undefined));
  const result = await autocannon(
    options(load, load.amount ? undefined : (load.durationSeconds ?? 10), load.amount),
  );
  const requests = result.requests.total;
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, stats]) => [code, stats.count]),
  );
  return {
    title: load.title,
    url: load.url,
    connections: load.connections,
    overallRate: load.overallRate ?? null,
    durationSeconds: result.duration,
    requests,
    requestsPerSecond: result.duration > 0 ? requests / result.duration : 0,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    mean: result.latency.mean,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
    statusCodes,
    bytesPerRequest: requests > 0 ? result.throughput.total / requests : 0,
  };
}

/** A one-line problem description when a run had errors or non-2xx answers, else null. */
export function loadProblem(result: LoadResult): string | null {
  const problems: string[] = [];
  if (result.requests === 0) problems.push("no request completed");
  if (result.errors > 0) problems.push(`${result.errors} connection errors`);
  if (result.timeouts > 0) problems.push(`${result.timeouts} timeouts`);
  if (result.mismatches > 0) problems.push(`${result.mismatches} answers failed the body check`);
  if (result.non2xx > 0)
    problems.push(
      `non-2xx answers: ${Object.entries(result.statusCodes)
        .filter(([code]) => !code.startsWith("2"))
        .map(([code, count]) => `${count}× ${code}`)
        .join(", ")}`,
    );
  return problems.length > 0 ? problems.join("; ") : null;
}
