/**
 * The HTTP client every adapter uses to reach its provider.
 *
 * - A timeout on every attempt (default 10 s, `PARLEY_PROVIDER_TIMEOUT_MS`).
 * - Retries with exponential backoff only for idempotent requests (GET, HEAD), and only on 5xx,
 *   network errors, timeouts and 429. A 429's `Retry-After` is honoured when it is short; a long
 *   one fails at once as `rate_limited` so the page answers instead of waiting a minute.
 * - A circuit breaker per connection: after repeated failures the connection fails fast for a
 *   while, so a dead provider costs its own notice and nothing else.
 * - A concurrency limit per connection, and an optional requests-per-minute budget (Chatling).
 * - Redirects are never followed: a provider that answers 3xx is refused, so a key is never sent
 *   to another host.
 * - Every connection goes through `guarded-fetch.ts` (each resolved address is checked at connect
 *   time: no loopback outside demo mode, no private ranges unless allowed), and an answer larger
 *   than `PARLEY_PROVIDER_MAX_RESPONSE_BYTES` is cut off while it streams (`read-capped.ts`).
 * - Errors name the kind of failure only (refused, timed out, TLS, "HTTP 502 from the provider");
 *   socket addresses and provider answers go to the server log, with the key scrubbed.
 *
 * Built on cockatiel (retry, breaker, bulkhead, timeout in one typed, dependency-free library).
 */
import {
  BrokenCircuitError,
  BulkheadRejectedError,
  ConsecutiveBreaker,
  DelegateBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  bulkhead,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
  type CircuitBreakerPolicy,
  type BulkheadPolicy,
} from "cockatiel";
import { getConfig, providerAddressPolicy } from "@/lib/config";
import { log, scrubSecrets } from "@/lib/logger";
import { providerLabels, type ProviderId } from "@/lib/model/constants";
import { isProviderError, ProviderError } from "@/lib/model/errors";
import { guardedFetch } from "./guarded-fetch";
import { describeNetworkFailure } from "./network-errors";
import { ResponseTooLargeError, readCappedText } from "./read-capped";
import { RequestBudget, type RateBudget, type RequestPriority } from "./request-budget";

export type { RateBudget, RequestPriority } from "./request-budget";

export type QueryValue = string | number | boolean | null | undefined | readonly string[];

export interface HttpRequest {
  method: "GET" | "HEAD" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Path below the connection's base URL, starting with `/`. Ids must already be encoded. */
  path: string;
  /** Arrays are sent as repeated keys (`ids=a&ids=b`); null and undefined are left out. */
  query?: Readonly<Record<string, QueryValue>>;
  body?: unknown;
  /** Overrides the method's default: only GET and HEAD are retried unless this says otherwise. */
  idempotent?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON body, or null for an empty body. */
  body: unknown;
}

export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
}

export interface HttpClientOptions {
  provider: ProviderId;
  connectionId: string;
  baseUrl: string;
  authHeaders: Record<string, string>;
  timeoutMs?: number;
  maxRetries?: number;
  /** Shared with the connection's other clients; a client made without them gets its own. */
  policies?: ConnectionPolicies;
  /** Used only when `policies` is not given. */
  requestsPerMinute?: number | null;
  /** Whose calls these are; the budget serves interactive ones first. */
  priority?: RequestPriority;
  /** Longest `Retry-After` worth waiting for inside one request. */
  maxRetryAfterSeconds?: number;
  /** Largest answer read (default `PARLEY_PROVIDER_MAX_RESPONSE_BYTES`). */
  maxResponseBytes?: number;
  /** Replaces the address-checked fetch (tests only). */
  fetchImpl?: typeof fetch;
}

/**
 * The state a connection's calls share and that outlives a request: the breaker, the limit of
 * calls in flight and the provider's request budget. A connection's runtime
 * (`lib/connections/runtime.ts`) builds one set and hands it to every client it makes, so a new
 * key or base URL (a new runtime) starts with fresh state, and nothing here is process-wide.
 */
export interface ConnectionPolicies {
  breaker: CircuitBreakerPolicy;
  limiter: BulkheadPolicy;
  budget: RateBudget | null;
}

export interface PolicyOptions {
  requestsPerMinute?: number | null;
  /** Calls in flight (`PARLEY_PROVIDER_MAX_CONCURRENT`, default 32); more wait in a queue of 500. */
  maxConcurrent?: number;
  /** After this many consecutive failures (5xx, timeouts, network) calls fail fast. */
  breakerThreshold?: number;
  halfOpenAfterMs?: number;
  budget?: RateBudget | null;
}

export function createConnectionPolicies(options: PolicyOptions = {}): ConnectionPolicies {
  const config = getConfig();
  return {
    breaker: circuitBreaker(
      handleWhen((error) => isProviderError(error) && error.code === "unavailable"),
      {
        halfOpenAfter: options.halfOpenAfterMs ?? config.breakerHalfOpenMs,
        breaker: new ConsecutiveBreaker(options.breakerThreshold ?? 5),
      },
    ),
    // Set well above what a page needs so that, under load, Parley's own queue does not become the
    // latency (at 8, twenty concurrent readers of one connection waited on each other).
    limiter: bulkhead(options.maxConcurrent ?? config.providerMaxConcurrent, 500),
    budget:
      options.budget !== undefined
        ? options.budget
        : options.requestsPerMinute
          ? new RequestBudget(options.requestsPerMinute, 60_000)
          : null,
  };
}

export function buildUrl(baseUrl: string, path: string, query?: HttpRequest["query"]): URL {
  const url = new URL(baseUrl.replace(/\/+$/, "") + path);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(key, item);
    else url.searchParams.set(key, String(value));
  }
  return url;
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** A short excerpt of an error body for the server log (never shown to people). */
function bodyExcerpt(body: unknown): string {
  const text = typeof body === "string" ? body : JSON.stringify(body ?? null);
  return (text ?? "").slice(0, 300);
}

/** The error for a non-2xx answer; its message names the status, never the provider's words. */
function errorForStatus(provider: ProviderId, status: number, headers: Headers): ProviderError {
  const label = providerLabels[provider];
  if (status === 401 || status === 403)
    return new ProviderError("auth_failed", provider, `${label} refused the API key (${status})`, {
      status,
    });
  if (status === 404)
    return new ProviderError("not_found", provider, `${label} has no such item (404)`, { status });
  if (status === 429) {
    const retryAfterSeconds = parseRetryAfter(headers.get("retry-after"));
    const wait = retryAfterSeconds === undefined ? "" : `; retry after ${retryAfterSeconds} s`;
    return new ProviderError(
      "rate_limited",
      provider,
      `${label} is rate limiting this connection (429)${wait}`,
      {
        status,
        retryAfterSeconds,
      },
    );
  }
  if (status >= 500)
    return new ProviderError("unavailable", provider, `HTTP ${status} from the provider (${label})`, {
      status,
    });
  return new ProviderError("invalid_request", provider, `${label} rejected the request (${status})`, {
    status,
  });
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const config = getConfig();
  const fetchImpl = options.fetchImpl ?? guardedFetch(providerAddressPolicy(config));
  const maxResponseBytes = options.maxResponseBytes ?? config.providerMaxResponseBytes;
  // The key as sent ("Bearer k" and "k"), so it can be masked in anything logged.
  const secrets = Object.values(options.authHeaders).flatMap((value) => [
    value,
    value.replace(/^(bearer|basic|token)\s+/i, ""),
  ]);
  const label = providerLabels[options.provider];
  /** Details for the server log: what failed, where, with the key scrubbed from any text. */
  const logFailure = (event: string, request: HttpRequest, fields: Record<string, unknown>) =>
    log.warn(event, {
      provider: options.provider,
      connectionId: options.connectionId,
      method: request.method,
      path: scrubSecrets(request.path, secrets),
      ...Object.fromEntries(
        Object.entries(fields).map(([key, value]) => [
          key,
          typeof value === "string" ? scrubSecrets(value, secrets) : value,
        ]),
      ),
    });
  const timeoutMs = options.timeoutMs ?? config.providerTimeoutMs;
  const policies =
    options.policies ?? createConnectionPolicies({ requestsPerMinute: options.requestsPerMinute ?? null });
  const priority = options.priority ?? "interactive";
  const maxRetryAfterSeconds = options.maxRetryAfterSeconds ?? 3;

  async function attempt(request: HttpRequest, signal: AbortSignal): Promise<HttpResponse> {
    const url = buildUrl(options.baseUrl, request.path, request.query);
    const headers: Record<string, string> = { accept: "application/json", ...options.authHeaders };
    if (request.body !== undefined) headers["content-type"] = "application/json";
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        redirect: "manual",
        signal,
        cache: "no-store",
      });
    } catch (error) {
      if (signal.aborted)
        throw new ProviderError(
          "unavailable",
          options.provider,
          `${label} did not answer within ${timeoutMs} ms`,
        );
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      logFailure("provider.network_error", request, {
        error: cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause),
      });
      throw new ProviderError("unavailable", options.provider, describeNetworkFailure(label, error));
    }
    let text: string;
    try {
      text = await readCappedText(response, maxResponseBytes);
    } catch (error) {
      if (error instanceof ResponseTooLargeError) {
        logFailure("provider.answer_too_large", request, {
          status: response.status,
          maxBytes: maxResponseBytes,
        });
        throw new ProviderError(
          "bad_response",
          options.provider,
          `${label} sent an answer larger than ${Math.round(maxResponseBytes / 1_048_576)} MB; Parley stopped reading it (PARLEY_PROVIDER_MAX_RESPONSE_BYTES)`,
          { status: response.status },
        );
      }
      if (signal.aborted)
        throw new ProviderError(
          "unavailable",
          options.provider,
          `${label} did not answer within ${timeoutMs} ms`,
        );
      throw new ProviderError("unavailable", options.provider, `${label} closed the connection mid-answer`);
    }
    let body: unknown = null;
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
    }
    if (response.status >= 300 && response.status < 400)
      throw new ProviderError(
        "bad_response",
        options.provider,
        `${label} answered with a redirect (${response.status}); Parley does not follow provider redirects`,
        { status: response.status },
      );
    if (!response.ok) {
      logFailure("provider.error_status", request, {
        status: response.status,
        body: bodyExcerpt(body ?? text),
      });
      throw errorForStatus(options.provider, response.status, response.headers);
    }
    if (body === undefined)
      throw new ProviderError(
        "bad_response",
        options.provider,
        `Bad response from ${label}: the body is not valid JSON`,
        {
          status: response.status,
        },
      );
    return { status: response.status, headers: response.headers, body };
  }

  return {
    async request(request) {
      const idempotent = request.idempotent ?? (request.method === "GET" || request.method === "HEAD");
      const retryPolicy = retry(
        handleWhen(
          (error) =>
            idempotent &&
            isProviderError(error) &&
            (error.code === "unavailable" ||
              (error.code === "rate_limited" &&
                (error.details.retryAfterSeconds ?? 0) <= maxRetryAfterSeconds)),
        ),
        {
          maxAttempts: options.maxRetries ?? 2,
          backoff: new DelegateBackoff((context) => {
            const failure = context.result;
            if (
              "error" in failure &&
              isProviderError(failure.error) &&
              failure.error.code === "rate_limited"
            ) {
              return Math.max(0, failure.error.details.retryAfterSeconds ?? 1) * 1000;
            }
            return Math.min(2_000, 100 * 2 ** (context.attempt - 1)) + Math.random() * 50;
          }),
        },
      );
      const perAttemptTimeout = timeout(timeoutMs, TimeoutStrategy.Aggressive);
      const withinBudget = async (signal: AbortSignal) => {
        // The provider's documented budget is kept outside the timeout: waiting for a slot is not the provider being slow.
        const waitMs = policies.budget ? await policies.budget.take(3_000, priority) : 0;
        if (waitMs > 0)
          throw new ProviderError(
            "rate_limited",
            options.provider,
            `Parley keeps this ${label} connection within its request budget; try again in ${Math.ceil(waitMs / 1000)} s`,
            { retryAfterSeconds: Math.ceil(waitMs / 1000) },
          );
        return perAttemptTimeout.execute(
          ({ signal: attemptSignal }) => attempt(request, attemptSignal),
          signal,
        );
      };
      const policy = wrap(policies.breaker, retryPolicy, policies.limiter);
      try {
        return await policy.execute(({ signal }) => withinBudget(signal));
      } catch (error) {
        if (isProviderError(error)) throw error;
        if (error instanceof TaskCancelledError)
          throw new ProviderError(
            "unavailable",
            options.provider,
            `${label} did not answer within ${timeoutMs} ms`,
          );
        if (error instanceof BrokenCircuitError)
          throw new ProviderError(
            "unavailable",
            options.provider,
            `${label} is failing repeatedly; Parley is pausing calls to this connection for a few seconds`,
          );
        if (error instanceof BulkheadRejectedError)
          throw new ProviderError(
            "rate_limited",
            options.provider,
            `Too many requests queued for this ${label} connection`,
          );
        throw new ProviderError("unavailable", options.provider, `${label} request failed unexpectedly`);
      }
    },
  };
}
