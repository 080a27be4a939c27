/**
 * The connect-time address check, against a real server on loopback: names are judged by every
 * address they resolve to when the connection is made (a resolver that answers a public address
 * first and loopback later cannot slip through), IP literals are judged before connecting, and a
 * refused connection never reaches the server.
 */
import type dns from "node:dns";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Agent, fetch as undiciFetch } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AddressRefusedError, guardedConnector, guardedFetch } from "./guarded-fetch";
import { describeNetworkFailure } from "./network-errors";

let server: http.Server;
let port = 0;
let hits = 0;

beforeAll(async () => {
  server = http.createServer((_request, response) => {
    hits += 1;
    response.end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A resolver that answers from a script, one answer per lookup (the last one repeats). */
function scriptedResolver(...answers: string[][]): typeof dns.lookup {
  let calls = 0;
  const lookup = (_hostname: string, _options: unknown, callback: (...args: unknown[]) => void) => {
    const answer = answers[Math.min(calls++, answers.length - 1)] ?? [];
    callback(
      null,
      answer.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })),
    );
  };
  return lookup as unknown as typeof dns.lookup;
}

async function fetchWith(resolver: typeof dns.lookup, url: string, allowLoopback = false) {
  const dispatcher = new Agent({
    connect: guardedConnector({ allowLoopback, allowPrivate: false }, resolver),
  });
  try {
    return await undiciFetch(url, { dispatcher });
  } finally {
    await dispatcher.close();
  }
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("the request went through");
    },
    (error: unknown) => error,
  );
}

describe("connect-time address check", () => {
  it("refuses a name that resolves to loopback, and the server sees nothing", async () => {
    const before = hits;
    const error = await refusal(fetchWith(scriptedResolver(["127.0.0.1"]), `http://provider.test:${port}/`));
    expect((error as Error).cause).toBeInstanceOf(AddressRefusedError);
    expect(hits).toBe(before);
  });

  it("refuses when any resolved address is private, even if the first is public", async () => {
    const error = await refusal(
      fetchWith(scriptedResolver(["93.184.216.34", "169.254.169.254"]), `http://provider.test:${port}/`),
    );
    expect((error as Error).cause).toBeInstanceOf(AddressRefusedError);
  });

  it("checks the answer at connect time: a name that changes to loopback after a check is refused", async () => {
    const resolver = scriptedResolver(["93.184.216.34"], ["127.0.0.1"]);
    // The first lookup is the save-time check's; the connection makes the second.
    await new Promise((resolve) => resolver("provider.test", { all: true }, resolve));
    const error = await refusal(fetchWith(resolver, `http://provider.test:${port}/`));
    expect((error as Error).cause).toBeInstanceOf(AddressRefusedError);
  });

  it("refuses IP literals before connecting, in every spelling", async () => {
    const before = hits;
    for (const url of [
      `http://127.0.0.1:${port}/`,
      `http://[::1]:${port}/`,
      `http://[::ffff:127.0.0.1]:${port}/`,
    ]) {
      const error = await refusal(
        guardedFetch({ allowLoopback: false, allowPrivate: false })(new URL(url), {}),
      );
      expect((error as Error).cause, url).toBeInstanceOf(AddressRefusedError);
      expect(describeNetworkFailure("Zaia", error)).not.toMatch(/127\.0\.0\.1|::1|\d{4,5}/);
    }
    expect(hits).toBe(before);
  });

  it("lets loopback through when the policy allows it (demo mode)", async () => {
    const response = await fetchWith(scriptedResolver(["127.0.0.1"]), `http://provider.test:${port}/`, true);
    expect(response.status).toBe(200);
  });
});
