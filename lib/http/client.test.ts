/**
 * The HTTP client's resilience contract, with a fake `fetchImpl` and fake timers: `Retry-After` is
 * seconds, only idempotent requests are retried, the breaker opens after five consecutive
 * failures (not on 404s) and half-opens on time; errors name the failure's kind, never the
 * provider's words or a socket address; answers over the size cap are cut off.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ProviderError } from "@/lib/model/errors";
import { setLogSink } from "@/lib/logger";

process.env.PARLEY_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "parley-http-"));
process.env.PARLEY_SECRET ??= "http-client-test-secret-0123456789abcdef";

const { createConnectionPolicies, createHttpClient } = await import("./client");

type Answer = { status: number; body?: string; headers?: Record<string, string> };

/** A fetch that answers from a script (the last answer repeats) and counts its calls. */
function fakeFetch(...answers: Answer[]) {
  const calls: { method: string; url: string }[] = [];
  const impl = vi.fn(async (input: URL | RequestInfo, init?: RequestInit) => {
    calls.push({ method: init?.method ?? "GET", url: String(input) });
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)] as Answer;
    return new Response(answer.body ?? (answer.status === 204 ? null : "{}"), {
      status: answer.status,
      headers: { "content-type": "application/json", ...answer.headers },
    });
  });
  return { impl: impl as unknown as typeof fetch, calls };
}

function client(fetchImpl: typeof fetch, extra: Partial<Parameters<typeof createHttpClient>[0]> = {}) {
  return createHttpClient({
    provider: "zaia",
    connectionId: "c1",
    baseUrl: "https://api.example.com",
    authHeaders: { authorization: "Bearer secret-key-123456" },
    timeoutMs: 60_000,
    fetchImpl,
    ...extra,
  });
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof ProviderError))
    throw new Error(`expected a ProviderError, got ${String(outcome)}`);
  return outcome;
}

beforeAll(() => setLogSink(() => undefined));
afterEach(() => {
  vi.useRealTimers();
});

describe("retries", () => {
  it("reads Retry-After as seconds: a 429 with `Retry-After: 1` on a GET waits at least 1 s", async () => {
    vi.useFakeTimers();
    const fake = fakeFetch({ status: 429, headers: { "retry-after": "1" } }, { status: 200 });
    const pending = client(fake.impl).request({ method: "GET", path: "/chats" });
    await vi.advanceTimersByTimeAsync(990);
    expect(fake.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(20);
    expect(fake.calls).toHaveLength(2);
    await expect(pending).resolves.toMatchObject({ status: 200 });
  });

  it("retries a 503 on a GET", async () => {
    vi.useFakeTimers();
    const fake = fakeFetch({ status: 503 }, { status: 200 });
    const pending = client(fake.impl).request({ method: "GET", path: "/chats" });
    await vi.advanceTimersByTimeAsync(5_000);
    await expect(pending).resolves.toMatchObject({ status: 200 });
    expect(fake.calls).toHaveLength(2);
  });

  for (const method of ["POST", "PATCH", "DELETE"] as const) {
    it(`sends a ${method} exactly once, even when it fails with 503`, async () => {
      vi.useFakeTimers();
      const fake = fakeFetch({ status: 503 });
      const pending = failure(client(fake.impl).request({ method, path: "/chats/1", body: { a: 1 } }));
      await vi.advanceTimersByTimeAsync(10_000);
      expect((await pending).code).toBe("unavailable");
      expect(fake.calls).toHaveLength(1);
    });
  }
});

describe("circuit breaker", () => {
  it("opens after five consecutive 503s; the next call fails fast without calling fetch", async () => {
    const fake = fakeFetch({ status: 503 });
    const http = client(fake.impl, {
      maxRetries: 0,
      policies: createConnectionPolicies({ halfOpenAfterMs: 60_000 }),
    });
    for (let index = 0; index < 5; index++)
      expect((await failure(http.request({ method: "GET", path: "/x" }))).code).toBe("unavailable");
    expect(fake.calls).toHaveLength(5);
    const fast = await failure(http.request({ method: "GET", path: "/x" }));
    expect(fast.message).toMatch(/failing repeatedly/);
    expect(fake.calls).toHaveLength(5);
  });

  it("does not open on repeated 404s", async () => {
    const fake = fakeFetch({ status: 404 });
    const http = client(fake.impl, {
      maxRetries: 0,
      policies: createConnectionPolicies({ halfOpenAfterMs: 60_000 }),
    });
    for (let index = 0; index < 12; index++)
      expect((await failure(http.request({ method: "GET", path: "/x" }))).code).toBe("not_found");
    expect(fake.calls).toHaveLength(12);
  });

  it("half-opens on time: after halfOpenAfterMs one call goes through, and success closes it", async () => {
    vi.useFakeTimers();
    const fake = fakeFetch(...Array<Answer>(5).fill({ status: 503 }), { status: 200 });
    const http = client(fake.impl, {
      maxRetries: 0,
      policies: createConnectionPolicies({ halfOpenAfterMs: 2_000 }),
    });
    for (let index = 0; index < 5; index++) await failure(http.request({ method: "GET", path: "/x" }));
    await vi.advanceTimersByTimeAsync(1_000);
    await failure(http.request({ method: "GET", path: "/x" }));
    expect(fake.calls).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(1_100);
    await expect(http.request({ method: "GET", path: "/x" })).resolves.toMatchObject({ status: 200 });
    expect(fake.calls).toHaveLength(6);
    await expect(http.request({ method: "GET", path: "/x" })).resolves.toMatchObject({ status: 200 });
    expect(fake.calls).toHaveLength(7);
  });
});

describe("what people are told", () => {
  it("names the status of a failed answer, never the provider's body or the key it echoed", async () => {
    const echo = JSON.stringify({ message: "internal at 10.0.0.7:5432, got Bearer secret-key-123456" });
    for (const status of [400, 401, 404, 502]) {
      const fake = fakeFetch({ status, body: echo });
      const error = await failure(
        client(fake.impl, { maxRetries: 0 }).request({ method: "GET", path: "/x" }),
      );
      expect(error.message).toContain(String(status));
      expect(error.message).not.toMatch(/10\.0\.0\.7|secret-key|internal at/);
    }
    const fake = fakeFetch({ status: 502, body: echo });
    const error = await failure(client(fake.impl, { maxRetries: 0 }).request({ method: "GET", path: "/x" }));
    expect(error.message).toBe("HTTP 502 from the provider (Zaia)");
  });

  it("names a refused connection without its socket address", async () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:4496"), { code: "ECONNREFUSED" });
    const impl = vi.fn(async () => {
      throw new TypeError("fetch failed", { cause: refused });
    }) as unknown as typeof fetch;
    const error = await failure(client(impl, { maxRetries: 0 }).request({ method: "GET", path: "/x" }));
    expect(error.message).toBe("Zaia refused the connection");
  });

  it("logs the details with the key scrubbed", async () => {
    const lines: string[] = [];
    setLogSink((_level, line) => lines.push(line));
    try {
      const fake = fakeFetch({ status: 500, body: "boom: secret-key-123456" });
      await failure(client(fake.impl, { maxRetries: 0 }).request({ method: "GET", path: "/x" }));
    } finally {
      setLogSink(() => undefined);
    }
    expect(lines.join("\n")).toContain("provider.error_status");
    expect(lines.join("\n")).not.toContain("secret-key-123456");
  });
});

describe("size cap", () => {
  it("stops reading an answer past the cap and fails that call with a clear notice", async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(32);
    const impl = vi.fn(async () => {
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      return new Response(body, { status: 200 });
    }) as unknown as typeof fetch;
    const error = await failure(
      client(impl, { maxRetries: 0, maxResponseBytes: 1_048_576 }).request({ method: "GET", path: "/x" }),
    );
    expect(error.code).toBe("bad_response");
    expect(error.message).toMatch(/larger than 1 MB/);
    expect(pulled).toBeLessThan(2 * 1_048_576);
  });

  it("refuses a declared Content-Length over the cap before reading", async () => {
    const fake = fakeFetch({ status: 200, body: "{}", headers: { "content-length": String(50_000_000) } });
    const error = await failure(
      client(fake.impl, { maxRetries: 0, maxResponseBytes: 1_048_576 }).request({
        method: "GET",
        path: "/x",
      }),
    );
    expect(error.code).toBe("bad_response");
  });
});
