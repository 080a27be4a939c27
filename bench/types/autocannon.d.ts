/** The part of autocannon 9's API the bench uses (the package ships no types). */
declare module "autocannon" {
  interface AutocannonRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }

  interface AutocannonOptions {
    url: string;
    connections?: number;
    /** Seconds. */
    duration?: number;
    amount?: number;
    overallRate?: number;
    /** Report the latencies measured, without adding the ones a late answer would have delayed. */
    ignoreCoordinatedOmission?: boolean;
    /** Seconds to wait for one answer. */
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    requests?: AutocannonRequest[];
    title?: string;
    /** Answers whose body fails this are counted in `mismatches`. */
    verifyBody?: (body: string) => boolean;
  }

  interface AutocannonHistogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    total: number;
    p50: number;
    p90: number;
    p99: number;
  }

  interface AutocannonResult {
    title?: string;
    /** Seconds. */
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    mismatches: number;
    "2xx": number;
    "4xx": number;
    "5xx": number;
    statusCodeStats: Record<string, { count: number }>;
    /** Milliseconds. */
    latency: AutocannonHistogram & { totalCount: number };
    requests: AutocannonHistogram & { sent: number };
    /** Bytes a second; `total` is every byte received. */
    throughput: AutocannonHistogram;
  }

  function autocannon(options: AutocannonOptions): PromiseLike<AutocannonResult>;
  export = autocannon;
}
